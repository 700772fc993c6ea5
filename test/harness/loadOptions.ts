import { ExecutionLifecycleHooks, LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode, INodeListSearchResult, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';
import { additionalDataFor } from './runWorkflow';

/** Calls a node's listSearch method as the editor does ("From list" of a resource locator). */
export async function listSearch(
	nodeType: 'esetMsp' | 'gravityZone',
	method: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const credentialType = Object.keys(credentials)[0];
	const node: INode = {
		id: 'list',
		name: 'Node',
		type: `n8n-nodes-msp-security.${nodeType}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType]: { id: 'test', name: 'Test credential' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const helper = new TestCredentialsHelper();
	helper.setCredentials(credentialType, credentials[credentialType]);
	const hooks = new ExecutionLifecycleHooks('internal', 'list', { nodes: [node] } as unknown as IWorkflowBase);
	const context = new LoadOptionsContext(workflow, workflow.getNode('Node')!, additionalDataFor(helper, hooks), 'parameters.companyId');
	const type = nodeTypes.getByNameAndVersion(node.type);
	return await type.methods!.listSearch![method].call(context, filter, paginationToken);
}
