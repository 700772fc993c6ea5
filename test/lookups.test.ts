import { minimal, runCreateCustomer, withEset } from './esetMsp/fixtures';
import { runCreate, withGravityZone } from './gravityZone/fixtures';
import { itLeaksNoSecret } from './harness/secretScan';
import { SEARCH_SHAPES } from './sandbox/eset';
import { isRpc, rpcError } from './sandbox/gravityZone';
import type { LoopbackServer, RecordedRequest } from './sandbox/loopbackServer';

const isSearch = (request: { path: string }) => request.path === '/api/Search/Companies';
const isDetail = (request: { path: string }) => request.path === '/api/Company/Detail';

/** Resolves once the server has received a request that matches. */
async function received(server: LoopbackServer, match: (request: RecordedRequest) => boolean) {
	while (!server.requests.some(match)) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('ESET look-ups read every answer shape the reference lists', () => {
	it.each(SEARCH_SHAPES)('Search/Companies answered as "%s": find-or-create finds by Custom Identifier and by name', async (searchShape) => {
		await withEset(
			async (server) => {
				const byIdentifier = { ...minimal, name: 'Acme Dental', additionalFields: { customIdentifier: 'PSA-7' } };
				const byName = { name: 'Bravo Legal', address: { city: 'Brno' } };
				for (const parameters of [byIdentifier, byName]) expect((await runCreateCustomer(server, parameters)).output('Node')[0].json.outcome).toBe('created');
				const again = [await runCreateCustomer(server, { ...byIdentifier, name: 'Renamed In The PSA' }), await runCreateCustomer(server, byName)];
				expect(again.map((run) => run.output('Node')[0].json)).toStrictEqual([
					{ companyId: server.created[0].companyId, name: 'Acme Dental', customIdentifier: 'PSA-7', outcome: 'existing' },
					{ companyId: server.created[1].companyId, name: 'Bravo Legal', outcome: 'existing' },
				]);
				expect(server.created).toHaveLength(2);
			},
			{ searchShape },
		);
	});

	it('confirms a search hit that does not carry the Custom Identifier with Company/Detail: a longer identifier is not the same customer', async () => {
		await withEset(async (server) => {
			await runCreateCustomer(server, { name: 'Other Co', address: { city: 'Brno' }, additionalFields: { customIdentifier: 'PSA-10' } });
			server.requests.length = 0;
			const { output } = await runCreateCustomer(server, { ...minimal, additionalFields: { customIdentifier: 'PSA-1' } });
			expect(output('Node')[0].json.outcome).toBe('created');
			expect(server.requests.filter(isDetail).map((request) => request.body)).toStrictEqual([{ companyId: server.created[0].companyId }]);
			expect(server.created).toHaveLength(2);
		});
	});

	it('stops the item on an answer it cannot read, naming the call and the shape: nothing is created', async () => {
		await withEset(async (server) => {
			server.scriptNext(isSearch, { status: 200, body: { results: [{ companyId: 'x' }], count: 1 } });
			const { output } = await runCreateCustomer(server, minimal, { continueOnFail: true });
			expect(output('Node')[0].json.error).toBe(
				'ESET answered Search/Companies with an object with the keys "results", "count", which this node cannot read as a list',
			);
			expect(server.created).toHaveLength(0);
		});
	});

	it('stops the item when User/Current does not say the user\'s company (the parent a look-up by name compares with)', async () => {
		await withEset(async (server) => {
			server.scriptNext((request) => request.path === '/api/User/Current', { status: 200, body: { email: 'api-user@msp.example' } });
			const { error } = await runCreateCustomer(server, minimal);
			expect(error()?.message).toBe('ESET answered User/Current with an object with the keys "email", which holds no company ID of the user');
			expect(server.created).toHaveLength(0);
		});
	});

	it('stops the item when the Detail that would confirm a hit is not a company', async () => {
		await withEset(async (server) => {
			await runCreateCustomer(server, { ...minimal, additionalFields: { customIdentifier: 'PSA-5' } });
			server.scriptNext(isDetail, { status: 200, body: ['not', 'a', 'company'] });
			const { error } = await runCreateCustomer(server, { ...minimal, additionalFields: { customIdentifier: 'PSA-5' } });
			expect(error()?.message).toBe('ESET answered Company/Detail with a list of string values, which this node cannot read as a company');
			expect(server.created).toHaveLength(1);
		});
	});
});

describe('GravityZone look-ups', () => {
	it('stop the item on a findCompaniesByName answer that is not a list of companies: nothing is created', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('findCompaniesByName'), { status: 200, body: { id: '1', jsonrpc: '2.0', result: { items: [] } } });
			const { error } = await runCreate(server, { type: 1, name: 'Acme' });
			expect(error()?.message).toBe('GravityZone answered findCompaniesByName with an object with the keys "items", which this node cannot read as a list of companies');
			expect(server.rpcCalls('createCompany')).toHaveLength(0);
		});
	});
});

describe('a refused create is looked up again (the vendor\'s uniqueness is the lock all processes share)', () => {
	it('GravityZone: a company that shows up a moment after the refusal is returned as existing', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('createCompany'), rpcError('1', -32000, 'Server error', 'A company with the same name already exists'));
			const run = runCreate(server, { type: 1, name: 'Acme Late' });
			// Another process's create, visible only 600 ms after ours was refused.
			await received(server, isRpc('createCompany'));
			await new Promise((resolve) => setTimeout(resolve, 600));
			server.companies.push({ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', params: { type: 1, name: 'Acme Late' }, parentId: '5f0c8e1b2a3d4c5e6f708192', isSuspended: false, createdAt: '' });
			const { output } = await run;
			expect(output('Node')[0].json).toStrictEqual({ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: 'Acme Late', type: 1, outcome: 'existing' });
			expect(server.rpcCalls('findCompaniesByName').length).toBeGreaterThanOrEqual(3);
		});
	});

	it('GravityZone: a refusal whose look-ups find nothing keeps its own error', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('createCompany'), rpcError('1', -32602, 'Invalid params', 'Invalid parameter "licenseSubscription"'));
			const { error } = await runCreate(server, { type: 1, name: 'Acme Refused' });
			expect(error()?.message).toBe('GravityZone createCompany failed: Invalid params - Invalid parameter "licenseSubscription"');
			// The look-up before the create, and four after the refusal over two seconds.
			expect(server.rpcCalls('findCompaniesByName')).toHaveLength(5);
			expect(server.created).toHaveLength(0);
		});
	});

	it('ESET: a refusal whose look-ups find nothing keeps its own error; Create Anyway does not look', async () => {
		await withEset(async (server) => {
			server.scriptNext((request) => request.path === '/api/Company/Create/customer', { status: 400, body: { name: ['The name is not allowed.'] } });
			const { error } = await runCreateCustomer(server, minimal);
			expect(error()?.message).toBe('ESET rejected the request: name: The name is not allowed.');
			expect(server.requests.filter(isSearch)).toHaveLength(5);
			server.requests.length = 0;
			server.scriptNext((request) => request.path === '/api/Company/Create/customer', { status: 400, body: { name: ['The name is not allowed.'] } });
			expect((await runCreateCustomer(server, { ...minimal, options: { ifExists: 'createAnyway' } })).error()?.message).toBe('ESET rejected the request: name: The name is not allowed.');
			expect(server.requests.filter(isSearch)).toHaveLength(0);
		});
	});
});

itLeaksNoSecret();
