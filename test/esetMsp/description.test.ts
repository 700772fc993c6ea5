import { EsetMsp } from '../../nodes/EsetMsp/EsetMsp.node';
import { parameterPaths } from '../harness/parameterPaths';
import { subtitleOf } from '../harness/subtitle';

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
		const subtitle = (resource: string, operation: string) =>
			subtitleOf('n8n-nodes-msp-security.esetMsp', node.description, { resource, operation });
		expect(subtitle('company', 'createCustomer')).toBe('Create a customer');
		expect(subtitle('company', 'updateCustomer')).toBe('Update a customer');
		expect(subtitle('license', 'order')).toBe('Order a license');
	});
});
