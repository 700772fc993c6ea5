import { EsetServer } from '../sandbox/eset';
import { newLicense } from '../sandbox/esetLicenses';
import { withServer } from '../sandbox/loopbackServer';
import { withEset } from './fixtures';
import { apiCalls, byId, CUSTOMER_ID, OTHER_CUSTOMER_ID, runLicense, seedLicense } from './licenseFixtures';

const search = (extra: Record<string, unknown> = {}) => ({ operation: 'search', customerId: byId(CUSTOMER_ID), returnAll: true, ...extra });

describe('ESET License > Search', () => {
	it("lists one customer's licences, as ESET names their fields, with the state named", async () => {
		await withEset(async (server) => {
			const mine = seedLicense(server, { quantity: 25, usage: 18 });
			seedLicense(server, { productCode: '205' }, OTHER_CUSTOMER_ID);
			const { output } = await runLicense(server, search());
			expect(output('Node')).toStrictEqual([
				{
					json: {
						publicLicenseKey: mine.publicLicenseKey,
						productCode: '117',
						productName: 'ESET PROTECT Advanced',
						quantity: 25,
						usage: 18,
						state: 1,
						stateName: 'Normal',
						trial: false,
						customerId: CUSTOMER_ID,
						customerName: 'Customer 0D5E',
					},
					pairedItem: { item: 0 },
				},
			]);
			// The keyword is always sent ("" = all), first, as documented.
			expect(apiCalls(server)).toStrictEqual([['/api/Search/Licenses', { keyword: '', customerId: CUSTOMER_ID, skip: 0, take: 100 }]]);
		});
	});

	it('filters by keyword, and without a customer searches every licence the user sees', async () => {
		await withEset(async (server) => {
			seedLicense(server, { productCode: '117' });
			const mail = seedLicense(server, { productCode: '205' }, OTHER_CUSTOMER_ID);
			const { output } = await runLicense(server, { operation: 'search', keyword: 'mail', returnAll: true });
			expect(output('Node').map((item) => item.json.publicLicenseKey)).toStrictEqual([mail.publicLicenseKey]);
			expect(server.calls('/api/Search/Licenses')[0].body).toStrictEqual({ keyword: 'mail', skip: 0, take: 100 });
		});
	});

	it.each([['search' as const], ['Search' as const], ['bare' as const]])('pages past 100 (Return All) with the answer shaped as %s', async (shape) => {
		await withServer(new EsetServer({ licenseListShape: shape }), async (server) => {
			for (let n = 0; n < 130; n++) seedLicense(server, { quantity: n + 1 });
			const { output } = await runLicense(server, search());
			expect(output('Node').map((item) => item.json.quantity)).toStrictEqual(Array.from({ length: 130 }, (_, n) => n + 1));
			expect(server.calls('/api/Search/Licenses').map((request) => (request.body as { skip: number }).skip)).toStrictEqual([0, 100]);
		});
	});

	it('stops at the total the answer states (either casing), or at a short page when it states none', async () => {
		for (const [shape, pages] of [['search', 1], ['Search', 1], ['bare', 2]] as const) {
			await withServer(new EsetServer({ licenseListShape: shape }), async (server) => {
				for (let n = 0; n < 100; n++) seedLicense(server);
				const { output } = await runLicense(server, search());
				expect(output('Node')).toHaveLength(100);
				expect(server.calls('/api/Search/Licenses')).toHaveLength(pages);
			});
		}
	});

	it('with a limit, asks for no more than it returns', async () => {
		await withEset(async (server) => {
			for (let n = 0; n < 30; n++) seedLicense(server);
			const { output } = await runLicense(server, search({ returnAll: false, limit: 7 }));
			expect(output('Node')).toHaveLength(7);
			expect(server.calls('/api/Search/Licenses').map((request) => request.body)).toStrictEqual([{ keyword: '', customerId: CUSTOMER_ID, skip: 0, take: 7 }]);
		});
	});

	it.each([
		['a list under another key', { licenses: [{ publicLicenseKey: 'AAA-BBB-CCC' }], totalCount: 1 }, 'an object with the keys "licenses", "totalCount"'],
		['no list at all', { search: null, paging: { totalCount: 0 } }, 'an object with the keys "search", "paging"'],
		['a list of keys', ['AAA-BBB-CCC'], 'a list of string values'],
		['an empty answer', undefined, 'nothing'],
	])('an answer it cannot read (%s) fails the item naming the call and the shape, never "no licences"', async (_what, body, shape) => {
		await withEset(async (server) => {
			seedLicense(server);
			server.scriptNext((request) => request.path === '/api/Search/Licenses', { status: 200, body });
			const { error } = await runLicense(server, search());
			expect(error()?.name).toBe('NodeApiError');
			expect(error()?.message).toBe(`ESET answered Search/Licenses with ${shape}, which this node cannot read as a list`);
			expect(error()?.description).toMatch(/not read as "nothing found"/);
		});
	});

	it('continue on fail: an unreadable answer becomes an error item paired with its input', async () => {
		await withEset(async (server) => {
			seedLicense(server);
			server.scriptNext((request) => request.path === '/api/Search/Licenses', { status: 200, body: { items: 3 } });
			const { output } = await runLicense(server, search({ customerId: byId('={{ $json.id }}') }), { continueOnFail: true, items: [{ id: CUSTOMER_ID }, { id: CUSTOMER_ID }] });
			const items = output('Node');
			expect(items[0]).toMatchObject({ json: { error: expect.stringContaining('answered Search/Licenses with') }, pairedItem: { item: 0 } });
			expect(items[1]).toMatchObject({ json: { customerId: CUSTOMER_ID }, pairedItem: { item: 1 } });
		});
	});

	it('checks the customer ID before sending anything', async () => {
		await withEset(async (server) => {
			const { error } = await runLicense(server, search({ customerId: '={{ "not-a-guid" }}' }));
			expect(error()?.message).toBe('In item 0 (the 1st): "customerId" (Customer) must be a GUID such as B8D40DEC-7773-45D2-A2B2-86642A7E5852 (got "not-a-guid")');
			expect(server.requests).toHaveLength(0);
		});
	});
});

