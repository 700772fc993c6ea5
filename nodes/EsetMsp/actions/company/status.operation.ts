import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { companyIdParameter, isDryRun, readCompanyId, writeOptions } from '../../../shared/operationParts';
import type { OperationHandler } from '../../../shared/processItems';
import { callEset, esetRequest } from '../../transport/request';
import { COMPANY_ID } from '../common';

type StatusOperation = 'suspend' | 'unsuspend' | 'delete';

const PATHS: Record<StatusOperation, string> = {
	suspend: '/api/Company/Suspend',
	unsuspend: '/api/Company/Unsuspend',
	delete: '/api/Company/Delete',
};

const suspendFirst: INodeProperties = {
	displayName: 'Suspend First',
	name: 'suspendFirst',
	type: 'boolean',
	default: false,
	description: 'Whether to suspend the company before deleting it (EMA 2 deletes only suspended companies)',
};

export function description(operation: StatusOperation): INodeProperties[] {
	const show = { resource: ['company'], operation: [operation] };
	return [companyIdParameter(COMPANY_ID, show), writeOptions(show, operation === 'delete' ? [suspendFirst] : [])];
}

/** Suspend, Unsuspend and Delete take just the company ID. */
export function handler(operation: StatusOperation): OperationHandler {
	return async function (this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const body = readCompanyId(this, itemIndex, COMPANY_ID);
		const steps = operation === 'delete' && this.getNodeParameter('options.suspendFirst', itemIndex, false) ? (['suspend', 'delete'] as const) : [operation];
		if (isDryRun(this, itemIndex)) {
			return { dryRun: true, requests: await Promise.all(steps.map((step) => esetRequest(this, 'POST', PATHS[step], body))) };
		}
		const output: IDataObject = { companyId: body.companyId };
		for (const step of steps) {
			const response = await callEset(this, 'POST', PATHS[step], body, itemIndex);
			if (step !== 'delete' && response !== undefined && response !== '') output[`${step}OperationId`] = response as string;
		}
		output[operation === 'delete' ? 'deleted' : operation === 'suspend' ? 'suspended' : 'unsuspended'] = true;
		return output;
	};
}
