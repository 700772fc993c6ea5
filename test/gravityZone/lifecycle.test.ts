import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { listSearch } from '../harness/loadOptions';
import { runWorkflow } from '../harness/runWorkflow';
import { singleNodeWorkflow } from '../harness/workflows';
import { GZ_PARTNER_KEY, GZ_ROOT_COMPANY, type GravityZoneServer } from '../sandbox/gravityZone';
import { runCreate, withGravityZone } from './fixtures';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const WRITES = ['createCompany', 'updateCompanyDetails', 'suspendCompany', 'activateCompany', 'deleteCompany', 'generateEmailVerificationCode'];
const writes = (server: GravityZoneServer) => server.requests.filter((request) => WRITES.includes((request.body as { method: string }).method));

function run(server: GravityZoneServer, parameters: INodeParameters, items?: IDataObject[]) {
	return runWorkflow(singleNodeWorkflow('gravityZone', parameters), {
		items,
		credentials: { gravityZoneApi: { accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY } },
	});
}

async function createdId(server: GravityZoneServer, name: string, extra: INodeParameters = {}) {
	const { output } = await runCreate(server, { type: 1, name, ...extra });
	return output('Node')[0].json.id as string;
}

describe('GravityZone find-or-create', () => {
	it('returns the existing company by default: a second run with the same input creates nothing', async () => {
		await withGravityZone(async (server) => {
			const first = (await runCreate(server, { type: 1, name: 'Acme Dental' })).output('Node')[0].json;
			const second = (await runCreate(server, { type: 1, name: '  acme dental ' })).output('Node')[0].json;
			expect(first.outcome).toBe('created');
			expect(second).toStrictEqual({ id: first.id, name: 'Acme Dental', type: 1, outcome: 'existing' });
			expect(server.created).toHaveLength(1);
		});
	});

	it('creates one company for two identical items in one run', async () => {
		await withGravityZone(async (server) => {
			const { output } = await runCreate(server, { type: 1, name: '={{ $json.name }}' }, { items: [{ name: 'Twin Co' }, { name: 'Twin Co' }] });
			expect(output('Node').map((item) => item.json.outcome)).toStrictEqual(['created', 'existing']);
			expect(server.created).toHaveLength(1);
		});
	});

	it('fails on an existing company when asked to, naming it, and creates nothing', async () => {
		await withGravityZone(async (server) => {
			const id = await createdId(server, 'Acme Dental');
			const { error } = await runCreate(server, { type: 1, name: 'Acme Dental', options: { ifExists: 'fail' } });
			expect(error()?.message).toBe(`In item 0 (the 1st): a company named "Acme Dental" exists already (id ${id})`);
			expect(server.created).toHaveLength(1);
		});
	});

	it('creates anyway without looking when asked to', async () => {
		await withGravityZone(async (server) => {
			await createdId(server, 'Acme Dental');
			server.requests.length = 0;
			await runCreate(server, { type: 1, name: 'Acme Dental', options: { ifExists: 'createAnyway' } });
			expect(server.rpcCalls('findCompaniesByName')).toHaveLength(0);
			expect(server.rpcCalls('createCompany')).toHaveLength(1);
		});
	});

	it('only matches under the given parent', async () => {
		await withGravityZone(async (server) => {
			await createdId(server, 'Branch Office');
			const { error } = await runCreate(server, {
				type: 1,
				name: 'Branch Office',
				additionalFields: { parentId: byId('64babaafab366c53d20c83ca') },
				options: { ifExists: 'fail' },
			});
			// Not "exists already": the namesake is under another parent, so the create went out (and
			// GravityZone, whose names are unique across the account, refused it).
			expect(error()?.message).toMatch(/^GravityZone createCompany failed: .*already exists/);
			expect(server.rpcCalls('createCompany')).toHaveLength(2);
		});
	});

	it('falls back to the list under the parent when the name search hits its cap of 100', async () => {
		await withGravityZone(async (server) => {
			for (let n = 0; n < 100; n++) {
				server.companies.push({ id: `${n}`.padStart(24, 'a'), params: { type: 1, name: `Acme ${n}` }, parentId: GZ_ROOT_COMPANY, isSuspended: false, createdAt: 'x' });
			}
			const existing = await createdId(server, 'Acme', { options: { ifExists: 'createAnyway' } });
			const { output } = await runCreate(server, { type: 1, name: 'ACME' });
			expect(output('Node')[0].json).toMatchObject({ id: existing, outcome: 'existing' });
			expect(server.rpcCalls('getCompaniesList')).toHaveLength(1);
		});
	});

	it('dry run: validates, looks up, returns the request without the key, and sends no write', async () => {
		await withGravityZone(async (server) => {
			const { output } = await runCreate(server, { type: 1, name: 'Dry Co', options: { dryRun: true } });
			const json = output('Node')[0].json as { dryRun: boolean; outcome: string; request: { url: string; body: { method: string; params: unknown } } };
			expect(json).toMatchObject({ dryRun: true, outcome: 'wouldCreate', request: { url: `${server.url}/api/v1.0/jsonrpc/companies`, body: { method: 'createCompany', params: { type: 1, name: 'Dry Co' } } } });
			expect(JSON.stringify(json)).not.toContain(GZ_PARTNER_KEY);
			expect(server.rpcCalls('findCompaniesByName')).toHaveLength(1);
			expect(writes(server)).toHaveLength(0);
		});
	});
});

