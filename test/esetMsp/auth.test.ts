import { ESET_LOGIN_REFUSED } from '../../credentials/EsetMspApi.credentials';
import { testCredential } from '../harness/credentialTest';
import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { ESET_PASSWORD, ESET_USER, type EsetServer } from '../sandbox/eset';
import { minimal, runCreateCustomer, withEset } from './fixtures';
import { runWorkflow } from '../harness/runWorkflow';
import { singleNodeWorkflow } from '../harness/workflows';

const manyItems = (count: number) => Array.from({ length: count }, (_, n) => ({ name: `Customer ${n}` }));
// "Create Anyway": one request per item, so that every token expiry lands on a create.
// One item at a time: the login counts below follow n8n's token mechanism item by item.
const perItemName = {
	name: '={{ $json.name }}',
	address: { city: 'Bratislava' },
	options: { ifExists: 'createAnyway' },
	requestOptions: { concurrency: 1 },
};
const isCreate = (request: { path: string }) => request.path === '/api/Company/Create/customer';

function assertNoSecrets(server: EsetServer, text: string) {
	expect(text).not.toContain(ESET_PASSWORD);
	for (const token of server.issuedTokens) expect(text).not.toContain(token);
}

describe('ESET token flow', () => {
	it('logs in once for many items', async () => {
		await withEset(async (server) => {
			const { output } = await runCreateCustomer(server, perItemName, { items: manyItems(40) });
			expect(output('Node')).toHaveLength(40);
			expect(server.logins).toBe(1);
			expect(server.created).toHaveLength(40);
		});
	});

	it('logs in once for all the items in flight, and reads the credential once per run', async () => {
		await withEset(async (server) => {
			const credentialsHelper = new TestCredentialsHelper();
			credentialsHelper.setCredentials('esetMspApi', { baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD });
			const parameters = { ...perItemName, requestOptions: { concurrency: 8 } };
			const { output } = await runCreateCustomer(server, parameters, { items: manyItems(40), credentialsHelper });
			expect(output('Node').every((item) => typeof item.json.companyId === 'string')).toBe(true);
			expect(server.logins).toBe(1);
			expect(server.requests.filter(isCreate)).toHaveLength(40);
			// n8n's own request helper would look the credential up and decrypt it for every request.
			expect(credentialsHelper.decryptions.esetMspApi).toBe(1);
		});
	});

	it('lets the items that wait for a login go as soon as the token is there', async () => {
		await withEset(async (server) => {
			server.latencyMs = 50;
			const { output } = await runCreateCustomer(server, { ...perItemName, requestOptions: { concurrency: 4 } }, { items: manyItems(4) });
			expect(output('Node').every((item) => typeof item.json.companyId === 'string')).toBe(true);
			expect(server.logins).toBe(1);
			// The three waiting creates went out with the new token while the first one's was still in flight.
			expect(server.peakInFlight).toBe(4);
		});
	});

	it('logs in once when the stored token has expired, and sends each refused item again once', async () => {
		await withEset(async (server) => {
			const credentialsHelper = new TestCredentialsHelper();
			credentialsHelper.setCredentials('esetMspApi', {
				baseUrl: server.url,
				username: ESET_USER,
				password: ESET_PASSWORD,
				accessToken: 'a-token-from-yesterday',
			});
			const parameters = { ...perItemName, requestOptions: { concurrency: 8 } };
			const { output } = await runCreateCustomer(server, parameters, { items: manyItems(40), credentialsHelper });
			expect(output('Node').every((item) => typeof item.json.companyId === 'string')).toBe(true);
			expect(server.logins).toBe(1);
			expect(server.created).toHaveLength(40);
			// The 8 items in flight were refused with the old token (HTTP 401) and sent again with the new one.
			expect(server.requests.filter(isCreate)).toHaveLength(48);
			expect(credentialsHelper.stored('esetMspApi')?.accessToken).toBe(server.issuedTokens[0]);
		});
	});

	it('tries a refused password once per run, not once per item (no account lock-out)', async () => {
		await withEset(async (server) => {
			const { output } = await runCreateCustomer(
				server,
				{ ...perItemName, requestOptions: { concurrency: 4 } },
				{ items: manyItems(20), password: 'Wrong-Pa55word', continueOnFail: true },
			);
			const items = output('Node');
			expect(items).toHaveLength(20);
			for (const item of items) expect(item.json.error).toBe(`${ESET_LOGIN_REFUSED} (HTTP 401)`);
			expect(items.map((item) => item.pairedItem)).toStrictEqual(items.map((_, index) => ({ item: index })));
			expect(server.logins).toBe(1);
			expect(server.requests.filter(isCreate)).toHaveLength(0);
		});
	});

	it('survives tokens that expire every 2 s during a longer batch: every item succeeds, logins stay bounded', async () => {
		await withEset(
			async (server) => {
				// 90 items, a look-up and a create each, 4 at a time, 100 ms per request: at least 4.5 s,
				// so tokens expire during the batch however fast the machine is.
				server.latencyMs = 100;
				const started = Date.now();
				const { output } = await runCreateCustomer(server, perItemName, { items: manyItems(90) });
				const seconds = (Date.now() - started) / 1000;
				const items = output('Node');
				expect(items.every((item) => typeof item.json.companyId === 'string')).toBe(true);
				expect(server.created).toHaveLength(90);
				// One login per token lifetime (plus the first), never one per item.
				expect(server.logins).toBeGreaterThanOrEqual(3);
				expect(server.logins).toBeLessThanOrEqual(Math.ceil(seconds / 2) + 2);
				// Each expired request was repeated once with the new token, none lost or doubled.
				const creates = server.requests.filter(isCreate);
				expect(creates.length).toBe(90 + server.logins - 1);
			},
			{ tokenLifetimeMs: 2000 },
		);
	}, 60_000);

	it('accepts the token as AccessToken too', async () => {
		await withEset(
			async (server) => {
				const { output } = await runCreateCustomer(server, minimal);
				expect(output('Node')[0].json.companyId).toBe(server.created[0].companyId);
				expect(server.calls('/api/Company/Create/customer')[0].headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
			},
			{ tokenKey: 'AccessToken' },
		);
	});

	it('reuses the stored token across runs, as n8n persists it in the credential', async () => {
		await withEset(async (server) => {
			const credentialsHelper = new TestCredentialsHelper();
			credentialsHelper.setCredentials('esetMspApi', { baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD });
			await runCreateCustomer(server, { ...minimal, name: 'First' }, { credentialsHelper });
			await runCreateCustomer(server, { ...minimal, name: 'Second' }, { credentialsHelper });
			expect(server.logins).toBe(1);
		});
	});

	it('says what a refused login means, without the password', async () => {
		await withEset(async (server) => {
			const { error } = await runCreateCustomer(server, minimal, { password: 'Wrong-Pa55word' });
			expect(error()?.name).toBe('NodeApiError');
			expect(error()?.message).toBe(`${ESET_LOGIN_REFUSED} (HTTP 401)`);
			expect(JSON.stringify(error())).not.toContain('Wrong-Pa55word');
			expect(server.requests.filter(isCreate)).toHaveLength(0);
		});
	});

	it('says the credentials or API access are wrong when a request is still 401 after a fresh login', async () => {
		await withEset(async (server) => {
			server.scriptNext(isCreate, { status: 401 });
			server.scriptNext(isCreate, { status: 401 });
			const { error } = await runCreateCustomer(server, minimal);
			expect(error()?.message).toBe('ESET refused the access token even after a fresh login (HTTP 401)');
			expect((error() as { description?: string }).description).toMatch(/API access is enabled/);
			expect(server.logins).toBe(2);
			assertNoSecrets(server, JSON.stringify(error()));
		});
	});
});

describe('ESET rate limits and transport security', () => {
	it('waits for Retry-After on HTTP 429 and sends the create again: one customer', async () => {
		await withEset(async (server) => {
			server.scriptNext(isCreate, { status: 429, headers: { 'retry-after': '0' } });
			const { output } = await runCreateCustomer(server, minimal);
			expect(output('Node')[0].json.outcome).toBe('created');
			expect(server.requests.filter(isCreate)).toHaveLength(2);
			expect(server.created).toHaveLength(1);
		});
	});

	it('never sends the password to a Base URL that is not https (unless loopback)', async () => {
		await withEset(async (server) => {
			const { error } = await runWorkflow(singleNodeWorkflow('esetMsp', { resource: 'company', operation: 'createCustomer', ...minimal }), {
				credentials: { esetMspApi: { baseUrl: 'http://mspapi.eset.example', username: ESET_USER, password: ESET_PASSWORD } },
			});
			expect(error()?.message).toMatch(/Base URL must start with https:\/\/ \(plain http only for localhost\)/);
			expect(JSON.stringify(error())).not.toContain(ESET_PASSWORD);
			expect(server.requests).toHaveLength(0);
		});
	});
});

describe('ESET API errors', () => {
	const cases: Array<[string, { status: number; body?: unknown }, RegExp, RegExp]> = [
		[
			'400 with an ASP.NET field map',
			{ status: 400, body: { errors: { Name: ['The Name field is required.'], 'Address.City': ['Too long.'] }, title: 'One or more validation errors occurred.' } },
			/^ESET rejected the request: Name: The Name field is required\.; Address\.City: Too long\.$/,
			/Fix the fields/,
		],
		['403 without permission', { status: 403, body: { code: 20, subCode: 3 } }, /may not do this \(HTTP 403\)/, /Write permission.*ESET error code 20\/3/],
		['403 code 99/1: endpoint not found', { status: 403, body: { code: 99, subCode: 1 } }, /did not find \/api\/Company\/Create\/customer \(HTTP 403, code 99\/1\)/, /Base URL/],
		['503 code 99/2: maintenance', { status: 503, body: { code: 99, subCode: 2 } }, /in maintenance \(HTTP 503, code 99\/2\)/, /Try again later/],
		['500', { status: 500 }, /failed \(HTTP 500\)/, /unauthorized|permissions/],
	];

	it.each(cases)('%s', async (_what, response, message, description) => {
		await withEset(async (server) => {
			server.scriptNext(isCreate, response);
			// Create Anyway: no lookup, so a 5xx is not retried and surfaces as it is.
			const { error } = await runCreateCustomer(server, { ...minimal, options: { ifExists: 'createAnyway' } });
			expect(error()?.name).toBe('NodeApiError');
			expect(error()?.message).toMatch(message);
			expect((error() as { description?: string }).description).toMatch(description);
			const body = response.body as { code?: number; subCode?: number } | undefined;
			if (response.status >= 500) expect((error() as { description?: string }).description).toMatch(/The create may have gone through/);
			if (body?.code !== undefined) {
				expect(error()?.context).toMatchObject({ code: body.code, subCode: body.subCode });
			}
			assertNoSecrets(server, JSON.stringify(error()));
		});
	});
});

describe('ESET credential test', () => {
	it('proves the login works with GET /api/User/Current', async () => {
		await withEset(async (server) => {
			const result = await testCredential('esetMspApi', { baseUrl: `${server.url}/`, username: ESET_USER, password: ESET_PASSWORD });
			expect(result).toStrictEqual({ status: 'OK', message: 'Connection successful!' });
			expect(server.calls('/api/User/Current')).toHaveLength(1);
			expect(server.calls('/api/User/Current')[0].headers.authorization).toBe(`Bearer ${server.issuedTokens.at(-1)}`);
		});
	});

	it('fails a refused login with what it can mean', async () => {
		await withEset(async (server) => {
			const result = await testCredential('esetMspApi', { baseUrl: server.url, username: ESET_USER, password: 'nope-nope' });
			expect(result.status).toBe('Error');
			expect(result.message).toContain('wrong e-mail or password, or the user is not API-enabled');
			expect(result.message).not.toContain('nope-nope');
		});
	});
});
