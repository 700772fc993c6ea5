import { Workflow } from 'n8n-workflow';

import { EsetMsp } from '../../nodes/EsetMsp/EsetMsp.node';
import { nodeTypes } from '../harness/nodeTypes';
import { parameterPaths } from '../harness/parameterPaths';

describe('ESET MSP node description', () => {
	const node = new EsetMsp();
	const paths = parameterPaths(node.description.properties);

	it.each([
		'name', 'address.state', 'address.city', 'address.streetAddress', 'address.zipCode', 'parentCompanyId', 'email',
		'tags.tag', 'customIdentifier', 'comment', 'vatId', 'description',
	])('has a parameter for %s, named by the API key', (jsonPath) => {
		expect(paths.has(jsonPath)).toBe(true);
	});

	it('explains where the PSA ID goes and what a missing parent means, and is usable as a tool', () => {
		expect(paths.get('customIdentifier')?.description).toMatch(/PSA's customer ID/);
		expect(paths.get('parentCompanyId')?.description).toMatch(/leave out to create it under your own company/);
		expect(node.description.usableAsTool).toBe(true);
	});

	it('shows the chosen operation as the subtitle, in words', () => {
		// As the editor computes it: the subtitle expression with the node's parameters as $parameter.
		const subtitle = (resource: string, operation: string) => {
			const eset = { id: '1', name: 'ESET', type: 'n8n-nodes-msp-security.esetMsp', typeVersion: 1, position: [0, 0] as [number, number], parameters: { resource, operation } };
			const workflow = new Workflow({ nodes: [eset], connections: {}, active: false, nodeTypes });
			return workflow.expression.getSimpleParameterValue(eset, node.description.subtitle!, 'manual', {});
		};
		expect(subtitle('company', 'createCustomer')).toBe('Create a customer');
		expect(subtitle('company', 'updateCustomer')).toBe('Update a customer');
		expect(subtitle('license', 'order')).toBe('Order a license');
	});
});
