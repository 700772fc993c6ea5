import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { companyIdParameter, isDryRun, readCompanyId, writeOptions } from '../../../shared/operationParts';
import type { OperationHandler } from '../../../shared/processItems';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';
import { COMPANY_ID } from '../common';

type StatusOperation = 'suspend' | 'activate' | 'delete';

const METHODS: Record<StatusOperation, string> = { suspend: 'suspendCompany', activate: 'activateCompany', delete: 'deleteCompany' };
const DONE: Record<StatusOperation, string> = { suspend: 'suspended', activate: 'activated', delete: 'deleted' };

export function description(operation: StatusOperation): INodeProperties[] {
	const show = { resource: ['company'], operation: [operation] };
	return [companyIdParameter(COMPANY_ID, show), writeOptions(show)];
}

/** suspendCompany, activateCompany and deleteCompany take just the company ID. */
export function handler(operation: StatusOperation): OperationHandler {
	return async function (this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const params = readCompanyId(this, itemIndex, COMPANY_ID);
		if (isDryRun(this, itemIndex)) return { dryRun: true, request: await gravityZoneRequest(this, 'companies', METHODS[operation], params) };
		await callGravityZone(this, 'companies', METHODS[operation], params, itemIndex);
		return { companyId: params.companyId, [DONE[operation]]: true };
	};
}
