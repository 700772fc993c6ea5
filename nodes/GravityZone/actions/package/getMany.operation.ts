import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNodeProperty } from '../../../shared/apiFields';
import { readLimit, readParameters, returnAllProperties } from '../../../shared/operationParts';
import { gzCompanyIdField } from '../common';
import { listItems } from '../paging';

const show = { resource: ['package'], operation: ['getMany'] };
const COMPANY = gzCompanyIdField('companyId', 'The company whose packages to list; leave empty for your own');

export const description: INodeProperties[] = [{ ...toNodeProperty(COMPANY), displayOptions: { show } }, ...returnAllProperties(show)];

/** getPackagesList, page by page (100 a page): one item per package ({id, name, type}). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = readParameters(this, itemIndex, [COMPANY]);
	return await listItems(this, 'packages', 'getPackagesList', params, readLimit(this, itemIndex), itemIndex);
}
