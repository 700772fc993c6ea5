import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { requestSettings } from '../../shared/pacing';
import { runOperation } from '../../shared/processItems';
import { GZ_REQUESTS_PER_SECOND } from '../transport/jsonRpc';
import * as create from './company/create.operation';
import * as findByName from './company/findByName.operation';
import * as get from './company/get.operation';
import * as getMany from './company/getMany.operation';
import * as status from './company/status.operation';
import * as update from './company/update.operation';
import * as apiCall from './custom/apiCall.operation';
import * as generateEmailVerificationCode from './general/generateEmailVerificationCode.operation';
import { accountOperations } from './account/description';
import { licensingOperations } from './licensing/description';
import { packageOperations } from './package/description';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(this, {
		company: {
			create: { prepare: create.prepare },
			get: get.execute,
			findByName: findByName.execute,
			getMany: getMany.execute,
			update: update.execute,
			suspend: status.handler('suspend'),
			activate: status.handler('activate'),
			delete: status.handler('delete'),
		},
		general: { generateEmailVerificationCode: generateEmailVerificationCode.execute },
		licensing: licensingOperations,
		package: packageOperations,
		account: accountOperations,
		custom: { apiCall: apiCall.execute },
	}, (await requestSettings(this, GZ_REQUESTS_PER_SECOND)).concurrency);
}
