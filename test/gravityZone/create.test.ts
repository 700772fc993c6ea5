import { license, runCreate, withGravityZone } from './fixtures';
import { errorOutputTakesDetails } from '../harness/n8nVersions';
import { runWorkflow } from '../harness/runWorkflow';
import { singleNodeWorkflow } from '../harness/workflows';
import { webhookItem } from '../harness/workflows';
import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { GZ_NO_COMPANIES_KEY, GZ_PARTNER_KEY, type GravityZoneServer, isRpc, rpcError } from '../sandbox/gravityZone';

const paramsSent = (server: GravityZoneServer) =>
	server.rpcCalls('createCompany').map((call) => (call.body as { params: unknown }).params);

describe('GravityZone Create: what is sent', () => {
	it('sends only type and name when nothing else was added', async () => {
		await withGravityZone(async (server) => {
			await runCreate(server, { type: 0, name: 'Partner Only' });
			expect(paramsSent(server)).toStrictEqual([{ type: 0, name: 'Partner Only' }]);
		});
	});

	it('sends added fields as given, also false, 0 and an empty list', async () => {
		await withGravityZone(async (server) => {
			await runCreate(server, {
				type: 1,
				name: 'Given As Is',
				licenseSubscription: license({ type: 3, reservedSlots: 0, manageExchange: false, additionalProductTypes: [] }),
				additionalFields: { industry: 0, enforce2FA: false },
			});
			expect(paramsSent(server)).toStrictEqual([
				{
					type: 1,
					name: 'Given As Is',
					licenseSubscription: { type: 3, reservedSlots: 0, manageExchange: false, additionalProductTypes: [] },
					industry: 0,
					enforce2FA: false,
				},
			]);
		});
	});

	// What n8n saves for fields added in the editor and left untouched: "" for text and for a dropdown without a value.
	const addedAndLeftEmpty = {
		type: 1,
		name: 'Left Empty',
		licenseSubscription: license({ type: 3, endSubscription: '', licenseKey: ' ', ownUse: {} }),
		additionalFields: {
			address: '',
			country: '',
			state: '',
			accountEmail: '',
			contactPerson: { email: '', fullName: 'Dana Smile' },
			mdrContactInformation: { emailVerificationCode: '', phoneNumber: { countryPrefix: '' } },
			customFields: { entries: [{ name: '', value: '' }] },
		},
	};
	const sentForLeftEmpty = { type: 1, name: 'Left Empty', licenseSubscription: { type: 3 }, contactPerson: { fullName: 'Dana Smile' } };

	it('leaves out a field that was added and left empty, instead of refusing it', async () => {
		await withGravityZone(async (server) => {
			const { error } = await runCreate(server, addedAndLeftEmpty);
			expect(error()).toBeUndefined();
			expect(paramsSent(server)).toStrictEqual([sentForLeftEmpty]);
		});
	});

	it('leaves it out in a Dry Run too', async () => {
		await withGravityZone(async (server) => {
			const { output, error } = await runCreate(server, { ...addedAndLeftEmpty, options: { dryRun: true } });
			expect(error()).toBeUndefined();
			expect(output('Node')[0].json).toMatchObject({ dryRun: true, outcome: 'wouldCreate', request: { body: { params: sentForLeftEmpty } } });
			expect(server.rpcCalls('createCompany')).toHaveLength(0);
		});
	});

	it('leaves out an expression that found an empty value (a PSA field or a CSV cell left empty)', async () => {
		await withGravityZone(async (server) => {
			await runCreate(
				server,
				{
					type: 1,
					name: 'Empty Cells',
					licenseSubscription: license({ type: 3, reservedSlots: '={{ $json.seats }}', manageHyperDetect: '={{ $json.hyperDetect }}' }),
					additionalFields: { country: '={{ $json.country }}', phone: '={{ $json.phone }}' },
				},
				{ items: [{ seats: '', hyperDetect: ' ', country: '', phone: '' }] },
			);
			expect(paramsSent(server)).toStrictEqual([{ type: 1, name: 'Empty Cells', licenseSubscription: { type: 3 } }]);
		});
	});

	it('merges Extra Params (JSON) into params, object by object', async () => {
		await withGravityZone(async (server) => {
			await runCreate(server, {
				type: 1,
				name: 'With Extras',
				licenseSubscription: license({ type: 3 }),
				options: { extraParams: '{"futureFlag": true, "licenseSubscription": {"manageNewThing": true}}' },
			});
			expect(paramsSent(server)).toStrictEqual([
				{ type: 1, name: 'With Extras', licenseSubscription: { type: 3, manageNewThing: true }, futureFlag: true },
			]);
		});
	});

	it('gives every JSON-RPC request its own id', async () => {
		await withGravityZone(async (server) => {
			await runCreate(server, { type: 1, name: '={{ "Company " + $json.n }}' }, { items: [{ n: 1 }, { n: 2 }, { n: 3 }] });
			const ids = server.requests.map((request) => (request.body as { id: string }).id);
			expect(server.rpcCalls('createCompany')).toHaveLength(3);
			expect(new Set(ids).size).toBe(ids.length);
		});
	});

	it('fills parameters from a PSA webhook item through expressions, typing what the API wants', async () => {
		await withGravityZone(async (server) => {
			const { output } = await runCreate(
				server,
				{
					type: '={{ $json.body.kind === "partner" ? 0 : 1 }}',
					name: '={{ $json.body.company.name }}',
					licenseSubscription: license({
						type: '={{ $json.body.licence.type }}',
						reservedSlots: '={{ $json.body.licence.seats }}',
						endSubscription: '={{ $json.body.licence.until }}',
						manageHyperDetect: '={{ $json.body.licence.hyperDetect }}',
						additionalProductTypes: '={{ $json.body.licence.products }}',
						assignedProductType: '={{ $json.body.licence.products.split(",")[0] }}',
					}),
					additionalFields: {
						country: '={{ $json.body.company.country }}',
						state: '={{ $json.body.company.state }}',
						phone: '={{ $json.body.company.phone }}',
						contactPerson: { fullName: '={{ $json.body.contact.name }}', email: '={{ $json.body.contact.email }}' },
						customFields: { entries: [{ name: 'psaId', value: '={{ $json.body.id }}' }] },
					},
				},
				{
					items: [
						webhookItem({
							id: 'CW-1001',
							kind: 'customer',
							company: { name: 'Acme Dental', country: 'US', state: 'US-CA', phone: 6195550100 },
							licence: { type: '3', seats: '25', until: '2027-12-31', hyperDetect: 'true', products: '0,3' },
							contact: { name: 'Dana Smile', email: 'dana@acme-dental.example' },
						}),
					],
				},
			);
			expect(paramsSent(server)).toStrictEqual([
				{
					type: 1,
					name: 'Acme Dental',
					licenseSubscription: {
						type: 3,
						reservedSlots: 25,
						endSubscription: '2027-12-31',
						manageHyperDetect: true,
						additionalProductTypes: [0, 3],
						assignedProductType: 0,
					},
					country: 'US',
					state: 'US-CA',
					phone: '6195550100',
					contactPerson: { fullName: 'Dana Smile', email: 'dana@acme-dental.example' },
					customFields: { psaId: 'CW-1001' },
				},
			]);
			expect(output('Node')[0].json).toStrictEqual({ id: server.created[0].id, name: 'Acme Dental', type: 1, outcome: 'created' });
		});
	});
});

