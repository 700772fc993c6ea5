import type { INodeParameters } from 'n8n-workflow';

import { KEY_OWNER_ACCOUNT_ID } from '../sandbox/gzDeploy';
import type { GravityZoneServer } from '../sandbox/gravityZone';
import { isRpc, rpcError } from '../sandbox/gravityZone';
import { byId, configure, paramsOf, runGz, withGravityZone, errorText } from './fixtures';

const CUSTOMER = '54a1a1d3b1a43d2b347b23c1';
const OTHER_CUSTOMER = '5493dcd2b1a43df00b7b23c6';
const PASSWORD = 'Admin-Pa55word!';

const createAccount = (server: GravityZoneServer, parameters: INodeParameters = {}, options = {}) =>
	runGz(
		server,
		{
			resource: 'account',
			operation: 'create',
			email: 'it-admin@acme.example',
			profile: { fullName: 'Acme IT' },
			...parameters,
			additionalFields: { companyId: byId(CUSTOMER), ...(parameters.additionalFields as object) },
		},
		options,
	);
const created = (server: GravityZoneServer) => server.deploy.accounts.filter((account) => !account.seeded);

describe('GravityZone Account > Create: find or create by e-mail', () => {
	it("creates a customer's first admin, then returns it (same e-mail, any case) instead of a duplicate", async () => {
		await withGravityZone(async (server) => {
			const first = (await createAccount(server, { additionalFields: { role: 1, password: PASSWORD } })).output('Node')[0].json;
			const again = (await createAccount(server, { email: 'IT-Admin@Acme.example' })).output('Node')[0].json;
			expect(first).toStrictEqual({ id: created(server)[0].id, email: 'it-admin@acme.example', companyId: CUSTOMER, outcome: 'created' });
			expect(again).toStrictEqual({ ...first, outcome: 'existing' });
			expect(paramsOf(server, 'createAccount')).toStrictEqual([
				{ email: 'it-admin@acme.example', profile: { fullName: 'Acme IT' }, companyId: CUSTOMER, role: 1, password: PASSWORD },
			]);
		});
	});

	it('where e-mails are unique across companies (the sandbox default), the same e-mail in another company ends in GravityZone\'s error, not a second account', async () => {
		await withGravityZone(async (server) => {
			await createAccount(server);
			const { output } = await createAccount(server, { additionalFields: { companyId: byId(OTHER_CUSTOMER) } }, { continueOnFail: true });
			expect(output('Node')[0].json.error).toBe('GravityZone createAccount failed: Server error - An account with this email already exists');
			expect(created(server)).toHaveLength(1);
		});
	});

	it('where e-mails are unique per company, another company gets its own account', async () => {
		await withGravityZone(async (server) => {
			await configure(server, { accountEmailScope: 'company' });
			await createAccount(server);
			const { output } = await createAccount(server, { additionalFields: { companyId: byId(OTHER_CUSTOMER) } });
			expect(output('Node')[0].json).toMatchObject({ companyId: OTHER_CUSTOMER, outcome: 'created' });
			expect(created(server).map((account) => account.companyId)).toStrictEqual([CUSTOMER, OTHER_CUSTOMER]);
		});
	});

	it('creates one account for two items with the same e-mail in one run', async () => {
		await withGravityZone(async (server) => {
			const items = [{ company: CUSTOMER }, { company: CUSTOMER }];
			const { output } = await createAccount(server, { additionalFields: { companyId: byId('={{ $json.company }}') } }, { items });
			expect(output('Node').map((item) => item.json.outcome)).toStrictEqual(['created', 'existing']);
			expect(created(server)).toHaveLength(1);
		});
	});

	it('a create whose answer was lost is looked up, not sent again', async () => {
		await withGravityZone(async (server) => {
			server.setFaults({ dropAfterCommitRate: 1 });
			const { output } = await createAccount(server, { additionalFields: { password: PASSWORD } });
			expect(output('Node')[0].json).toMatchObject({ id: created(server)[0].id, outcome: 'existing' });
			expect(server.rpcCalls('createAccount')).toHaveLength(1);
		});
	});

	it('sends rights and target IDs for the Custom role, and phoneNumber through Extra Params', async () => {
		await withGravityZone(async (server) => {
			await createAccount(server, {
				profile: { fullName: 'Acme Reporter', timezone: 'Europe/Berlin', language: 'de_DE' },
				additionalFields: { role: 5, rights: { manageReports: true, manageNetworks: false }, targetIds: ['585d2dc9aaed70820e8b45b4', '={{ "585d2dd5aaed70b8048b45ca" }}'] },
				options: { extraParams: '{"phoneNumber": {"countryCode": "+49"}}' },
			});
			expect(paramsOf(server, 'createAccount')).toStrictEqual([
				{
					email: 'it-admin@acme.example',
					profile: { fullName: 'Acme Reporter', timezone: 'Europe/Berlin', language: 'de_DE' },
					companyId: CUSTOMER,
					role: 5,
					rights: { manageReports: true, manageNetworks: false },
					targetIds: ['585d2dc9aaed70820e8b45b4', '585d2dd5aaed70b8048b45ca'],
					phoneNumber: { countryCode: '+49' },
				},
			]);
		});
	});
});

