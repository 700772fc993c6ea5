import type { INodeParameters } from 'n8n-workflow';

import { minimal, runCreateCustomer, withEset } from './fixtures';

const cases: Array<[string, INodeParameters, string, RegExp]> = [
	['blank name', { name: '  ' }, '"name" (Name)', /is required/],
	['no address at all', { address: {} }, '"address" (Address)', /needs at least one of its fields: Street Address, City, ZIP Code or State$/],
	['only empty address fields', { address: { city: '', zipCode: ' ' } }, '"address"', /needs at least one of/],
	['e-mail without @', { additionalFields: { email: 'it.acme.example' } }, '"email" (Email)', /local@domain/],
	['parent that is not a GUID', { additionalFields: { parentCompanyId: '12345' } }, '"parentCompanyId" (Parent Company)', /must be a GUID/],
	['name from an expression that yields nothing', { name: '={{ $json.missing }}' }, '"name"', /is required/],
];

describe('ESET Create Customer: validation before sending', () => {
	it.each(cases)('%s: NodeOperationError naming item and field, zero requests', async (_what, parameters, field, rule) => {
		await withEset(async (server) => {
			const { error } = await runCreateCustomer(server, { ...minimal, ...parameters });
			expect(error()?.name).toBe('NodeOperationError');
			expect(error()?.message).toContain(`In item 0 (the 1st): ${field}`);
			expect(error()?.message).toMatch(rule);
			expect(server.requests).toHaveLength(0);
		});
	});
});
