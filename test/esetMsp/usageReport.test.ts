import { EsetServer } from '../sandbox/eset';
import { withServer } from '../sandbox/loopbackServer';
import { withEset } from './fixtures';
import { byId, CUSTOMER_ID, OTHER_CUSTOMER_ID, runLicense, seedLicense } from './licenseFixtures';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const report = (name: string, extra: Record<string, unknown> = {}) => ({ operation: 'usageReport', report: name, returnAll: true, ...MARCH, ...extra });

describe('ESET License > Get Usage Report', () => {
	it("one customer's monthly usage per product, for billing: the documented body, one item per row", async () => {
		await withEset(async (server) => {
			seedLicense(server, { productCode: '117', quantity: 25, usage: 18 });
			seedLicense(server, { productCode: '205', quantity: 10, usage: 4 });
			const { output } = await runLicense(server, report('monthlyProducts', { companyId: byId(CUSTOMER_ID), codes: '117, 205' }));
			expect(server.calls('/api/UsageReport/Monthly/products').map((request) => request.body)).toStrictEqual([
				{ codes: ['117', '205'], from: '2025-03-01', to: '2025-03-31', companyId: CUSTOMER_ID, skip: 0, take: 100 },
			]);
			expect(Object.keys(server.calls('/api/UsageReport/Monthly/products')[0].body as object)).toStrictEqual(['codes', 'from', 'to', 'companyId', 'skip', 'take']);
			expect(output('Node').map((item) => item.json)).toStrictEqual([
				{ code: '117', name: 'ESET PROTECT Advanced', licenseType: 1, companyId: CUSTOMER_ID, companyName: 'Customer 0D5E', seatDays: 18 * 31, seats: 25, totalUsage: 18 * 31 },
				{ code: '205', name: 'ESET Mail Security', licenseType: 1, companyId: CUSTOMER_ID, companyName: 'Customer 0D5E', seatDays: 4 * 31, seats: 10, totalUsage: 4 * 31 },
			]);
		});
	});

	it('takes dates from the date picker (or a date expression) and sends them as YYYY-MM-DD; sends no codes when none are given', async () => {
		await withEset(async (server) => {
			seedLicense(server);
			await runLicense(server, report('monthlyProducts', { companyId: byId(CUSTOMER_ID), from: '2025-02-01T00:00:00', to: "={{ DateTime.fromISO('2025-02-28T10:00:00') }}" }));
			expect(server.calls('/api/UsageReport/Monthly/products')[0].body).toStrictEqual({ from: '2025-02-01', to: '2025-02-28', companyId: CUSTOMER_ID, skip: 0, take: 100 });
		});
	});

	it.each([
		['monthlyCategories', '/api/UsageReport/Monthly/categories', { companyId: byId(CUSTOMER_ID), categories: 'Endpoint protection' }, { categories: ['Endpoint protection'], ...MARCH, companyId: CUSTOMER_ID }],
		['dailyCategories', '/api/UsageReport/Daily/categories', { companyId: byId(CUSTOMER_ID) }, { ...MARCH, companyId: CUSTOMER_ID }],
		['selectedCompaniesCategories', '/api/UsageReport/SelectedCompanies/categories', { companyIds: `${CUSTOMER_ID},${OTHER_CUSTOMER_ID}` }, { companyIds: [CUSTOMER_ID, OTHER_CUSTOMER_ID], ...MARCH }],
		['allCompaniesCategories', '/api/UsageReport/AllCompanies/categories', {}, { ...MARCH }],
	])('%s: sends the documented body to %s', async (name, path, parameters, body) => {
		await withEset(async (server) => {
			seedLicense(server, { usage: 2 });
			seedLicense(server, { productCode: '205', usage: 1 }, OTHER_CUSTOMER_ID);
			const { output } = await runLicense(server, report(name, parameters));
			expect(server.calls(path).map((request) => request.body)).toStrictEqual([{ ...body, skip: 0, take: 100 }]);
			expect(output('Node').length).toBeGreaterThan(0);
			if (name === 'dailyCategories') expect(output('Node')[0].json.usagePerDays).toHaveLength(31);
		});
	});

	it.each([
		['From after To', { companyId: byId(CUSTOMER_ID), from: '2025-04-01' }, 'In item 0 (the 1st): "to" (To) must not be before From (2025-04-01)'],
		['a From expression that yields nothing', { companyId: byId(CUSTOMER_ID), from: '={{ $json.missing }}' }, 'In item 0 (the 1st): "from" (From) is required'],
		['a date that does not exist', { companyId: byId(CUSTOMER_ID), to: '2025-02-30' }, 'In item 0 (the 1st): "to" (To) must be a date of the form YYYY-MM-DD (got "2025-02-30")'],
		['a company expression that yields nothing', { companyId: byId('={{ $json.missing }}') }, 'In item 0 (the 1st): "companyId" (Company) is required'],
	])('checks before sending: %s', async (_what, parameters, message) => {
		await withEset(async (server) => {
			const { error } = await runLicense(server, report('monthlyProducts', parameters));
			expect(error()?.name).toBe('NodeOperationError');
			expect(error()?.message).toBe(message);
			expect(server.requests).toHaveLength(0);
		});
	});

	it('checks every listed company ID, naming the entry', async () => {
		await withEset(async (server) => {
			const { error } = await runLicense(server, report('selectedCompaniesCategories', { companyIds: `${CUSTOMER_ID}, 12345` }));
			expect(error()?.message).toBe('In item 0 (the 1st): "companyIds" (Company IDs) entry 2 must be a GUID such as B8D40DEC-7773-45D2-A2B2-86642A7E5852 (got "12345")');
			const none = await runLicense(server, report('selectedCompaniesCategories', { companyIds: ' , ' }));
			expect(none.error()?.message).toBe('In item 0 (the 1st): "companyIds" (Company IDs) is required');
			expect(server.requests).toHaveLength(0);
		});
	});

	it('reads a report answered as a bare list', async () => {
		await withServer(new EsetServer({ usageReportShape: 'bare' }), async (server) => {
			seedLicense(server, { usage: 3 });
			const { output } = await runLicense(server, report('monthlyProducts', { companyId: byId(CUSTOMER_ID) }));
			expect(output('Node').map((item) => item.json.seatDays)).toStrictEqual([93]);
		});
	});

	it('pages: stops at the total the answer states', async () => {
		await withEset(async (server) => {
			const row = (n: number) => ({ code: String(n), seatDays: n });
			server.scriptNext((request) => request.path.startsWith('/api/UsageReport/'), { status: 200, body: { products: Array.from({ length: 100 }, (_, n) => row(n)), totalCount: 150 } });
			server.scriptNext((request) => request.path.startsWith('/api/UsageReport/'), { status: 200, body: { products: Array.from({ length: 50 }, (_, n) => row(100 + n)), totalCount: 150 } });
			const { output } = await runLicense(server, report('monthlyProducts', { companyId: byId(CUSTOMER_ID) }));
			expect(output('Node').map((item) => item.json.seatDays)).toStrictEqual(Array.from({ length: 150 }, (_, n) => n));
			expect(server.calls('/api/UsageReport/Monthly/products').map((request) => (request.body as { skip: number }).skip)).toStrictEqual([0, 100]);
		});
	});

	it('an answer with no readable list fails the item naming the call and the shape', async () => {
		await withEset(async (server) => {
			server.scriptNext((request) => request.path.startsWith('/api/UsageReport/'), { status: 200, body: { report: { rows: 2 } } });
			const { error } = await runLicense(server, report('monthlyProducts', { companyId: byId(CUSTOMER_ID) }));
			expect(error()?.message).toMatch(/^ESET answered UsageReport\/Monthly\/products with an object with the keys "report", which this node cannot read as a list$/);
		});
	});
});
