import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FieldLayout } from '../../../shared/collectBody';
import { collectBody, isPlainObject, layoutProperties } from '../../../shared/collectBody';
import { throwIfInvalid } from '../../../shared/processItems';
import { validateBody } from '../../../shared/validateBody';
import { callEset } from '../../transport/request';
import { CREATE_CUSTOMER_FIELDS } from './customerFields';

export const createCustomerLayout: FieldLayout = {
	fields: CREATE_CUSTOMER_FIELDS,
	topLevel: ['name', 'address'],
	collection: 'additionalFields',
	collectionDisplayName: 'Additional Fields',
	omitEmptyStrings: true,
};

export const description: INodeProperties[] = layoutProperties(createCustomerLayout, {
	resource: ['company'],
	operation: ['createCustomer'],
});

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = collectBody(this, itemIndex, createCustomerLayout);
	throwIfInvalid(this, itemIndex, CREATE_CUSTOMER_FIELDS, validateBody(CREATE_CUSTOMER_FIELDS, body));
	const response = await callEset(this, 'POST', '/api/Company/Create/customer', body, itemIndex);
	const companyId = readCompanyId(response);
	if (!companyId) {
		throw new NodeApiError(this.getNode(), {}, {
			message: 'ESET created the customer but its answer held no company ID',
			description:
				'The customer may exist now: look it up in EMA 2 (search by name or Custom Identifier) before running this item again.',
			itemIndex,
		});
	}
	const output: IDataObject = { companyId, name: body.name };
	if (body.parentCompanyId !== undefined) output.parentCompanyId = body.parentCompanyId;
	if (body.customIdentifier !== undefined) output.customIdentifier = body.customIdentifier;
	return output;
}
