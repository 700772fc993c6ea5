import { readdirSync } from 'node:fs';

import { documentedRequest, EXAMPLES_DIR } from './harness/golden';
import { ESET_EXAMPLE_PARENT, ESET_PASSWORD, ESET_ROOT_COMPANY, ESET_USER, EsetServer } from './sandbox/eset';
import { GZ_NO_COMPANIES_KEY, GZ_PARTNER_KEY, GravityZoneServer } from './sandbox/gravityZone';
import { withServer } from './sandbox/loopbackServer';

type Json = Record<string, unknown>;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as unknown };
}

describe('ESET sandbox', () => {
	const session = async (server: EsetServer) => {
		const login = await post(`${server.url}/api/Token/Get`, { username: ESET_USER, password: ESET_PASSWORD });
		const { accessToken, refreshToken } = login.body as { accessToken: string; refreshToken: string };
		const call = (path: string, body: unknown) => post(`${server.url}${path}`, body, { authorization: `Bearer ${accessToken}` });
		return { call, accessToken, refreshToken };
	};
	const customer = (name: string, extra: Json = {}) => ({ name, address: { city: 'Bratislava' }, ...extra });

	it('refuses expired, foreign and missing tokens with 401, and renews with the refresh token', async () => {
		await withServer(new EsetServer({ tokenLifetimeMs: 300 }), async (server) => {
			const { call, refreshToken } = await session(server);
			expect((await call('/api/Company/Detail', { companyId: ESET_ROOT_COMPANY })).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 350));
			expect((await call('/api/Company/Detail', { companyId: ESET_ROOT_COMPANY })).status).toBe(401);
			expect((await post(`${server.url}/api/Company/Detail`, {}, { authorization: 'Bearer forged' })).status).toBe(401);
			expect((await post(`${server.url}/api/Company/Detail`, {})).status).toBe(401);
			expect((await post(`${server.url}/api/Token/Get`, { username: ESET_USER, password: 'x' })).status).toBe(401);
			const renewed = await post(`${server.url}/api/Token/Renew`, { refreshToken });
			expect(renewed.status).toBe(200);
			expect((await post(`${server.url}/api/Token/Renew`, { refreshToken })).status).toBe(401);
		});
	});

	it('keeps names unique among siblings only, requires the address, pages children by skip/take', async () => {
		await withServer(new EsetServer(), async (server) => {
			const { call } = await session(server);
			expect((await call('/api/Company/Create/customer', customer('Twin'))).status).toBe(200);
			expect((await call('/api/Company/Create/customer', customer('Twin'))).status).toBe(400);
			expect((await call('/api/Company/Create/customer', customer('Twin', { parentCompanyId: ESET_EXAMPLE_PARENT }))).status).toBe(200);
			expect((await call('/api/Company/Create/customer', { name: 'No Address' })).body).toStrictEqual({ address: ['The Address field is required.'] });
			for (let n = 0; n < 120; n++) await call('/api/Company/Create/customer', customer(`Bulk ${n}`));
			const page = (skip: number) => call('/api/Company/Children', { companyId: ESET_ROOT_COMPANY, skip, take: 100 });
			expect(((await page(0)).body as { companies: unknown[] }).companies).toHaveLength(100);
			expect(((await page(100)).body as { companies: unknown[] }).companies).toHaveLength(122 - 100);
			expect((await call('/api/Company/Children', { companyId: ESET_ROOT_COMPANY, skip: 0, take: 101 })).status).toBe(400);
		});
	});

	it('searches by customIdentifier, erases fields sent empty, deletes only suspended companies, orders licences', async () => {
		await withServer(new EsetServer(), async (server) => {
			const { call, accessToken } = await session(server);
			const companyId = (await call('/api/Company/Create/customer', customer('Acme', { customIdentifier: 'PSA-1', email: 'a@acme.example', tags: [{ tag: 'x' }] }))).body;
			const search = await call('/api/Search/Companies', { search: { 'PSA-1': [5] }, skip: 0, take: 10 });
			expect((search.body as { search: Json[] }).search.map((company) => company.companyId)).toStrictEqual([companyId]);
			await call('/api/Company/Update/customer', { companyId, email: '', tagsToAdd: [{ tag: 'y' }], tagsToRemove: [{ tag: 'x' }] });
			const detail = (await call('/api/Company/Detail', { companyId })).body as Json;
			expect(detail).toMatchObject({ email: null, customIdentifier: 'PSA-1', tags: [{ tag: 'y' }] });
			expect((await call('/api/Company/Delete', { companyId })).status).toBe(400);
			const operationId = (await call('/api/Company/Suspend', { companyId })).body as string;
			const operation = await fetch(`${server.url}/api/Operation/${operationId}`, { headers: { authorization: `Bearer ${accessToken}` } });
			expect(await operation.json()).toEqual({ operationId, state: 'Finished' });
			const order = await call('/api/License/Order', { quantity: 5, productCode: '116', customerId: companyId, licenseType: 1 });
			expect(order.status).toBe(200);
			expect((await call('/api/License/Order', { quantity: 5, productCode: '116', customerId: ESET_ROOT_COMPANY, licenseType: 1 })).status).toBe(400);
			expect((await call('/api/Company/Delete', { companyId })).status).toBe(200);
			expect(server.created).toHaveLength(0);
		});
	});

	it('answers Search/Companies in each shape the public clients read, and the earlier guesses', async () => {
		await withServer(new EsetServer(), async (server) => {
			const { call } = await session(server);
			const companyId = (await call('/api/Company/Create/customer', customer('Acme', { customIdentifier: 'PSA-1' }))).body;
			const searched = async (searchShape: string) => {
				await post(`${server.url}/_sandbox/config`, { searchShape });
				return (await call('/api/Search/Companies', { search: { acme: [0] }, skip: 0, take: 10 })).body;
			};
			const entry = { name: 'Acme', state: 'Active', companyId, email: null, type: 1007, description: null };
			expect(await searched('search')).toStrictEqual({ search: [entry], paging: { skip: 0, take: 10, totalCount: 1 } });
			expect(await searched('Search')).toStrictEqual({
				Search: [{ Name: 'Acme', State: 'Active', CompanyId: companyId, Email: null, Type: 1007, Description: null }],
				Paging: { Skip: 0, Take: 10, TotalCount: 1 },
			});
			expect(await searched('companies')).toMatchObject({ companies: [{ companyId, customIdentifier: 'PSA-1', parentCompanyId: ESET_ROOT_COMPANY }], totalCount: 1 });
			expect(await searched('bare')).toStrictEqual([entry]);
		});
	});

	it('holds the first look-ups of the same search until two have come (a forced race)', async () => {
		await withServer(new EsetServer(), async (server) => {
			const { call } = await session(server);
			await post(`${server.url}/_sandbox/config`, { holdLookupsUntil: 2 });
			let firstAnswered = false;
			const first = call('/api/Search/Companies', { search: { Race: [0] }, skip: 0, take: 10 }).then(() => (firstAnswered = true));
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(firstAnswered).toBe(false);
			await call('/api/Search/Companies', { search: { race: [0] }, skip: 0, take: 10 });
			await first;
			// Released: later look-ups of it go straight through.
			expect((await call('/api/Search/Companies', { search: { Race: [0] }, skip: 0, take: 10 })).status).toBe(200);
		});
	});
});

