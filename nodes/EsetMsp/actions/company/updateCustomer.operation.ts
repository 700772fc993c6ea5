import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import { collectBody, isPlainObject, layoutProperties } from '../../../shared/collectBody';
import { companyIdParameter, isDryRun, readCompanyId, writeOptions } from '../../../shared/operationParts';
import { throwIfInvalid } from '../../../shared/processItems';
import { type Violation, validateBody } from '../../../shared/validateBody';
import { callEset, esetRequest } from '../../transport/request';
import { COMPANY_ID } from '../common';
import { CREATE_CUSTOMER_FIELDS } from './customerFields';

const show = { resource: ['company'], operation: ['updateCustomer'] };

const tagList = (key: string, displayName: string, description: string): ApiField => ({
	key,
	displayName,
	type: 'objectList',
	entryName: 'Tag',
	omitWhenEmpty: true,
	description,
	fields: [{ key: 'tag', displayName: 'Tag', type: 'string', description: 'One tag' }],
});

/** The create fields that Update/customer takes too (none required now), and the tag changes. */
const UPDATE_FIELDS: ApiField[] = [
	...CREATE_CUSTOMER_FIELDS.filter((field) => !['parentCompanyId', 'tags'].includes(field.key)).map((field) => ({
		...field,
		required: false,
		atLeastOneField: false,
	})),
	tagList('tagsToAdd', 'Tags to Add', 'Tags to add to the customer'),
	tagList('tagsToRemove', 'Tags to Remove', 'Tags to take off the customer'),
];

/** Fields that may be erased: EMA 2 erases a field sent empty. */
const CLEARABLE = ['email', 'customIdentifier', 'comment', 'vatId', 'description', 'address.streetAddress', 'address.city', 'address.zipCode', 'address.state'];

const layout = {
	fields: UPDATE_FIELDS,
	topLevel: [],
	collection: 'updateFields',
	collectionDisplayName: 'Update Fields',
	omitEmptyStrings: true,
};

export const description: INodeProperties[] = [
	companyIdParameter(COMPANY_ID, show),
	...layoutProperties(layout, show),
	{
		displayName: 'Fields to Clear',
		name: 'fieldsToClear',
		type: 'multiOptions',
		default: [],
		displayOptions: { show },
		description:
			'Fields to ERASE in EMA 2. Fields left empty above are not sent and keep their value: only the ones chosen here are sent empty, which erases them.',
		options: CLEARABLE.map((path) => ({ name: path, value: path })),
	},
	writeOptions(show),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { companyId } = readCompanyId(this, itemIndex, COMPANY_ID);
	const changes = collectBody(this, itemIndex, layout);
	const violations: Violation[] = validateBody(UPDATE_FIELDS, changes);
	for (const path of this.getNodeParameter('fieldsToClear', itemIndex, []) as string[]) {
		const [key, sub] = path.split('.');
		const target = sub ? ((changes[key] = isPlainObject(changes[key]) ? changes[key] : {}) as IDataObject) : changes;
		const field = sub ?? key;
		if (target[field] !== undefined) violations.push({ path: path.split('.'), rule: 'is both set and chosen in Fields to Clear' });
		target[field] = '';
	}
	throwIfInvalid(this, itemIndex, UPDATE_FIELDS, violations);
	const body = { companyId, ...changes };
	if (isDryRun(this, itemIndex)) return { dryRun: true, request: await esetRequest(this, 'POST', '/api/Company/Update/customer', body) };
	await callEset(this, 'POST', '/api/Company/Update/customer', body, itemIndex);
	return { companyId, updated: true, sent: changes };
}
