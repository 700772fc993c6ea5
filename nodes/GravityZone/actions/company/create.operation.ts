import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldLayout } from '../../../shared/collectBody';
import { collectBody, layoutProperties } from '../../../shared/collectBody';
import { deepMerge, readJsonObject } from '../../../shared/extraParams';
import { throwIfInvalid } from '../../../shared/processItems';
import { validateBody } from '../../../shared/validateBody';
import { callGravityZone } from '../../transport/jsonRpc';
import { CREATE_COMPANY_FIELDS } from './companyFields';
import { companyRules } from './companyRules';

const show = { resource: ['company'], operation: ['create'] };

export const createCompanyLayout: FieldLayout = {
	fields: CREATE_COMPANY_FIELDS,
	topLevel: ['type', 'name', 'licenseSubscription'],
	collection: 'additionalFields',
	collectionDisplayName: 'Additional Fields',
	omitEmptyStrings: false,
};

const [type, name, ...rest] = layoutProperties(createCompanyLayout, show);

export const description: INodeProperties[] = [
	type,
	name,
	{
		displayName:
			'Without a License Subscription, GravityZone creates a TRIAL company. Add the licence you sell below.',
		name: 'trialNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	...rest,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Extra Params (JSON)',
				name: 'extraParams',
				type: 'json',
				default: '{}',
				description:
					'Parameters merged into the createCompany params as they are, for fields GravityZone adds after this node was written. They win over the fields above.',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const extra = readJsonObject(this, 'options.extraParams', 'Options > Extra Params (JSON)', itemIndex);
	const params = deepMerge(collectBody(this, itemIndex, createCompanyLayout), extra);
	throwIfInvalid(this, itemIndex, CREATE_COMPANY_FIELDS, [
		...validateBody(CREATE_COMPANY_FIELDS, params),
		...companyRules(params),
	]);
	const id = await callGravityZone(this, 'companies', 'createCompany', params, itemIndex);
	return { id: id as string, name: params.name, type: params.type };
}
