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