describe('GravityZone sandbox', () => {
	const rpc = (server: GravityZoneServer, api: string, method: string, params: Json, key = GZ_PARTNER_KEY) =>
		post(`${server.url}/api/v1.0/jsonrpc/${api}`, { id: '1', jsonrpc: '2.0', method, params }, {
			authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
		});

	it('checks auth, the JSON-RPC envelope and the API rights of the key', async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			expect((await rpc(server, 'companies', 'createCompany', {}, 'bad')).status).toBe(401);
			expect((await rpc(server, 'companies', 'createCompany', {}, GZ_NO_COMPANIES_KEY)).status).toBe(403);
			const envelope = await post(`${server.url}/api/v1.0/jsonrpc/companies`, { method: 'createCompany' }, {
				authorization: `Basic ${Buffer.from(`${GZ_PARTNER_KEY}:`).toString('base64')}`,
			});
			expect(envelope).toMatchObject({ status: 200, body: { error: { code: -32600 } } });
			expect((await rpc(server, 'companies', 'noSuchMethod', {})).body).toMatchObject({ error: { code: -32601 } });
		});
	});

	it('accepts the five documented examples and creates a trial when no licence is given', async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			const examples = readdirSync(EXAMPLES_DIR).filter((file) => file.startsWith('gz-') && file.endsWith('.request.json'));
			for (const file of examples) {
				server.reset();
				const { params } = documentedRequest<{ params: Json }>(file.replace('.request.json', ''));
				expect((await rpc(server, 'companies', 'createCompany', params)).body).toMatchObject({ result: expect.stringMatching(/^[0-9a-f]{24}$/) });
			}
			const created = (await rpc(server, 'companies', 'createCompany', { type: 1, name: 'Trial Co' })).body as { result: string };
			expect((await rpc(server, 'licensing', 'getLicenseInfo', { companyId: created.result })).body).toMatchObject({ result: { subscriptionType: 1 } });
			expect((await rpc(server, 'companies', 'createCompany', { type: 1, name: 'x'.repeat(65) })).body).toMatchObject({ error: { code: -32602 } });
			expect((await rpc(server, 'companies', 'createCompany', { type: 1, name: 'Lic', licenseSubscription: { type: 2 } })).body).toMatchObject({ error: { code: -32602 } });
		});
	});

	it('finds by prefix or anywhere, lists one level, updates, suspends, and keeps partners with children', async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			const partner = ((await rpc(server, 'companies', 'createCompany', { type: 0, name: 'Reseller One' })).body as { result: string }).result;
			const child = ((await rpc(server, 'companies', 'createCompany', { type: 1, name: 'Child Dental', parentId: partner })).body as { result: string }).result;
			const names = async (nameFilter: string) => ((await rpc(server, 'companies', 'findCompaniesByName', { nameFilter })).body as { result: Json[] }).result.map((company) => company.name);
			expect(await names('Child')).toStrictEqual(['Child Dental']);
			expect(await names('Dental')).toStrictEqual([]);
			expect(await names('*Dental')).toStrictEqual(['Child Dental']);
			expect((await rpc(server, 'network', 'getCompaniesList', { parentId: partner })).body).toMatchObject({ result: [{ id: child, name: 'Child Dental' }] });
			await rpc(server, 'companies', 'updateCompanyDetails', { id: child, phone: '123' });
			await rpc(server, 'companies', 'suspendCompany', { companyId: child });
			expect((await rpc(server, 'companies', 'getCompanyDetails', { companyId: child })).body).toMatchObject({ result: { phone: '123', isSuspended: true } });
			expect((await rpc(server, 'companies', 'deleteCompany', { companyId: partner })).body).toMatchObject({ error: { code: -32000 } });
		});
	});

	it('queues a burst of 10 per key and answers 429 with Retry-After beyond it', async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			const started = Date.now();
			const answers = await Promise.all(Array.from({ length: 25 }, (_, n) => rpc(server, 'general', 'getApiKeyDetails', { n })));
			const limited = answers.filter((answer) => answer.status === 429);
			expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(10);
			expect(limited.length).toBeGreaterThan(0);
			expect(limited[0].headers.get('retry-after')).toBe('1');
			expect(Date.now() - started).toBeGreaterThanOrEqual(800);
		});
	});

	it('injects faults on request, and a dropped create is still committed', async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			await post(`${server.url}/_sandbox/config`, { dropAfterCommitRate: 1, rateLimit: false });
			await expect(rpc(server, 'companies', 'createCompany', { type: 1, name: 'Ghost Co' })).rejects.toThrow();
			const state = (await (await fetch(`${server.url}/_sandbox/state`)).json()) as { companies: Json[] };
			expect(state.companies.map((company) => (company.params as Json).name)).toContain('Ghost Co');
			await post(`${server.url}/_sandbox/config`, { dropAfterCommitRate: 0, serverErrorRate: 1 });
			expect((await rpc(server, 'general', 'getApiKeyDetails', {})).status).toBe(503);
			await post(`${server.url}/_sandbox/config`, { serverErrorRate: 0, resetRate: 1 });
			await expect(rpc(server, 'general', 'getApiKeyDetails', {})).rejects.toThrow();
			await post(`${server.url}/_sandbox/reset`, {});
			expect(server.created).toHaveLength(0);
			expect(server.requests).toHaveLength(0);
		});
	});
});
