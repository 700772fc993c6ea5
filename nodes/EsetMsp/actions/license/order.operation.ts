import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import { layoutProperties } from '../../../shared/collectBody';
import { isDryRun, readParameters, writeOptions } from '../../../shared/operationParts';
import { callEset, esetRequest } from '../../transport/request';
import { esetCompanyIdField } from '../common';
import { explainLicenseError } from './licenseFields';

const show = { resource: ['license'], operation: ['order'] };

/** POST /api/License/Order, as documented. */
const ORDER_FIELDS: ApiField[] = [
	{ ...esetCompanyIdField('customerId', 'Customer', 'The customer to order the licence for (customers only)'), required: true },
	{ key: 'productCode', displayName: 'Product Code', type: 'string', required: true, notBlank: true, description: 'The EMA 2 product code of the licence' },
	{ key: 'quantity', displayName: 'Quantity', type: 'integer', required: true, minValue: 1, default: 1, description: 'Number of seats' },
	{
		key: 'licenseType',
		displayName: 'License Type',
		type: 'options',
		required: true,
		default: 1,
		options: [
			{ name: 'Full', value: 1, description: 'A paid licence' },
			{ name: 'Trial', value: 4, description: 'A trial licence' },
		],
		description: 'Full or trial',
	},
];

const layout = { fields: ORDER_FIELDS, topLevel: ORDER_FIELDS.map((field) => field.key), collection: '', collectionDisplayName: '', omitEmptyStrings: true };

export const description: INodeProperties[] = [...layoutProperties(layout, show), writeOptions(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readParameters(this, itemIndex, ORDER_FIELDS);
	if (isDryRun(this, itemIndex)) return { dryRun: true, request: await esetRequest(this, 'POST', '/api/License/Order', body) };
	const response = await callEset(this, 'POST', '/api/License/Order', body, itemIndex).catch((error: unknown) => {
		throw explainLicenseError(error);
	});
	const publicLicenseKey = typeof response === 'string' ? response : (response as IDataObject)?.publicLicenseKey;
	return { ...body, publicLicenseKey };
}