describe('GravityZone Create: API errors', () => {
	it('turns a JSON-RPC error in an HTTP 200 body into a NodeApiError with code, message and details', async () => {
		await withGravityZone(async (server) => {
			await runCreate(server, { type: 1, name: 'Twice' });
			const { error } = await runCreate(server, { type: 1, name: 'Twice', options: { ifExists: 'createAnyway' } });
			expect(error()?.name).toBe('NodeApiError');
			expect(error()?.message).toBe(
				'GravityZone createCompany failed: Server error - A company with the same name already exists',
			);
			// Two lines in n8n's error panel, which renders descriptions as HTML.
			expect((error() as { description?: string }).description).toBe(
				'Details: A company with the same name already exists<br>JSON-RPC error -32000. GravityZone refused the request: the details above say why (for example, a name already in use).',
			);
			expect((error() as { errorResponse?: unknown }).errorResponse).toMatchObject({
				code: -32000,
				message: 'Server error',
				data: { details: 'A company with the same name already exists' },
			});
			expect(error()?.context?.code).toBe(-32000);
		});
	});

	it('reads a JSON-RPC error carried by a 4xx response', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('createCompany'), {
				status: 400,
				body: rpcError('x', -32602, 'Invalid params', 'Invalid parameter "industry"').body,
			});
			const { error } = await runCreate(server, { type: 1, name: 'Bad Industry' });
			expect(error()?.message).toBe('GravityZone createCompany failed: Invalid params - Invalid parameter "industry"');
			expect((error() as { httpCode?: string }).httpCode).toBe('400');
		});
	});

	it('says the key is wrong on 401, without ever showing the key', async () => {
		await withGravityZone(async (server) => {
			const { error } = await runCreate(server, { type: 1, name: 'Acme' }, { apiKey: 'wrong-key-0123456789' });
			expect(error()?.message).toMatch(/refused the API key \(HTTP 401\)/);
			expect(JSON.stringify(error())).not.toContain('wrong-key-0123456789');
			expect(server.calls('companies')).toHaveLength(0);
		});
	});

	it('says the key is wrong on 401 also when the key had been verified before (the key was rotated)', async () => {
		await withGravityZone(async (server) => {
			const credentialsHelper = new TestCredentialsHelper();
			credentialsHelper.setCredentials('gravityZoneApi', {
				accessUrl: `${server.url}/api`,
				apiKey: 'rotated-key-abcdef',
				apiKeyVerified: '2026-01-01T00:00:00.000Z',
			});
			const { error } = await runCreate(server, { type: 1, name: 'Acme' }, { credentialsHelper });
			expect(error()?.name).toBe('NodeApiError');
			expect(error()?.message).toMatch(/refused the API key \(HTTP 401\)/);
			expect(JSON.stringify(error())).not.toContain('rotated-key-abcdef');
		});
	});

	it('says the key lacks the Companies API on 403', async () => {
		await withGravityZone(async (server) => {
			const { error } = await runCreate(server, { type: 1, name: 'Acme' }, { apiKey: GZ_NO_COMPANIES_KEY });
			expect(error()?.message).toBe('The API key may not use the Companies API (HTTP 403)');
			expect((error() as { description?: string }).description).toMatch(/enable the Companies API/);
			expect(JSON.stringify(error())).not.toContain(GZ_NO_COMPANIES_KEY);
		});
	});

	it('explains rate limiting, server errors and an unreachable Access URL', async () => {
		await withGravityZone(async (server) => {
			// 429s are waited out (each for its Retry-After) while Request Options > Rate Limit Wait lasts: the
			// first (1 s of 1.5 s) is, the second would end after it, so it surfaces.
			for (let n = 0; n < 2; n++) server.scriptNext(isRpc('createCompany'), { status: 429, headers: { 'retry-after': '1' } });
			const limited = await runCreate(server, { type: 1, name: 'A', requestOptions: { rateLimitWaitMs: 1500 } });
			expect(limited.error()?.message).toBe('GravityZone rate limit reached (HTTP 429)');
			expect(server.rpcCalls('createCompany')).toHaveLength(2);
			server.scriptNext(isRpc('createCompany'), { status: 502 });
			const serverError = (await runCreate(server, { type: 1, name: 'B', options: { ifExists: 'createAnyway' } })).error() as { description?: string };
			expect(serverError.description).toMatch(/server error.*The create may have gone through: look for the company/s);
		});
		const closed = await withGravityZone(async (server) => server);
		const { error } = await runCreate(closed, { type: 1, name: 'C' });
		expect(error()?.message).toBe('Could not reach GravityZone: the connection was refused. Check the Access URL');
	});
});

