import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { requestSettings } from '../../shared/pacing';
import { runOperation } from '../../shared/processItems';
import { redactSecrets, secretKeys, typedSecrets } from '../../shared/secrets';
import { GZ_REQUESTS_PER_SECOND } from '../transport/jsonRpc';
import * as create from './company/create.operation';
import * as findByName from './company/findByName.operation';
import * as get from './company/get.operation';
import * as getMany from './company/getMany.operation';
import * as status from './company/status.operation';
import * as update from './company/update.operation';
import * as apiCall from './custom/apiCall.operation';
import * as generateEmailVerificationCode from './general/generateEmailVerificationCode.operation';
import { CREATE_ACCOUNT_FIELDS } from './account/accountFields';
import { accountOperations } from './account/description';
import { licensingOperations } from './licensing/description';
import { packageOperations } from './package/description';
import { CREATE_PACKAGE_FIELDS } from './package/packageFields';

/** The keys of the passwords the node's fields take (an uninstall password, an account password). */
const SECRET_KEYS = secretKeys([...CREATE_PACKAGE_FIELDS, ...CREATE_ACCOUNT_FIELDS]);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	try {
		return await route(this);
	} catch (error) {
		// n8n stores and logs a copy of the node with the error: a password typed into its field is masked there.
		throw redactSecrets(error, typedSecrets(this.getNode().parameters, SECRET_KEYS), SECRET_KEYS);
	}
}

async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperation(ctx, {
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
	}, (await requestSettings(ctx, GZ_REQUESTS_PER_SECOND)).concurrency);
}
