import { ExecuteContext, ExecutionLifecycleHooks, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeCredentialTestResult,
	INodeType,
	INodeTypes,
	IWorkflowBase,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { credentialTypes, TestCredentialsHelper } from './credentialsHelper';
import { newRunExecutionData } from './n8nVersions';
import { additionalDataFor } from './runWorkflow';

const get = (value: unknown, keyPath: string): unknown =>
	keyPath.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], value);

/**
 * Runs a credential's declarative `test` the way n8n's CredentialsTester does: a temporary
 * n8n-nodes-base.noOp node with a `temp` parameter routed to the test request, executed by
 * n8n-core's RoutingNode (so preAuthentication runs as in a test), then the rules.
 */
export async function testCredential(
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const testRequest = credentialTypes[type].test;
	if (!testRequest) throw new Error(`${type} has no test`);
	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' },
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType),
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { [type]: { id: 'cred', name: 'Credential under test' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentialsHelper = new TestCredentialsHelper();
	credentialsHelper.setCredentials(type, data);
	const hooks = new ExecutionLifecycleHooks('internal', 'test', { nodes: [node] } as unknown as IWorkflowBase);
	const context = new ExecuteContext(
		workflow,
		workflow.getNode('Temp-Node')!,
		additionalDataFor(credentialsHelper, hooks),
		'internal',
		newRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: 'cred',
		name: 'Credential under test',
		type,
		data: await credentialsHelper.getDecrypted(undefined, { id: 'cred', name: '' }, type),
	});
	let response;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const status = error.cause?.response?.status as number | undefined;
		if (status !== undefined) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: error.cause.response.statusText || `Received HTTP status code: ${status}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && get(response?.[0]?.[0]?.json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
