import type { INodeParameters } from 'n8n-workflow';

import { runWorkflow, type RunOptions } from '../harness/runWorkflow';
import { singleNodeWorkflow, type NodeOptions } from '../harness/workflows';
import { GZ_PARTNER_KEY, GravityZoneServer } from '../sandbox/gravityZone';
import { withServer } from '../sandbox/loopbackServer';

export const CREATE = { resource: 'company', operation: 'create' };

export const withGravityZone = <T>(run: (server: GravityZoneServer) => Promise<T>) =>
	withServer(new GravityZoneServer(), run);

export function runCreate(
	server: GravityZoneServer,
	parameters: INodeParameters,
	options: RunOptions & NodeOptions & { apiKey?: string } = {},
) {
	return runWorkflow(singleNodeWorkflow('gravityZone', { ...CREATE, ...parameters }, options), {
		...options,
		credentials: options.credentialsHelper
			? undefined
			: { gravityZoneApi: { accessUrl: `${server.url}/api`, apiKey: options.apiKey ?? GZ_PARTNER_KEY } },
	});
}

/**
 * License Subscription as the editor saves it: Type, Own Use and Resell in the licence's group, every
 * other licence field in "More License Fields" (both containers are UI-only).
 */
export function license(fields: INodeParameters): INodeParameters {
	const group: INodeParameters = {};
	const more: INodeParameters = {};
	for (const [key, value] of Object.entries(fields)) (['type', 'ownUse', 'resell'].includes(key) ? group : more)[key] = value;
	return { fields: Object.keys(more).length > 0 ? { ...group, moreFields: more } : group };
}

/** Runs the GravityZone node with any resource and operation against the sandbox. */
export function runGz(server: GravityZoneServer, parameters: INodeParameters, options: RunOptions & NodeOptions = {}) {
	return runWorkflow(singleNodeWorkflow('gravityZone', parameters, options), {
		...options,
		credentials: options.credentialsHelper ? undefined : { gravityZoneApi: { accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY } },
	});
}

/** A company ID as n8n saves one typed "By ID". */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The params of every call of one method, in order. */
export const paramsOf = (server: GravityZoneServer, method: string) =>
	server.rpcCalls(method).map((call) => (call.body as { params: Record<string, unknown> }).params);

/** Sandbox settings, as POST /_sandbox/config takes them. */
export const configure = (server: GravityZoneServer, settings: Record<string, unknown>) =>
	fetch(`${server.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify(settings) });

/** An error as n8n stores it: its own fields (the node it attaches included), message and stack. */
export const errorText = (error: unknown) => JSON.stringify({ ...(error as object), message: (error as Error).message, stack: (error as Error).stack });
