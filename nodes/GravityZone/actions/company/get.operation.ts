import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { companyIdParameter, readCompanyId } from '../../../shared/operationParts';
import { callGravityZone } from '../../transport/jsonRpc';
import { COMPANY_ID } from '../common';

const show = { resource: ['company'], operation: ['get'] };

export const description: INodeProperties[] = [companyIdParameter(COMPANY_ID, show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return (await callGravityZone(this, 'companies', 'getCompanyDetails', readCompanyId(this, itemIndex, COMPANY_ID), itemIndex)) as IDataObject;
}
