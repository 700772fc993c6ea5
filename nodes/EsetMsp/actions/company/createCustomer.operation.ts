import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FieldLayout } from '../../../shared/collectBody';
import { collectBody, isPlainObject, layoutProperties } from '../../../shared/collectBody';
import { type IfExists, ifExistsOption, isDryRun, writeOptions } from '../../../shared/operationParts';
import { credentialKey, oneAtATime } from '../../../shared/pacing';
import { credentialFields } from '../../../shared/sharedCredential';
import { type SendItem, throwIfInvalid } from '../../../shared/processItems';
import { createWithoutDuplicates } from '../../../shared/requestPolicy';
import { validateBody } from '../../../shared/validateBody';
import { callEset, esetRequest } from '../../transport/request';
import { fieldOf, findExistingCustomer, idOf } from '../common';
import { CREATE_CUSTOMER_FIELDS } from './customerFields';
import { itemLabel } from '../../../shared/errorText';

export const createCustomerLayout: FieldLayout = {
	fields: CREATE_CUSTOMER_FIELDS,
	topLevel: ['name', 'address'],
	collection: 'additionalFields',
	collectionDisplayName: 'Additional Fields',
	omitEmptyStrings: true,
};

const show = { resource: ['company'], operation: ['createCustomer'] };

export const description: INodeProperties[] = [
	...layoutProperties(createCustomerLayout, show),
	writeOptions(show, [
		ifExistsOption('same Custom Identifier when one is set, otherwise the same name under the same parent'),
	]),
];

/** The documented response is "the customer's company ID": a bare string or an object holding it. */
export function readCompanyId(response: unknown): string | undefined {
	if (typeof response === 'string' && response.trim() !== '') return response.trim();
	if (isPlainObject(response)) {
		for (const key of ['companyId', 'publicId', 'id', 'CompanyId', 'PublicId', 'Id']) {
			if (typeof response[key] === 'string' && response[key] !== '') return response[key] as string;
		}
	}
	return undefined;
}

/** Reads the item's fields (no request); what it returns creates the customer. */
export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const body = collectBody(this, itemIndex, createCustomerLayout);
	return async () => {
		// Items (or workflows) that create the same customer wait for each other: the second then finds the first.
		const { baseUrl } = await credentialFields<{ baseUrl: string }>(this, 'esetMspApi');
		const key = typeof body.customIdentifier === 'string' ? `id:${body.customIdentifier}` : `name:${String(body.parentCompanyId ?? '')}:${String(body.name ?? '').trim().toLowerCase()}`;
		return await oneAtATime(credentialKey('eset-create', baseUrl, key), async () => await createCustomer.call(this, itemIndex, body));
	};
}

async function createCustomer(this: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<IDataObject> {
	throwIfInvalid(this, itemIndex, CREATE_CUSTOMER_FIELDS, validateBody(CREATE_CUSTOMER_FIELDS, body));
	const summary = outputOf(body);
	const dryRun = isDryRun(this, itemIndex);
	const ifExists = this.getNodeParameter('options.ifExists', itemIndex, 'returnExisting') as IfExists;
	const lookup = async () => await findExistingCustomer(this, body, itemIndex);
	if (ifExists !== 'createAnyway') {
		const existing = await lookup();
		if (existing && ifExists === 'fail') throw existsAlready(this, itemIndex, existing);
		if (existing) {
			const found = { ...summary, companyId: idOf(existing), name: fieldOf(existing, 'name') ?? body.name, outcome: 'existing' };
			return dryRun ? { dryRun: true, ...found } : found;
		}
	}
	if (dryRun) {
		return { dryRun: true, outcome: 'wouldCreate', request: await esetRequest(this, 'POST', '/api/Company/Create/customer', body) };
	}
	const result = await createWithoutDuplicates(
		async () => await callEset(this, 'POST', '/api/Company/Create/customer', body, itemIndex),
		ifExists === 'createAnyway' ? undefined : lookup,
		'look for the customer (Search by name or Custom Identifier)',
	);
	if ('existing' in result) {
		// Refused because another process (or workflow) created it since the look-up above.
		if (result.afterRefusal && ifExists === 'fail') throw existsAlready(this, itemIndex, result.existing);
		return { ...summary, companyId: idOf(result.existing), name: fieldOf(result.existing, 'name') ?? body.name, outcome: 'existing' };
	}
	const companyId = readCompanyId(result.created);
	if (!companyId) {
		throw new NodeApiError(this.getNode(), {}, {
			message: 'ESET created the customer but its answer held no company ID',
			description:
				'The customer may exist now: look it up in EMA 2 (search by name or Custom Identifier) before running this item again.',
			itemIndex,
		});
	}
	return { ...summary, companyId, outcome: 'created' };
}

const existsAlready = (ctx: IExecuteFunctions, itemIndex: number, existing: IDataObject) =>
	new NodeOperationError(ctx.getNode(), `In ${itemLabel(itemIndex)}: the customer "${String(fieldOf(existing, 'name'))}" exists already (companyId ${idOf(existing)})`, {
		itemIndex,
		description: 'Nothing was created. Choose Options > If It Already Exists > Return the Existing Company to use it instead.',
	});

function outputOf(body: IDataObject): IDataObject {
	const output: IDataObject = { companyId: undefined, name: body.name };
	if (body.parentCompanyId !== undefined) output.parentCompanyId = body.parentCompanyId;
	if (body.customIdentifier !== undefined) output.customIdentifier = body.customIdentifier;
	return output;
}