describe('GravityZone Create: rate limits and transport security', () => {
	it('waits for Retry-After on HTTP 429 and sends again, creating exactly one company', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('createCompany'), { status: 429, headers: { 'retry-after': '1' } });
			server.scriptNext(isRpc('createCompany'), { status: 429, headers: { 'retry-after': '1' } });
			const started = Date.now();
			const { output } = await runCreate(server, { type: 1, name: 'Patient Co' });
			expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
			expect(output('Node')[0].json).toMatchObject({ name: 'Patient Co', outcome: 'created' });
			expect(server.rpcCalls('createCompany')).toHaveLength(3);
			expect(server.created).toHaveLength(1);
		});
	});

	it('refuses an Access URL that is not https (unless loopback), sending nothing', async () => {
		await withGravityZone(async (server) => {
			const { error } = await runWorkflow(singleNodeWorkflow('gravityZone', { resource: 'company', operation: 'create', type: 1, name: 'Plain Co' }), {
				credentials: { gravityZoneApi: { accessUrl: 'http://cloud.gravityzone.example/api', apiKey: GZ_PARTNER_KEY } },
			});
			expect(error()?.message).toMatch(/Access URL must start with https:\/\/ \(plain http only for localhost\), got "http:\/\/cloud\.gravityzone\.example"/);
			expect(JSON.stringify(error())).not.toContain(GZ_PARTNER_KEY);
			expect(server.requests).toHaveLength(0);
		});
	});
});

