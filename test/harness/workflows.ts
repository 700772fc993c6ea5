import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowFile } from './runWorkflow';

export interface NodeOptions {
	continueOnFail?: boolean;
}

/** Manual Trigger -> one of our nodes named "Node", as a user would build it in the editor. */
export function singleNodeWorkflow(
	nodeType: 'gravityZone' | 'esetMsp',
	parameters: INodeParameters,
	options: NodeOptions = {},
): WorkflowFile {
	const credentialType = nodeType === 'gravityZone' ? 'gravityZoneApi' : 'esetMspApi';
	const node: INode = {
		id: '00000000-0000-4000-8000-000000000002',
		name: 'Node',
		type: `n8n-nodes-msp-security.${nodeType}`,
		typeVersion: 1,
		position: [220, 0],
		parameters,
		credentials: { [credentialType]: { id: 'test', name: 'Test credential' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	return {
		nodes: [
			{
				id: '00000000-0000-4000-8000-000000000001',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			node,
		],
		connections: { 'Manual Trigger': { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
	};
}

/** A PSA webhook's item as n8n's Webhook node emits it. */
export const webhookItem = (body: Record<string, unknown>) => ({
	headers: { 'content-type': 'application/json', 'user-agent': 'ConnectWise-Callback/1.0' },
	params: {},
	query: {},
	body,
	webhookUrl: 'http://localhost:5678/webhook/onboard',
	executionMode: 'production',
});
