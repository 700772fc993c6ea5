import type { INodeParameters, INodeProperties, INodePropertyCollection, INodeType, NodeParameterValueType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { EsetMsp } from '../../nodes/EsetMsp/EsetMsp.node';
import { GravityZone } from '../../nodes/GravityZone/GravityZone.node';

/**
 * A workflow for the editor check: each Create node twice, once with every field added and set
 * ("All Fields"), once with every collection added but none of its fields ("Add Menus"), so that the
 * editor shows every label and every "Add ..." menu of the operation. Built from the nodes' own
 * parameters, so that a field added later is checked too.
 */
type Variant = 'all' | 'menus';

const isGroup = (option: unknown): option is INodePropertyCollection => typeof option === 'object' && option !== null && 'values' in option;

function valueOf(property: INodeProperties, variant: Variant): NodeParameterValueType | undefined {
	switch (property.type) {
		case 'notice':
			return undefined;
		case 'string':
			return 'Sample';
		case 'number':
			return 1;
		case 'boolean':
			return true;
		case 'json':
			return '{}';
		case 'options':
			return (property.options as Array<{ value: NodeParameterValueType }>)[0].value;
		case 'multiOptions':
			return [(property.options as Array<{ value: NodeParameterValueType }>)[0].value] as NodeParameterValueType;
		case 'resourceLocator': {
			const byId = property.modes?.find((mode) => mode.name === 'id');
			return { __rl: true, mode: 'id', value: byId?.placeholder ?? '' };
		}
		case 'collection':
			return valuesOf((property.options ?? []) as INodeProperties[], variant, true);
		case 'fixedCollection': {
			const [group] = (property.options ?? []).filter(isGroup);
			if (property.typeOptions?.multipleValues) {
				return variant === 'all' ? { [group.name]: [valuesOf(group.values, variant, false)] } : {};
			}
			return { [group.name]: valuesOf(group.values, variant, false) };
		}
		default:
			throw new Error(`No sample value for a ${property.type} parameter (${property.name})`);
	}
}

/** In a collection, "menus" adds only the nested containers (so their menus show), "all" adds everything. */
function valuesOf(properties: INodeProperties[], variant: Variant, optional: boolean): INodeParameters {
	const out: INodeParameters = {};
	for (const property of properties) {
		const container = property.type === 'collection' || property.type === 'fixedCollection';
		if (optional && variant === 'menus' && !container) continue;
		const value = valueOf(property, variant);
		if (value !== undefined) out[property.name] = value;
	}
	return out;
}

function parametersFor(node: INodeType, resource: string, operation: string, variant: Variant): INodeParameters {
	const base = { resource, operation };
	const shown = node.description.properties.filter(
		(property) =>
			!['resource', 'operation'].includes(property.name) &&
			NodeHelpers.displayParameter(base, property, { typeVersion: 1 }, node.description),
	);
	return { ...base, ...valuesOf(shown, variant, false) };
}

const CREDENTIALS = {
	gravityZone: { gravityZoneApi: { id: 'gravityZoneSandbox', name: 'GravityZone (sandbox)' } },
	esetMsp: { esetMspApi: { id: 'esetMspSandbox', name: 'ESET MSP (sandbox)' } },
};

export const ALL_FIELDS_NODES = {
	gravityZone: ['GravityZone All Fields', 'GravityZone Add Menus'],
	esetMsp: ['ESET All Fields', 'ESET Add Menus'],
} as const;

export function allFieldsWorkflow() {
	const nodes = [
		{ key: 'gravityZone' as const, node: new GravityZone(), operation: 'create' },
		{ key: 'esetMsp' as const, node: new EsetMsp(), operation: 'createCustomer' },
	].flatMap(({ key, node, operation }, row) =>
		(['all', 'menus'] as const).map((variant, column) => ({
			id: `e2d1c0a2-0000-4000-8000-00000000000${row * 2 + column + 1}`,
			name: ALL_FIELDS_NODES[key][column],
			type: `n8n-nodes-msp-security.${key}`,
			typeVersion: 1,
			position: [column * 260, row * 220],
			parameters: parametersFor(node, 'company', operation, variant),
			credentials: CREDENTIALS[key],
		})),
	);
	return { name: 'Editor check: every field of the Create operations', nodes, connections: {}, settings: { executionOrder: 'v1' }, pinData: {} };
}