describe('GravityZone Create: items', () => {
	it('with Continue On Fail, turns each failure into an error item paired with its input, and goes on', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('createCompany', 'Refused Co'), rpcError('x', -32000, 'Server error', 'Refused for this test'));
			const { output } = await runCreate(
				server,
				{ type: 1, name: '={{ $json.name }}' },
				{
					continueOnFail: true,
					items: [{ name: 'First Co' }, { name: 'x'.repeat(70) }, { name: 'Refused Co' }, { name: 'Fourth Co' }],
				},
			);
			const items = output('Node');
			expect(items.map((item) => item.pairedItem)).toStrictEqual([0, 1, 2, 3].map((item) => ({ item })));
			expect(items[0].json).toStrictEqual({ id: server.created[0].id, name: 'First Co', type: 1, outcome: 'created' });
			expect(items[1].json.error).toMatch(/^In item 1 \(the 2nd\): "name" \(Name\) must be at most 64 characters/);
			expect(items[2].json.error).toBe('GravityZone createCompany failed: Server error - Refused for this test');
			expect(items[3].json).toStrictEqual({ id: server.created[1].id, name: 'Fourth Co', type: 1, outcome: 'created' });
			expect(server.rpcCalls('createCompany')).toHaveLength(3);
		});
	});

	it('with "Continue (using error output)", sends each failed item to the error output', async () => {
		await withGravityZone(async (server) => {
			const workflow = singleNodeWorkflow('gravityZone', { resource: 'company', operation: 'create', type: 1, name: '={{ $json.name }}' });
			workflow.nodes[1].onError = 'continueErrorOutput';
			const { run } = await runWorkflow(workflow, {
				items: [{ name: 'Good Co' }, { name: 'x'.repeat(70) }],
				credentials: { gravityZoneApi: { accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY } },
			});
			const [success, failed] = run.data.resultData.runData.Node[0].data!.main;
			const created = { id: server.created[0].id, name: 'Good Co', type: 1, outcome: 'created' };
			const error = 'In item 1 (the 2nd): "name" (Name) must be at most 64 characters (it has 70)';
			const details = { description: 'Nothing was sent for this item. Fix the field in the node or in the data the expression reads.' };
			if (!errorOutputTakesDetails()) {
				// n8n 1.x keeps the error item on the regular output (README: Compatibility).
				expect(success!.map((item) => [item.pairedItem, item.json])).toStrictEqual([[{ item: 0 }, created], [{ item: 1 }, { error, details }]]);
				expect(failed ?? []).toStrictEqual([]);
				return;
			}
			expect(success!.map((item) => item.json)).toStrictEqual([created]);
			// As n8n shapes error-output items: the input item's fields, then the error.
			expect(failed!.map((item) => [item.pairedItem, item.json])).toStrictEqual([[{ item: 1 }, { name: 'x'.repeat(70), error, details }]]);
		});
	});

	it('without Continue On Fail, stops at the first failing item', async () => {
		await withGravityZone(async (server) => {
			const { error } = await runCreate(
				server,
				{ type: 1, name: '={{ $json.name }}', requestOptions: { concurrency: 1 } },
				{ items: [{ name: 'Ok Co' }, { name: '' }, { name: 'Never Sent' }] },
			);
			expect(error()?.message).toBe('In item 1 (the 2nd): "name" (Name) is required');
			expect(server.created.map((company) => company.params.name)).toStrictEqual(['Ok Co']);
		});
	});

	it('verifies the key once for all the items in flight, and reads the credential once per run', async () => {
		await withGravityZone(async (server) => {
			const credentialsHelper = new TestCredentialsHelper();
			credentialsHelper.setCredentials('gravityZoneApi', { accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY });
			const items = Array.from({ length: 24 }, (_, n) => ({ n }));
			const parameters = { type: 1, name: '={{ "Co " + $json.n }}', requestOptions: { concurrency: 8, requestsPerSecond: 0 } };
			const { output } = await runCreate(server, parameters, { items, credentialsHelper });
			expect(output('Node')).toHaveLength(24);
			expect(server.calls('general')).toHaveLength(1);
			expect(server.rpcCalls('createCompany')).toHaveLength(24);
			expect(credentialsHelper.decryptions.gravityZoneApi).toBe(1);
		});
	});

	it('checks a refused key once per run, not once per item', async () => {
		await withGravityZone(async (server) => {
			const items = Array.from({ length: 12 }, (_, n) => ({ n }));
			const parameters = { type: 1, name: '={{ "Co " + $json.n }}', requestOptions: { concurrency: 4, requestsPerSecond: 0 } };
			const { output } = await runCreate(server, parameters, { items, apiKey: 'wrong-key-0123456789', continueOnFail: true });
			const messages = output('Node').map((item) => item.json.error);
			expect(messages).toHaveLength(12);
			for (const message of messages) expect(message).toMatch(/refused the API key \(HTTP 401\)/);
			expect(server.calls('general')).toHaveLength(1);
			expect(server.calls('companies')).toHaveLength(0);
		});
	});

	it('verifies the key once per credential, not once per item', async () => {
		await withGravityZone(async (server) => {
			const credentialsHelper = new TestCredentialsHelper();
			credentialsHelper.setCredentials('gravityZoneApi', { accessUrl: `${server.url}/api/`, apiKey: GZ_PARTNER_KEY });
			const items = Array.from({ length: 5 }, (_, n) => ({ n }));
			await runCreate(server, { type: 1, name: '={{ "Co " + $json.n }}' }, { items, credentialsHelper });
			await runCreate(server, { type: 1, name: '={{ "Next " + $json.n }}' }, { items, credentialsHelper });
			expect(server.calls('general')).toHaveLength(1);
			expect(server.rpcCalls('createCompany')).toHaveLength(10);
		});
	});
});
