import { minimal, runCreateCustomer, withEset } from './esetMsp/fixtures';
import { runCreate, withGravityZone } from './gravityZone/fixtures';
import { isRpc } from './sandbox/gravityZone';

const isEsetCreate = (request: { path: string }) => request.path === '/api/Company/Create/customer';

describe('a create whose answer was lost is looked up, never repeated blindly', () => {
	it('GravityZone: committed then dropped -> the lookup finds it: one company, outcome existing', async () => {
		await withGravityZone(async (server) => {
			server.setFaults({ dropAfterCommitRate: 1 });
			const { output } = await runCreate(server, { type: 1, name: 'Lost Answer Co' });
			expect(output('Node')[0].json).toMatchObject({ id: server.created[0].id, outcome: 'existing' });
			expect(server.rpcCalls('createCompany')).toHaveLength(1);
			expect(server.created).toHaveLength(1);
		});
	});

	it('GravityZone: a 5xx before committing -> the lookup finds nothing, the create is sent again', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('createCompany'), { status: 503 });
			const { output } = await runCreate(server, { type: 1, name: 'Second Try Co' });
			expect(output('Node')[0].json).toMatchObject({ outcome: 'created' });
			expect(server.rpcCalls('createCompany')).toHaveLength(2);
			expect(server.rpcCalls('findCompaniesByName')).toHaveLength(2);
			expect(server.created).toHaveLength(1);
		});
	});

	it('GravityZone: the last try\'s answer lost after it committed -> found by a look-up, not reported as failed', async () => {
		await withGravityZone(async (server) => {
			// Three 5xx before committing, then a create that commits and loses its answer.
			for (let n = 0; n < 3; n++) server.scriptNext(isRpc('createCompany'), { status: 503 });
			server.setFaults({ dropAfterCommitRate: 1 });
			const { output } = await runCreate(server, { type: 1, name: 'Last Try Co' });
			expect(output('Node')[0].json).toStrictEqual({ id: server.created[0].id, name: 'Last Try Co', type: 1, outcome: 'existing' });
			expect(server.rpcCalls('createCompany')).toHaveLength(4);
			expect(server.created).toHaveLength(1);
		});
	});

	it('GravityZone: with Create Anyway a lost answer stops the item, saying the company may exist', async () => {
		await withGravityZone(async (server) => {
			server.setFaults({ dropAfterCommitRate: 1 });
			const { error } = await runCreate(server, { type: 1, name: 'Unsure Co', options: { ifExists: 'createAnyway' } });
			expect((error() as { description?: string }).description).toMatch(/The create may have gone through/);
			expect(server.rpcCalls('createCompany')).toHaveLength(1);
			expect(server.created).toHaveLength(1);
		});
	});

	it('GravityZone: reads are sent again after a 5xx', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('findCompaniesByName'), { status: 502 });
			server.scriptNext(isRpc('findCompaniesByName'), { status: 503 });
			const { output } = await runCreate(server, { type: 1, name: 'Read Retry Co' });
			expect(output('Node')[0].json.outcome).toBe('created');
			expect(server.rpcCalls('findCompaniesByName')).toHaveLength(3);
		});
	});

	it('ESET: committed then dropped -> found by Custom Identifier: one customer, outcome existing', async () => {
		await withEset(async (server) => {
			server.setFaults({ dropAfterCommitRate: 1 });
			const { output } = await runCreateCustomer(server, { ...minimal, additionalFields: { customIdentifier: 'PSA-LOST' } });
			expect(output('Node')[0].json).toMatchObject({ companyId: server.created[0].companyId, outcome: 'existing' });
			expect(server.requests.filter(isEsetCreate)).toHaveLength(1);
			expect(server.created).toHaveLength(1);
		});
	});

	it('ESET: a server error on a read is retried', async () => {
		await withEset(async (server) => {
			server.scriptNext((request) => request.path === '/api/Search/Companies', { status: 500 });
			const { output } = await runCreateCustomer(server, minimal);
			expect(output('Node')[0].json.outcome).toBe('created');
			expect(server.calls('/api/Search/Companies')).toHaveLength(2);
		});
	});
});
