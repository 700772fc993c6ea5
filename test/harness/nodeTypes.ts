import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { EsetMsp } from '../../nodes/EsetMsp/EsetMsp.node';
import { GravityZone } from '../../nodes/GravityZone/GravityZone.node';

/**
 * Stands in for n8n-nodes-base's Manual Trigger (not installed here): it passes on the items the
 * test starts the run with, which is what the real trigger does with its single empty item.
 */
class ManualTriggerStub implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Test stand-in',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Node types with these node classes (another copy of the modules stands for another n8n process). */
export function nodeTypesOf(nodes: { EsetMsp: new () => INodeType; GravityZone: new () => INodeType }): INodeTypes {
	const registry: Record<string, INodeType> = {
		'n8n-nodes-base.manualTrigger': new ManualTriggerStub(),
		'n8n-nodes-msp-security.esetMsp': new nodes.EsetMsp(),
		'n8n-nodes-msp-security.gravityZone': new nodes.GravityZone(),
	};
	return {
		getByName(type: string): INodeType | IVersionedNodeType {
			const nodeType = registry[type];
			if (!nodeType) throw new Error(`Unknown node type ${type}`);
			return nodeType;
		},
		getByNameAndVersion(type: string, version?: number): INodeType {
			return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
		},
		getKnownTypes(): IDataObject {
			return {};
		},
	};
}

export const nodeTypes = nodeTypesOf({ EsetMsp, GravityZone });
