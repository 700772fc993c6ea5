import { ESET_PASSWORD, ESET_USER, EsetServer } from '../sandbox/eset';
import { withServer } from '../sandbox/loopbackServer';
import { CUSTOMER_ID, seedLicense } from './licenseFixtures';

async function session(server: EsetServer) {
	const post = async (path: string, body: unknown, token?: string) => {
		const response = await fetch(`${server.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
			body: JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: (text ? JSON.parse(text) : undefined) as unknown };
	};
	const { accessToken } = (await post('/api/Token/Get', { username: ESET_USER, password: ESET_PASSWORD })).body as { accessToken: string };
	return (path: string, body: unknown) => post(path, body, accessToken);
}

describe('ESET sandbox: licences', () => {
	it('UpdateQuantity: sets the seats, refuses the same quantity with 8/48 as ESET spells it, and the other documented cases', async () => {
		await withServer(new EsetServer(), async (server) => {
			const call = await session(server);
			const license = seedLicense(server, { quantity: 25 });
			const key = license.publicLicenseKey;
			expect(await call('/api/License/UpdateQuantity', { quantity: 30, publicLicenseKey: key })).toStrictEqual({ status: 200, body: {} });
			expect(await call('/api/License/UpdateQuantity', { quantity: 30, publicLicenseKey: key })).toStrictEqual({ status: 400, body: { code: 8, subCode: 48, message: 'LicenseQunatityIsEqualToPrevious' } });
			expect((await call('/api/License/UpdateQuantity', { quantity: 0, publicLicenseKey: key })).body).toMatchObject({ code: 8, subCode: 18 });
			expect((await call('/api/License/UpdateQuantity', { quantity: 100_001, publicLicenseKey: key })).body).toMatchObject({ code: 8, subCode: 30 });
			license.state = 3;
			expect((await call('/api/License/UpdateQuantity', { quantity: 31, publicLicenseKey: key })).body).toMatchObject({ code: 8, subCode: 23 });
			license.expired = true;
			expect((await call('/api/License/UpdateQuantity', { quantity: 31, publicLicenseKey: key })).body).toMatchObject({ code: 8, subCode: 37 });
			expect((await call('/api/License/Detail', { publicLicenseKey: key })).body).toMatchObject({ quantity: 30, state: 3, customerId: CUSTOMER_ID });
		});
	});

	it('Order issues XXX-XXX-XXX keys that Search/Licenses and Detail then find; take is 1..100', async () => {
		await withServer(new EsetServer(), async (server) => {
			const call = await session(server);
			seedLicense(server);
			const ordered = await call('/api/License/Order', { quantity: 5, productCode: '116', customerId: CUSTOMER_ID, licenseType: 4 });
			expect(ordered.body).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/);
			const found = (await call('/api/Search/Licenses', { keyword: ordered.body, customerId: CUSTOMER_ID, skip: 0, take: 10 })).body as { search: unknown[]; paging: unknown };
			expect(found).toStrictEqual({ search: [expect.objectContaining({ publicLicenseKey: ordered.body, quantity: 5, trial: true })], paging: { skip: 0, take: 10, totalCount: 1 } });
			expect((await call('/api/Search/Licenses', { keyword: '', skip: 0, take: 101 })).status).toBe(400);
			expect((await call('/api/License/Detail', { publicLicenseKey: ordered.body })).body).toMatchObject({ trial: true, trialExtensions: 0, state: 1 });
		});
	});

	it('usage reports: dates required and ordered, the company required, rows per product', async () => {
		await withServer(new EsetServer(), async (server) => {
			const call = await session(server);
			seedLicense(server, { usage: 2 });
			const ok = await call('/api/UsageReport/Monthly/products', { from: '2025-01-01', to: '2025-01-10', companyId: CUSTOMER_ID, skip: 0, take: 100 });
			expect(ok.body).toStrictEqual({ products: [expect.objectContaining({ code: '117', seatDays: 20, seats: 25 })], totalCount: 1 });
			expect((await call('/api/UsageReport/Monthly/products', { from: '2025-01-10', to: '2025-01-01', companyId: CUSTOMER_ID })).body).toStrictEqual({ to: ['to must not be before from.'] });
			expect((await call('/api/UsageReport/Monthly/products', { from: '2025-01-01', to: '2025-01-10' })).status).toBe(400);
			expect((await call('/api/UsageReport/SelectedCompanies/categories', { companyIds: [], from: '2025-01-01', to: '2025-01-10' })).status).toBe(400);
		});
	});
});
