import type { INodeParameters } from 'n8n-workflow';

import { listSearch } from '../harness/loadOptions';
import { runWorkflow } from '../harness/runWorkflow';
import { singleNodeWorkflow } from '../harness/workflows';
import { ESET_EXAMPLE_PARENT, ESET_PASSWORD, ESET_ROOT_COMPANY, ESET_USER, type EsetServer } from '../sandbox/eset';
import { minimal, runCreateCustomer, withEset } from './fixtures';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const READS = ['/api/Token/Get', '/api/User/Current', '/api/Company/Children', '/api/Search/Companies', '/api/Company/Detail', '/api/Company/Descendants'];
const writes = (server: EsetServer) => server.requests.filter((request) => !READS.includes(request.path));

function run(server: EsetServer, parameters: INodeParameters) {
	return runWorkflow(singleNodeWorkflow('esetMsp', parameters), {
		credentials: { esetMspApi: { baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD } },
	});
}

async function created(server: EsetServer, extra: INodeParameters = {}) {
	const { output } = await runCreateCustomer(server, { ...minimal, ...extra });
	return output('Node')[0].json.companyId as string;
}

describe('ESET find-or-create', () => {
	it('returns the existing customer by Custom Identifier: a second run creates nothing', async () => {
		await withEset(async (server) => {
			const input = { ...minimal, additionalFields: { customIdentifier: 'PSA-9' } };
			const first = (await runCreateCustomer(server, input)).output('Node')[0].json;
			const second = (await runCreateCustomer(server, { ...input, name: 'Renamed In The PSA' })).output('Node')[0].json;
			expect(first.outcome).toBe('created');
			expect(second).toStrictEqual({ companyId: first.companyId, name: 'Acme Dental', customIdentifier: 'PSA-9', outcome: 'existing' });
			expect(server.created).toHaveLength(1);
		});
	});

	it('without a Custom Identifier, finds the exact name under the same parent with one search', async () => {
		await withEset(async (server) => {
			const id = await created(server, { name: 'Late Arrival' });
			await created(server, { name: 'Late Arrival Two' });
			server.requests.length = 0;
			const again = (await runCreateCustomer(server, { name: 'late arrival ', address: { city: 'Brno' } })).output('Node')[0].json;
			expect(again).toMatchObject({ companyId: id, outcome: 'existing' });
			expect(server.calls('/api/Search/Companies').map((request) => request.body)).toStrictEqual([{ search: { 'late arrival': [0] }, skip: 0, take: 100 }]);
			expect(server.calls('/api/Company/Children')).toHaveLength(0);
			const underOtherParent = await runCreateCustomer(server, { name: 'Late Arrival', address: { city: 'Brno' }, additionalFields: { parentCompanyId: byId(ESET_EXAMPLE_PARENT) } });
			expect(underOtherParent.output('Node')[0].json.outcome).toBe('created');
			expect(server.created).toHaveLength(3);
		});
	});

	it('pages through the parent\'s children (past 100) when neither the search answer nor the Detail says where companies sit', async () => {
		await withEset(async (server) => {
			for (let n = 0; n < 130; n++) await runCreateCustomer(server, { name: `Filler ${n}`, address: { city: 'Brno' }, options: { ifExists: 'createAnyway' } });
			const id = await created(server, { name: 'Late Arrival' });
			server.scriptNext((request) => request.path === '/api/Search/Companies', { status: 200, body: { companies: [{ publicId: id, name: 'Late Arrival' }], totalCount: 1 } });
			server.scriptNext((request) => request.path === '/api/Company/Detail', { status: 200, body: { companyId: id, name: 'Late Arrival' } });
			server.requests.length = 0;
			const again = (await runCreateCustomer(server, { name: 'Late Arrival', address: { city: 'Brno' } })).output('Node')[0].json;
			expect(again).toMatchObject({ companyId: id, outcome: 'existing' });
			expect(server.calls('/api/Company/Children')).toHaveLength(2);
			expect(server.created).toHaveLength(131);
		});
	}, 60_000);

	it('creates one customer for two identical items in one run, fails on request, and creates anyway on request', async () => {
		await withEset(async (server) => {
			const twins = await runWorkflow(singleNodeWorkflow('esetMsp', { resource: 'company', operation: 'createCustomer', name: '={{ $json.name }}', address: { city: 'Brno' } }), {
				items: [{ name: 'Twin' }, { name: 'Twin' }],
				credentials: { esetMspApi: { baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD } },
			});
			expect(twins.output('Node').map((item) => item.json.outcome)).toStrictEqual(['created', 'existing']);
			const failed = await runCreateCustomer(server, { name: 'Twin', address: { city: 'Brno' }, options: { ifExists: 'fail' } });
			expect(failed.error()?.message).toBe(`In item 0 (the 1st): the customer "Twin" exists already (companyId ${server.created[0].companyId})`);
			const anyway = await runCreateCustomer(server, { name: 'Twin', address: { city: 'Brno' }, options: { ifExists: 'createAnyway' } });
			expect(anyway.error()?.message).toBe('ESET rejected the request: name: A company with this name already exists.');
			expect(server.created).toHaveLength(1);
		});
	});

	it('dry run: validates, looks up, returns the request without token or password, sends no write', async () => {
		await withEset(async (server) => {
			const { output } = await runCreateCustomer(server, { ...minimal, options: { dryRun: true } });
			const json = output('Node')[0].json;
			expect(json).toStrictEqual({
				dryRun: true,
				outcome: 'wouldCreate',
				request: { method: 'POST', url: `${server.url}/api/Company/Create/customer`, body: { name: 'Acme Dental', address: { city: 'San Diego' } } },
			});
			expect(JSON.stringify(json)).not.toContain(ESET_PASSWORD);
			expect(writes(server)).toHaveLength(0);
		});
	});
});

