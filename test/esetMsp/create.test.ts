import { webhookItem } from '../harness/workflows';
import { ESET_PASSWORD, ESET_ROOT_COMPANY, type EsetServer } from '../sandbox/eset';
import { minimal, runCreateCustomer, withEset } from './fixtures';

const createBodies = (server: EsetServer) => server.calls('/api/Company/Create/customer').map((call) => call.body);

describe('ESET Create Customer: what is sent and returned', () => {
	it('sends no empty strings and leaves tags out entirely when there are none', async () => {
		await withEset(async (server) => {
			const { output } = await runCreateCustomer(server, {
				name: 'Acme Dental',
				address: { city: 'San Diego', zipCode: '', state: ' ' },
				additionalFields: { email: '', comment: '', tags: { entries: [{ tag: '' }] } },
			});
			expect(createBodies(server)).toStrictEqual([{ name: 'Acme Dental', address: { city: 'San Diego' } }]);
			expect(output('Node')[0].json).toStrictEqual({ companyId: server.created[0].companyId, name: 'Acme Dental', outcome: 'created' });
		});
	});

	it('leaves out fields added and left empty in a Dry Run too, refusing none of them', async () => {
		await withEset(async (server) => {
			const { output, error } = await runCreateCustomer(server, {
				name: 'Acme Dental',
				address: { city: 'San Diego', streetAddress: '' },
				additionalFields: { email: '', parentCompanyId: { __rl: true, mode: 'list', value: '' }, vatId: ' ' },
				options: { dryRun: true },
			});
			expect(error()).toBeUndefined();
			expect(output('Node')[0].json).toMatchObject({ dryRun: true, outcome: 'wouldCreate', request: { body: { name: 'Acme Dental', address: { city: 'San Diego' } } } });
			expect((output('Node')[0].json.request as { body: object }).body).toStrictEqual({ name: 'Acme Dental', address: { city: 'San Diego' } });
			expect(server.calls('/api/Company/Create/customer')).toHaveLength(0);
		});
	});

	it.each(['string', 'companyId', 'publicId', 'id'] as const)('reads the company ID from a %s response', async (shape) => {
		await withEset(
			async (server) => {
				const { output } = await runCreateCustomer(server, minimal);
				expect(output('Node')[0].json.companyId).toBe(server.created[0].companyId);
			},
			{ companyIdShape: shape },
		);
	});

	it('fills the fields from a PSA webhook item through expressions', async () => {
		await withEset(async (server) => {
			const { output } = await runCreateCustomer(
				server,
				{
					name: '={{ $json.body.company.name }}',
					address: {
						streetAddress: '={{ $json.body.company.address.line1 }}',
						city: '={{ $json.body.company.address.city }}',
						zipCode: '={{ $json.body.company.address.zip }}',
						state: '={{ $json.body.company.address.state }}',
					},
					additionalFields: {
						parentCompanyId: '={{ $json.body.resellerGuid }}',
						email: '={{ $json.body.company.email }}',
						customIdentifier: '={{ $json.body.id }}',
						tags: { entries: [{ tag: 'psa-onboarded' }, { tag: '={{ $json.body.company.vertical }}' }] },
					},
				},
				{
					items: [
						webhookItem({
							id: 4711,
							resellerGuid: 'B8D40DEC-7773-45D2-A2B2-86642A7E5852',
							company: {
								name: 'Acme Dental',
								email: 'it@acme-dental.example',
								vertical: 'dental',
								address: { line1: '610 West Ash Street', city: 'San Diego', zip: 92101, state: 'California' },
							},
						}),
					],
				},
			);
			expect(createBodies(server)).toStrictEqual([
				{
					name: 'Acme Dental',
					address: { streetAddress: '610 West Ash Street', city: 'San Diego', zipCode: '92101', state: 'California' },
					parentCompanyId: 'B8D40DEC-7773-45D2-A2B2-86642A7E5852',
					email: 'it@acme-dental.example',
					customIdentifier: '4711',
					tags: [{ tag: 'psa-onboarded' }, { tag: 'dental' }],
				},
			]);
			expect(output('Node')[0]).toStrictEqual({
				json: {
					companyId: server.created[0].companyId,
					name: 'Acme Dental',
					parentCompanyId: 'B8D40DEC-7773-45D2-A2B2-86642A7E5852',
					customIdentifier: '4711',
					outcome: 'created',
				},
				pairedItem: { item: 0 },
			});
			expect(server.created[0].parentCompanyId).toBe('B8D40DEC-7773-45D2-A2B2-86642A7E5852');
		});
	});

	it('creates under the logged-in user\'s company when no parent is set', async () => {
		await withEset(async (server) => {
			await runCreateCustomer(server, minimal);
			expect(server.created[0].parentCompanyId).toBe(ESET_ROOT_COMPANY);
			expect(createBodies(server)[0]).not.toHaveProperty('parentCompanyId');
		});
	});

	it('with Continue On Fail, pairs error items with their inputs and goes on', async () => {
		await withEset(async (server) => {
			const { output } = await runCreateCustomer(
				server,
				// "Create Anyway": the third item reaches the API, which refuses the duplicate name.
				{ name: '={{ $json.name }}', address: { city: 'Berlin' }, options: { ifExists: 'createAnyway' } },
				{ continueOnFail: true, items: [{ name: 'One' }, { name: '' }, { name: 'One' }, { name: 'Four' }] },
			);
			const items = output('Node');
			expect(items.map((item) => item.pairedItem)).toStrictEqual([0, 1, 2, 3].map((item) => ({ item })));
			expect(items[0].json.companyId).toBe(server.created[0].companyId);
			expect(items[1].json.error).toMatch(/^In item 1 \(the 2nd\): "name" \(Name\) is required/);
			expect(items[2].json.error).toBe('ESET rejected the request: name: A company with this name already exists.');
			expect(items[2].json.httpCode).toBe('400');
			expect(server.created).toHaveLength(2);
			expect(items[3].json.companyId).toBe(server.created[1].companyId);
			expect(JSON.stringify(items)).not.toContain(ESET_PASSWORD);
		});
	});
});
