import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { companyIdParameter, readCompanyId } from '../../../shared/operationParts';
import { callEset } from '../../transport/request';
import { COMPANY_ID } from '../common';

const show = { resource: ['company'], operation: ['get'] };

export const description: INodeProperties[] = [companyIdParameter(COMPANY_ID, show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readCompanyId(this, itemIndex, COMPANY_ID);
	return (await callEset(this, 'POST', '/api/Company/Detail', body, itemIndex)) as IDataObject;
}