describe('ESET operations', () => {
	it('gets, searches, updates (keeping empty fields), suspends, unsuspends and deletes a customer', async () => {
		await withEset(async (server) => {
			const id = await created(server, { additionalFields: { customIdentifier: 'PSA-77', email: 'it@acme.example', comment: 'keep me', tags: { entries: [{ tag: 'old' }] } } });
			const detail = async () => (await run(server, { resource: 'company', operation: 'get', companyId: byId(id) })).output('Node')[0].json;
			expect(await detail()).toMatchObject({ companyId: id, name: 'Acme Dental', customIdentifier: 'PSA-77' });
			const search = async (searchBy: string, searchValue: string) =>
				(await run(server, { resource: 'company', operation: 'search', searchBy, searchValue, returnAll: true })).output('Node').map((item) => item.json.companyId);
			expect(await search('customIdentifier', 'PSA-77')).toStrictEqual([id]);
			expect(await search('name', 'acme')).toStrictEqual([id]);

			// The erase-on-empty trap: an empty Comment is not sent, so EMA 2 keeps it.
			await run(server, {
				resource: 'company',
				operation: 'updateCustomer',
				companyId: byId(id),
				updateFields: { comment: '', vatId: 'US-1', tagsToAdd: { entries: [{ tag: 'new' }] }, tagsToRemove: { entries: [{ tag: 'old' }] } },
			});
			expect(server.calls('/api/Company/Update/customer')[0].body).toStrictEqual({ companyId: id, vatId: 'US-1', tagsToAdd: [{ tag: 'new' }], tagsToRemove: [{ tag: 'old' }] });
			expect(await detail()).toMatchObject({ comment: 'keep me', email: 'it@acme.example', vatId: 'US-1', tags: [{ tag: 'new' }] });
			// Erasing takes an explicit choice.
			await run(server, { resource: 'company', operation: 'updateCustomer', companyId: byId(id), fieldsToClear: ['email', 'address.city'] });
			expect(server.calls('/api/Company/Update/customer')[1].body).toStrictEqual({ companyId: id, email: '', address: { city: '' } });
			expect(await detail()).toMatchObject({ email: null, comment: 'keep me' });

			const refused = await run(server, { resource: 'company', operation: 'delete', companyId: byId(id) });
			expect(refused.error()?.message).toBe('ESET rejected the request: Only a suspended company can be deleted');
			await run(server, { resource: 'company', operation: 'suspend', companyId: byId(id) });
			expect(await detail()).toMatchObject({ status: 'Suspended' });
			await run(server, { resource: 'company', operation: 'unsuspend', companyId: byId(id) });
			expect(await detail()).toMatchObject({ status: 'Active' });
			const deleted = await run(server, { resource: 'company', operation: 'delete', companyId: byId(id), options: { suspendFirst: true } });
			expect(deleted.output('Node')[0].json).toMatchObject({ companyId: id, deleted: true });
			expect(server.created).toHaveLength(0);
		});
	});

	it('refuses a field both set and cleared, sending nothing', async () => {
		await withEset(async (server) => {
			const { error } = await run(server, { resource: 'company', operation: 'updateCustomer', companyId: byId(ESET_EXAMPLE_PARENT), updateFields: { email: 'a@b.example' }, fieldsToClear: ['email'] });
			expect(error()?.message).toBe('In item 0 (the 1st): "email" (Email) is both set and chosen in Fields to Clear');
			expect(server.requests).toHaveLength(0);
		});
	});

	it('lists children with Return All past 100, or up to a limit', async () => {
		await withEset(async (server) => {
			for (let n = 0; n < 105; n++) await created(server, { name: `Child ${n}`, options: { ifExists: 'createAnyway' } });
			const all = await run(server, { resource: 'company', operation: 'getMany', companyId: byId(ESET_ROOT_COMPANY), returnAll: true });
			expect(all.output('Node')).toHaveLength(106);
			const some = await run(server, { resource: 'company', operation: 'getMany', companyId: byId(ESET_ROOT_COMPANY), limit: 7 });
			expect(some.output('Node')).toHaveLength(7);
		});
	}, 60_000);

	it('orders a licence for a customer, and makes custom API calls', async () => {
		await withEset(async (server) => {
			const id = await created(server);
			const order = await run(server, { resource: 'license', operation: 'order', customerId: byId(id), productCode: '116', quantity: 10, licenseType: 4 });
			expect(order.output('Node')[0].json).toMatchObject({ customerId: id, productCode: '116', quantity: 10, licenseType: 4, publicLicenseKey: server.created[0].licenses[0].publicLicenseKey });
			const custom = await run(server, { resource: 'custom', operation: 'apiCall', method: 'GET', path: '/api/Enum/EntityTypes' });
			expect(custom.output('Node')[0].json.response).toEqual(expect.arrayContaining([{ id: 1007, name: 'MSP Customer' }]));
			const badPath = await run(server, { resource: 'custom', operation: 'apiCall', method: 'GET', path: 'Enum/EntityTypes' });
			expect(badPath.error()?.message).toBe('In item 0 (the 1st): "path" (Path) must start with /api/ (got "Enum/EntityTypes")');
		});
	});

	it('dry runs of update, delete and licence order send nothing', async () => {
		await withEset(async (server) => {
			const id = await created(server);
			server.requests.length = 0;
			const options = { dryRun: true };
			await run(server, { resource: 'company', operation: 'updateCustomer', companyId: byId(id), updateFields: { comment: 'x' }, options });
			const deleting = await run(server, { resource: 'company', operation: 'delete', companyId: byId(id), options: { ...options, suspendFirst: true } });
			expect((deleting.output('Node')[0].json.requests as Array<{ url: string }>).map((request) => request.url)).toStrictEqual([
				`${server.url}/api/Company/Suspend`,
				`${server.url}/api/Company/Delete`,
			]);
			await run(server, { resource: 'license', operation: 'order', customerId: byId(id), productCode: '116', quantity: 1, licenseType: 1, options });
			expect(writes(server)).toHaveLength(0);
		});
	});

	it('lists companies for the picker, searchable by name and paged', async () => {
		await withEset(async (server) => {
			for (let n = 0; n < 55; n++) await created(server, { name: `Pick ${n}`, options: { ifExists: 'createAnyway' } });
			const credentials = { esetMspApi: { baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD } };
			const first = await listSearch('esetMsp', 'searchCompanies', credentials);
			expect(first.results).toHaveLength(50);
			expect(first.paginationToken).toBe('50');
			const second = await listSearch('esetMsp', 'searchCompanies', credentials, undefined, first.paginationToken);
			expect(first.results.length + second.results.length).toBe(56);
			const filtered = await listSearch('esetMsp', 'searchCompanies', credentials, 'Pick 54');
			expect(filtered.results).toStrictEqual([{ name: 'Pick 54', value: server.created[54].companyId }]);
		});
	}, 60_000);
});
