import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FIRST_FIELDS } from '../../../shared/apiFields';
import type { FieldLayout } from '../../../shared/collectBody';
import { collectBody, layoutProperties } from '../../../shared/collectBody';
import { type IfExists, ifExistsOption, isDryRun, writeOptions } from '../../../shared/operationParts';
import { credentialKey, oneAtATime } from '../../../shared/pacing';
import { credentialFields } from '../../../shared/sharedCredential';
import type { SendItem } from '../../../shared/processItems';
import { createWithoutDuplicates } from '../../../shared/requestPolicy';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';
import { extraParamsOption, withExtraParams } from '../common';
import { CREATE_COMPANY_FIELDS, LICENSE_SUBSCRIPTION } from './companyFields';
import { companyRules } from './companyRules';
import { findCompanyByExactName } from './findCompany';
import { itemLabel } from '../../../shared/errorText';

const show = { resource: ['company'], operation: ['create'] };

export const createCompanyLayout: FieldLayout = {
	fields: CREATE_COMPANY_FIELDS,
	topLevel: ['type', 'name', 'licenseSubscription'],
	collection: 'additionalFields',
	collectionDisplayName: 'Additional Fields',
	omitEmptyStrings: true,
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
		// Gone once a licence with its Type is added. A nested path, given from the root ("/"): n8n 1.x resolves
		// a parameter's display dependencies by top-level name and gives up on any other ("Could not resolve
		// parameter dependencies"), which stops every run of the node.
		displayOptions: { show, hide: { [`/${LICENSE_SUBSCRIPTION.key}.${FIRST_FIELDS}.type`]: [{ _cnd: { exists: true } }] } },
	},
	...rest,
	writeOptions(show, [
		extraParamsOption('createCompany'),
		ifExistsOption('same name, ignoring case and surrounding spaces, under the same parent'),
	]),
];

/** Reads the item's fields (no request); what it returns creates the company. */
export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	// Read once: every expression costs n8n an evaluation.
	const collected = collectBody(this, itemIndex, createCompanyLayout);
	return async () => {
		// Items (or workflows) that create the same name wait for each other: the second then finds the first.
		const name = String(collected.name ?? '').trim().toLowerCase();
		const { accessUrl } = await credentialFields<{ accessUrl: string }>(this, 'gravityZoneApi');
		return await oneAtATime(credentialKey('gravityZone-create', accessUrl, name), async () => await createCompany.call(this, itemIndex, collected));
	};
}

async function createCompany(this: IExecuteFunctions, itemIndex: number, collected: IDataObject): Promise<IDataObject> {
	const params = withExtraParams(this, itemIndex, collected, CREATE_COMPANY_FIELDS, companyRules);
	const ifExists = this.getNodeParameter('options.ifExists', itemIndex, 'returnExisting') as IfExists;
	const summary = { name: params.name, type: params.type };
	const parentId = typeof params.parentId === 'string' ? params.parentId : undefined;
	const lookup = async () => await findCompanyByExactName(this, String(params.name), parentId, itemIndex);
	if (ifExists !== 'createAnyway') {
		const existing = await lookup();
		if (existing && ifExists === 'fail') throw existsAlready(this, itemIndex, existing);
		if (existing) {
			const found = { id: existing.id, ...summary, name: existing.name ?? params.name, outcome: 'existing' };
			return isDryRun(this, itemIndex) ? { dryRun: true, ...found } : found;
		}
	}
	if (isDryRun(this, itemIndex)) {
		return { dryRun: true, outcome: 'wouldCreate', request: await gravityZoneRequest(this, 'companies', 'createCompany', params) };
	}
	const result = await createWithoutDuplicates(
		async () => (await callGravityZone(this, 'companies', 'createCompany', params, itemIndex)) as string,
		ifExists === 'createAnyway' ? undefined : lookup,
		'look for the company (Find by Name)',
	);
	if ('existing' in result) {
		// Refused because another process (or workflow) created it since the look-up above.
		if (result.afterRefusal && ifExists === 'fail') throw existsAlready(this, itemIndex, result.existing);
		return { id: result.existing.id, ...summary, name: result.existing.name ?? params.name, outcome: 'existing' };
	}
	return { id: result.created, ...summary, outcome: 'created' };
}

const existsAlready = (ctx: IExecuteFunctions, itemIndex: number, existing: IDataObject) =>
	new NodeOperationError(ctx.getNode(), `In ${itemLabel(itemIndex)}: a company named "${String(existing.name)}" exists already (id ${String(existing.id)})`, {
		itemIndex,
		description: 'Nothing was created. Choose Options > If It Already Exists > Return the Existing Company to use it instead.',
	});
