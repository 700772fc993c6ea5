import type { INodeProperties, INodeType } from 'n8n-workflow';

import { EsetMsp } from '../nodes/EsetMsp/EsetMsp.node';
import { GravityZone } from '../nodes/GravityZone/GravityZone.node';

/**
 * n8n 1.x orders a node's parameters by the parameters their display options depend on, by top-level
 * name; a dependency that is neither a top-level parameter nor a path from the root ("/...") is never
 * resolved and n8n refuses to run the node ("Could not resolve parameter dependencies").
 */
describe.each([
	['ESET MSP', new EsetMsp()],
	['Bitdefender GravityZone', new GravityZone()],
] as Array<[string, INodeType]>)('%s: parameters every n8n version can resolve', (_, node) => {
	it('shows or hides parameters only by top-level parameters or by paths from the root', () => {
		const properties: INodeProperties[] = node.description.properties;
		const names = new Set(properties.map((property) => property.name));
		const unresolvable = properties.flatMap((property) =>
			(['show', 'hide'] as const).flatMap((kind) =>
				Object.keys(property.displayOptions?.[kind] ?? {})
					.filter((key) => !names.has(key) && !key.startsWith('/'))
					.map((key) => `${property.name} (${kind}: ${key})`),
			),
		);
		expect(unresolvable).toStrictEqual([]);
	});
});
