import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow, type RunOptions } from '../harness/runWorkflow';
import { singleNodeWorkflow, type NodeOptions } from '../harness/workflows';
import { ESET_PASSWORD, ESET_USER, EsetServer, type EsetServerOptions } from '../sandbox/eset';
import { withServer } from '../sandbox/loopbackServer';

export const CREATE_CUSTOMER = { resource: 'company', operation: 'createCustomer' };

export const withEset = <T>(run: (server: EsetServer) => Promise<T>, options: EsetServerOptions = {}) =>
	withServer(new EsetServer(options), run);

export function runCreateCustomer(
	server: EsetServer,
	parameters: INodeParameters,
	options: RunOptions & NodeOptions & { password?: string } = {},
) {
	return runWorkflow(singleNodeWorkflow('esetMsp', { ...CREATE_CUSTOMER, ...parameters }, options), {
		...options,
		credentials: options.credentialsHelper
			? undefined
			: {
					esetMspApi: { baseUrl: server.url, username: ESET_USER, password: options.password ?? ESET_PASSWORD },
				},
	});
}

export const minimal = { name: 'Acme Dental', address: { city: 'San Diego' } };