describe('GravityZone Account > Create: the documented rules, checked before sending', () => {
	const cases: Array<[string, INodeParameters, string, RegExp]> = [
		['e-mail without a domain', { email: 'it-admin' }, '"email" (Email)', /local@domain/],
		['no full name', { profile: { timezone: 'Europe/Berlin' } }, '"profile.fullName" (Profile > Full Name)', /is required/],
		['no profile at all', { profile: {} }, '"profile" (Profile)', /is required/],
		['rights without the Custom role', { additionalFields: { rights: { manageReports: true } } }, '"rights" (Rights)', /only used with role 5 \(Custom\), not with role 1/],
		['role 6', { additionalFields: { role: '={{ 6 }}' } }, '"role" (Role)', /must be one of/],
		['a target ID that is not text', { additionalFields: { targetIds: ['585d2dc9aaed70820e8b45b4', '={{ {} }}'] } }, '"targetIds" (Target IDs)', /entry 2 must be text/],
		['a password of 5 characters', { additionalFields: { password: 'Ab1!x' } }, '"password" (Password)', /at least 6 characters with an upper-case letter/],
	];

	it.each(cases)('%s: NodeOperationError naming item and field, nothing sent', async (_what, parameters, field, rule) => {
		await withGravityZone(async (server) => {
			const { error } = await createAccount(server, parameters);
			expect(error()?.name).toBe('NodeOperationError');
			expect(error()?.message).toContain(`In item 0 (the 1st): ${field}`);
			expect(error()?.message).toMatch(rule);
			expect(errorText(error())).not.toContain('Ab1!x');
			expect(server.requests).toHaveLength(0);
		});
	});

	it("accepts the older 6-character rule (the documented example's 8-character password); GravityZone's 12-character refusal comes back without the password", async () => {
		await withGravityZone(async (server) => {
			await configure(server, { passwordMinLength: 12 });
			const { output } = await createAccount(server, { additionalFields: { password: 'P@s4w0rd' } }, { continueOnFail: true });
			expect(output('Node')[0].json.error).toBe(
				'GravityZone createAccount failed: Invalid params - Invalid parameter "password": must have at least 12 characters, an upper-case letter, a lower-case letter, a digit and a special character',
			);
			expect(server.rpcCalls('createAccount')).toHaveLength(1);
		});
	});
});

describe('GravityZone Account: the password stays secret', () => {
	it('Dry Run masks it', async () => {
		await withGravityZone(async (server) => {
			const { output } = await createAccount(server, { additionalFields: { password: PASSWORD }, options: { dryRun: true } });
			expect(output('Node')[0].json).toMatchObject({ dryRun: true, outcome: 'wouldCreate', request: { body: { method: 'createAccount', params: { password: '********' } } } });
			expect(JSON.stringify(output('Node'))).not.toContain(PASSWORD);
			expect(server.rpcCalls('createAccount')).toHaveLength(0);
		});
	});

	it('an error that repeats it reaches n8n without it (also when the workflow stops)', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('createAccount'), rpcError(1, -32602, 'Invalid params', `The password ${PASSWORD} was used before`));
			const { error } = await createAccount(server, { additionalFields: { password: PASSWORD } });
			expect(error()?.message).toBe('GravityZone createAccount failed: Invalid params - The password ******** was used before');
			expect(errorText(error())).not.toContain(PASSWORD);
		});
	});
});

describe('GravityZone Account > Get Many, Delete', () => {
	it('lists the accounts of a company, page by page', async () => {
		await withGravityZone(async (server) => {
			for (let n = 0; n < 120; n++) server.deploy.accounts.push({ id: `a${n}`, companyId: CUSTOMER, params: { email: `user${n}@acme.example`, profile: { fullName: `User ${n}` } } });
			const { output } = await runGz(server, { resource: 'account', operation: 'getMany', companyId: byId(CUSTOMER), returnAll: true });
			expect(output('Node')).toHaveLength(120);
			expect(output('Node')[119].json).toStrictEqual({ id: 'a119', email: 'user119@acme.example', profile: { fullName: 'User 119' }, role: 1, rights: {}, companyName: 'TestC2', companyId: CUSTOMER });
			expect(paramsOf(server, 'getAccountsList').map((params) => params.page)).toStrictEqual([1, 2]);
		});
	});

	it("deletes an account; the key's own account is refused with GravityZone's reason", async () => {
		await withGravityZone(async (server) => {
			const id = (await createAccount(server)).output('Node')[0].json.id as string;
			const done = await runGz(server, { resource: 'account', operation: 'delete', accountId: id });
			expect(done.output('Node')[0].json).toStrictEqual({ accountId: id, deleted: true });
			expect(created(server)).toHaveLength(0);
			const own = await runGz(server, { resource: 'account', operation: 'delete', accountId: KEY_OWNER_ACCOUNT_ID }, { continueOnFail: true });
			expect(own.output('Node')[0].json.error).toBe('GravityZone deleteAccount failed: Server error - You cannot delete your own account');
		});
	});
});
