import type { INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { nodeTypes } from './nodeTypes';

/** A node's subtitle as the editor computes it: its subtitle expression, with the node's parameters as $parameter. */
export function subtitleOf(nodeType: string, description: INodeTypeDescription, parameters: Record<string, string>): unknown {
	const node = { id: '1', name: 'Node', type: nodeType, typeVersion: 1, position: [0, 0] as [number, number], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle!, 'manual', {});
}