describe('GravityZone operations', () => {
	it('gets, updates, suspends, activates and deletes a company; finds it by name; lists it; reads its trial licence', async () => {
		await withGravityZone(async (server) => {
			const id = await createdId(server, 'Life Cycle Co');
			const get = async () => (await run(server, { resource: 'company', operation: 'get', companyId: byId(id) })).output('Node')[0].json;
			expect(await get()).toMatchObject({ id, name: 'Life Cycle Co', isSuspended: false });
			const updated = await run(server, { resource: 'company', operation: 'update', companyId: byId(id), updateFields: { phone: '+1 555 0100', address: '' } });
			expect(updated.output('Node')[0].json).toStrictEqual({ companyId: id, updated: true, sent: { phone: '+1 555 0100', address: '' } });
			expect(server.rpcCalls('updateCompanyDetails')[0].body).toMatchObject({ params: { id, phone: '+1 555 0100', address: '' } });
			await run(server, { resource: 'company', operation: 'suspend', companyId: byId(id) });
			expect(await get()).toMatchObject({ phone: '+1 555 0100', isSuspended: true });
			await run(server, { resource: 'company', operation: 'activate', companyId: byId(id) });
			expect(await get()).toMatchObject({ isSuspended: false });
			const found = async (name: string, match: string) =>
				(await run(server, { resource: 'company', operation: 'findByName', name, match })).output('Node').map((item) => item.json.name);
			expect(await found('life cycle co', 'exact')).toStrictEqual(['Life Cycle Co']);
			expect(await found('Life', 'exact')).toStrictEqual([]);
			expect(await found('Life', 'prefix')).toStrictEqual(['Life Cycle Co']);
			expect(await found('Cycle', 'contains')).toStrictEqual(['Life Cycle Co']);
			const listed = (await run(server, { resource: 'company', operation: 'getMany' })).output('Node');
			expect(listed.map((item) => item.json.id)).toContain(id);
			const licence = (await run(server, { resource: 'licensing', operation: 'getLicenseInfo', companyId: byId(id) })).output('Node')[0].json;
			expect(licence).toMatchObject({ subscriptionType: 1 });
			const deleted = await run(server, { resource: 'company', operation: 'delete', companyId: byId(id) });
			expect(deleted.output('Node')[0].json).toStrictEqual({ companyId: id, deleted: true });
			expect(server.created).toHaveLength(0);
		});
	});

	it('refuses a company ID of the wrong form before sending: typed (n8n flags it) or from an expression', async () => {
		await withGravityZone(async (server) => {
			await expect(run(server, { resource: 'company', operation: 'delete', companyId: byId('not-an-id') })).rejects.toThrow(/Not a valid ID/);
			const { error } = await run(server, { resource: 'company', operation: 'delete', companyId: byId('={{ $json.id }}') }, [{ id: 'not-an-id' }]);
			expect(error()?.message).toMatch(/^In item 0 \(the 1st\): "companyId" \(Company\) must be a GravityZone company ID/);
			expect(server.requests).toHaveLength(0);
		});
	});

	it('dry run on suspend and delete sends nothing', async () => {
		await withGravityZone(async (server) => {
			const id = await createdId(server, 'Keep Me');
			server.requests.length = 0;
			for (const operation of ['suspend', 'delete']) {
				const { output } = await run(server, { resource: 'company', operation, companyId: byId(id), options: { dryRun: true } });
				expect(output('Node')[0].json).toMatchObject({ dryRun: true, request: { body: { params: { companyId: id } } } });
			}
			expect(writes(server)).toHaveLength(0);
			expect(server.created).toHaveLength(1);
		});
	});

	it('generates the MDR e-mail verification code and makes custom API calls', async () => {
		await withGravityZone(async (server) => {
			const sent = await run(server, { resource: 'general', operation: 'generateEmailVerificationCode', email: 'mdr@acme.example' });
			expect(sent.output('Node')[0].json).toStrictEqual({ email: 'mdr@acme.example', codeSent: true });
			expect(server.verificationCodes.has('mdr@acme.example')).toBe(true);
			const custom = await run(server, { resource: 'custom', operation: 'apiCall', api: 'general', method: 'getApiKeyDetails', params: '{}' });
			expect(custom.output('Node')[0].json).toMatchObject({ companyId: GZ_ROOT_COMPANY });
		});
	});

	it('lists companies for the picker, searchable by name', async () => {
		await withGravityZone(async (server) => {
			const id = await createdId(server, 'Picker Dental');
			const credentials = { gravityZoneApi: { accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY } };
			const all = await listSearch('gravityZone', 'searchCompanies', credentials);
			expect(all.results).toEqual(expect.arrayContaining([{ name: 'Picker Dental', value: id }]));
			const filtered = await listSearch('gravityZone', 'searchCompanies', credentials, 'dental');
			expect(filtered.results).toStrictEqual([{ name: 'Picker Dental', value: id }]);
		});
	});
});
