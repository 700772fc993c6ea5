import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNodeProperty } from '../../../shared/apiFields';
import { readLimit, readParameters, returnAllProperties } from '../../../shared/operationParts';
import { gzCompanyIdField } from '../common';
import { listItems } from '../paging';

const show = { resource: ['account'], operation: ['getMany'] };
const COMPANY = gzCompanyIdField('companyId', 'The company whose user accounts to list; leave empty for your own');

export const description: INodeProperties[] = [{ ...toNodeProperty(COMPANY), displayOptions: { show } }, ...returnAllProperties(show)];

/** getAccountsList, page by page: one item per account (the key's own account is never listed). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = readParameters(this, itemIndex, [COMPANY]);
	return await listItems(this, 'accounts', 'getAccountsList', params, readLimit(this, itemIndex), itemIndex);
}
