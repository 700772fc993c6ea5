import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNodeProperty } from '../../../shared/apiFields';
import { readParameters } from '../../../shared/operationParts';
import { callGravityZone } from '../../transport/jsonRpc';
import { gzCompanyIdField } from '../common';

const show = { resource: ['licensing'], operation: ['getLicenseInfo'] };
const COMPANY = gzCompanyIdField('companyId', 'The company whose licence to read; leave empty for your own');

export const description: INodeProperties[] = [
	{ ...toNodeProperty(COMPANY), displayOptions: { show } },
	{
		displayName: 'Return All Products',
		name: 'returnAllProducts',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: 'Whether to return the licence details of every product',
	},
];

/** getLicenseInfo shows, among others, whether a new company landed on a trial (subscriptionType 1). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = readParameters(this, itemIndex, [COMPANY]);
	if (this.getNodeParameter('returnAllProducts', itemIndex, false)) params.returnAllProducts = true;
	return (await callGravityZone(this, 'licensing', 'getLicenseInfo', params, itemIndex)) as IDataObject;
}
