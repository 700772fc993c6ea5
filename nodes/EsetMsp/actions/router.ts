import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { requestSettings } from '../../shared/pacing';
import { runOperation } from '../../shared/processItems';
import * as createCustomer from './company/createCustomer.operation';
import * as get from './company/get.operation';
import * as getMany from './company/getMany.operation';
import * as search from './company/search.operation';
import * as status from './company/status.operation';
import * as updateCustomer from './company/updateCustomer.operation';
import * as apiCall from './custom/apiCall.operation';
import * as getLicense from './license/get.operation';
import * as order from './license/order.operation';
import * as searchLicenses from './license/search.operation';
import * as updateQuantity from './license/updateQuantity.operation';
import * as usageReport from './license/usageReport.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, {
		company: {
			createCustomer: { prepare: createCustomer.prepare },
			get: get.execute,
			getMany: getMany.execute,
			search: search.execute,
			updateCustomer: updateCustomer.execute,
			suspend: status.handler('suspend'),
			unsuspend: status.handler('unsuspend'),
			delete: status.handler('delete'),
		},
		license: {
			order: order.execute,
			search: searchLicenses.execute,
			get: getLicense.execute,
			updateQuantity: updateQuantity.execute,
			usageReport: usageReport.execute,
		},
		custom: { apiCall: apiCall.execute },
	}, (await requestSettings(this, 0)).concurrency);
}
