import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { companyIdParameter, readCompanyId, readLimit, returnAllProperties } from '../../../shared/operationParts';
import { collectPages, esetCompanyIdField } from '../common';

const show = { resource: ['company'], operation: ['getMany'] };
const PARENT = esetCompanyIdField('companyId', 'Parent Company', 'The company whose direct children to list');

export const description: INodeProperties[] = [companyIdParameter(PARENT, show), ...returnAllProperties(show)];

/** The direct children of a company (Company/Children, paged by skip/take 100): one item each. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const body = readCompanyId(this, itemIndex, PARENT);
	return await collectPages(this, '/api/Company/Children', body, readLimit(this, itemIndex), itemIndex);
}