describe('ESET License > Get', () => {
	it.each([
		[0, 'Error'],
		[1, 'Normal'],
		[2, 'Obsolete'],
		[3, 'Suspended'],
		[4, 'Warning'],
	])('returns the Detail with state %i named %s', async (state, stateName) => {
		await withEset(async (server) => {
			const license = seedLicense(server, { state, quantity: 12, usage: 9 });
			const { output } = await runLicense(server, { operation: 'get', publicLicenseKey: license.publicLicenseKey });
			const json = output('Node')[0].json;
			expect(json).toMatchObject({ publicLicenseKey: license.publicLicenseKey, customerId: CUSTOMER_ID, quantity: 12, usage: 9, state, stateName, trial: false, trialExpiration: null });
			// Right beside the number.
			expect(Object.keys(json).indexOf('stateName')).toBe(Object.keys(json).indexOf('state') + 1);
			expect(apiCalls(server)).toStrictEqual([['/api/License/Detail', { publicLicenseKey: license.publicLicenseKey }]]);
		});
	});

	it('a trial shows its expiry; an unknown key is ESET\'s refusal; a malformed key is not sent', async () => {
		await withEset(async (server) => {
			const trial = seedLicense(server, { ...newLicense('116', 5, 4), publicLicenseKey: 'T1A-L2B-C3D' });
			const { output } = await runLicense(server, { operation: 'get', publicLicenseKey: trial.publicLicenseKey });
			expect(output('Node')[0].json).toMatchObject({ trial: true, trialExtensions: 0, trialExpiration: trial.trialExpiration });
			const unknown = await runLicense(server, { operation: 'get', publicLicenseKey: 'ZZZ-ZZZ-ZZZ' });
			expect(unknown.error()?.message).toBe('ESET rejected the request: publicLicenseKey: The license was not found.');
			server.requests.length = 0;
			const malformed = await runLicense(server, { operation: 'get', publicLicenseKey: 'T1AL2BC3D' });
			expect(malformed.error()?.message).toBe('In item 0 (the 1st): "publicLicenseKey" (Public License Key) must be a public licence key of the form XXX-XXX-XXX (got "T1AL2BC3D")');
			expect(server.requests).toHaveLength(0);
		});
	});

	it('an answer that is not an object fails the item, naming the call', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server);
			server.scriptNext((request) => request.path === '/api/License/Detail', { status: 200, body: [license.publicLicenseKey] });
			const { error } = await runLicense(server, { operation: 'get', publicLicenseKey: license.publicLicenseKey });
			expect(error()?.message).toBe('ESET answered License/Detail with a list of string values, which this node cannot read as a licence');
		});
	});
});
