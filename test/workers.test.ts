import type { INodeParameters } from 'n8n-workflow';

import { type RunResult, runWorkflow } from './harness/runWorkflow';
import { itLeaksNoSecret } from './harness/secretScan';
import { singleNodeWorkflow } from './harness/workflows';
import { runPool, startWorkers, type Worker } from './harness/workers';
import { ESET_PASSWORD, ESET_USER, EsetServer } from './sandbox/eset';
import { GZ_PARTNER_KEY, GravityZoneServer } from './sandbox/gravityZone';
import { withServer } from './sandbox/loopbackServer';

/**
 * Two copies of the nodes' modules (own pacer, lock and login each) against one sandbox stand for
 * two n8n processes, such as queue-mode workers: what holds across them rests on the vendors alone.
 */
const gzRun = (worker: Worker, server: GravityZoneServer, parameters: INodeParameters, items: object[]) => {
	worker.credentialsHelper.setCredentials('gravityZoneApi', { ...worker.credentialsHelper.stored('gravityZoneApi'), accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY });
	return runWorkflow(singleNodeWorkflow('gravityZone', { resource: 'company', operation: 'create', ...parameters }, { continueOnFail: true }), {
		items: items as never,
		nodeTypes: worker.nodeTypes,
		credentialsHelper: worker.credentialsHelper,
	});
};

const esetRun = (worker: Worker, server: EsetServer, parameters: INodeParameters, items: object[]) => {
	worker.credentialsHelper.setCredentials('esetMspApi', { ...worker.credentialsHelper.stored('esetMspApi'), baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD });
	return runWorkflow(singleNodeWorkflow('esetMsp', { resource: 'company', operation: 'createCustomer', ...parameters }, { continueOnFail: true }), {
		items: items as never,
		nodeTypes: worker.nodeTypes,
		credentialsHelper: worker.credentialsHelper,
	});
};

const NAMES = ['Twin Dental', 'Twin Legal', 'Twin Bakery'];

/** No item failed, and each name was created once: one item "created", the other "existing", with the same ID. */
function expectOnePerName(runs: RunResult[], createdNames: unknown[], idKey: 'id' | 'companyId') {
	const items = runs.flatMap((run) => run.output('Node').map((item) => item.json));
	expect(items.filter((item) => item.error !== undefined)).toStrictEqual([]);
	expect([...createdNames].sort()).toStrictEqual([...NAMES].sort());
	for (const name of NAMES) {
		const both = items.filter((item) => item.name === name);
		expect(both.map((item) => item.outcome).sort()).toStrictEqual(['created', 'existing']);
		expect(both[0][idKey]).toBe(both[1][idKey]);
	}
}

describe('two n8n processes, one vendor: duplicates', () => {
	it('GravityZone: the same names sent through both at once end as one company each, every item a success', async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			server.holdLookups(2);
			const workers = await startWorkers(2);
			const runs = await Promise.all(workers.map((worker) => gzRun(worker, server, { type: 1, name: '={{ $json.name }}' }, NAMES.map((name) => ({ name })))));
			expectOnePerName(runs, server.created.map((company) => company.params.name), 'id');
			// The race was real: both looked up before either created, and GravityZone refused the second creates.
			expect(server.rpcCalls('createCompany')).toHaveLength(NAMES.length * 2);
		});
	});

	it('GravityZone, If It Already Exists: Fail: the process whose create was refused fails naming the company', async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			server.holdLookups(2);
			const workers = await startWorkers(2);
			const parameters = { type: 1, name: 'Twin Dental', options: { ifExists: 'fail' } };
			const items = (await Promise.all(workers.map((worker) => gzRun(worker, server, parameters, [{}])))).map((run) => run.output('Node')[0].json);
			const [company] = server.created;
			expect(server.created).toHaveLength(1);
			expect(items.filter((item) => item.outcome === 'created')).toStrictEqual([{ id: company.id, name: 'Twin Dental', type: 1, outcome: 'created' }]);
			expect(items.filter((item) => item.error !== undefined).map((item) => item.error)).toStrictEqual([
				`In item 0 (the 1st): a company named "Twin Dental" exists already (id ${company.id})`,
			]);
		});
	});

	it('ESET: the same names sent through both at once end as one customer each, every item a success', async () => {
		await withServer(new EsetServer(), async (server) => {
			server.holdLookups(2);
			const workers = await startWorkers(2);
			const parameters = { name: '={{ $json.name }}', address: { city: 'Brno' } };
			const runs = await Promise.all(workers.map((worker) => esetRun(worker, server, parameters, NAMES.map((name) => ({ name })))));
			expectOnePerName(runs, server.created.map((company) => company.body.name), 'companyId');
			// ESET refused the second create of each name (HTTP 400): the look-up after it found the first.
			expect(server.calls('/api/Company/Create/customer').filter((call) => call.outcome === 400)).toHaveLength(NAMES.length);
		});
	});

	it('ESET Custom Identifier: holds across processes only as far as the name does (ESET keeps names unique, not identifiers)', async () => {
		await withServer(new EsetServer(), async (server) => {
			server.holdLookups(2);
			const workers = await startWorkers(2);
			const sameName = await Promise.all(
				workers.map((worker) => esetRun(worker, server, { name: 'Acme Dental', address: { city: 'Brno' }, additionalFields: { customIdentifier: 'PSA-1' } }, [{}])),
			);
			expect(sameName.map((run) => run.output('Node')[0].json.outcome).sort()).toStrictEqual(['created', 'existing']);
			expect(server.created).toHaveLength(1);
			// The PSA renamed the customer between the two webhooks: nothing in ESET stops a second one.
			const renamed = await Promise.all(
				workers.map((worker, n) =>
					esetRun(worker, server, { name: `Acme ${n ? 'Dental Group' : 'Dental Ltd'}`, address: { city: 'Brno' }, additionalFields: { customIdentifier: 'PSA-2' } }, [{}]),
				),
			);
			expect(renamed.map((run) => run.output('Node')[0].json.outcome)).toStrictEqual(['created', 'created']);
			expect(server.created.filter((company) => company.body.customIdentifier === 'PSA-2')).toHaveLength(2);
		});
	});
});

describe('two n8n processes, one API key or user: rate limits and logins', () => {
	it('GravityZone: both share the key\'s 10 requests/s: no item fails, <= 20 requests in any second, <= 10% answered 429', async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			server.setFaults({ latencyMs: 50 });
			const workers = await startWorkers(2);
			const items = (worker: number, run: number) => Array.from({ length: 20 }, (_, n) => ({ name: `Shared Key ${worker}-${run}-${n}` }));
			const parameters = { type: 1, name: '={{ $json.name }}', requestOptions: { concurrency: 8 } };
			const runs = await Promise.all(workers.flatMap((worker, w) => [0, 1].map((r) => gzRun(worker, server, parameters, items(w, r)))));
			const outputs = runs.flatMap((run) => run.output('Node').map((item) => item.json));
			expect(outputs).toHaveLength(80);
			expect(outputs.filter((item) => item.error !== undefined)).toStrictEqual([]);
			expect(server.created).toHaveLength(80);
			const sent = server.requests.map((request) => request.receivedAt!).sort((a, b) => a - b);
			const busiestSecond = Math.max(...sent.map((start, n) => sent.slice(n).filter((at) => at < start + 1000).length));
			const refused = server.requests.filter((request) => request.outcome === 429).length;
			process.stdout.write(`shared key: ${sent.length} requests, busiest second ${busiestSecond}, ${refused} answered 429\n`);
			expect(busiestSecond).toBeLessThanOrEqual(20);
			expect(refused / sent.length).toBeLessThanOrEqual(0.1);
		});
	}, 120_000);

	it('ESET: one login per process and token lifetime, however many executions run at once', async () => {
		// Tokens that expire during the run however fast the machine is (60 executions, 10 at a time, at
		// least 6 x 150 ms), yet outlive a login and the request right behind it on a busy machine.
		const lifetimeMs = 800;
		await withServer(new EsetServer({ tokenLifetimeMs: lifetimeMs }), async (server) => {
			server.setFaults({ latencyMs: 150 });
			const workers = await startWorkers(2);
			const started = Date.now();
			// 60 single-item executions per process (a webhook each), 10 at a time.
			await Promise.all(
				workers.map((worker, w) =>
					runPool(60, 10, async (n) => {
						const run = await esetRun(worker, server, { name: `Webhook ${w}-${n}`, address: { city: 'Brno' }, options: { ifExists: 'createAnyway' } }, [{}]);
						expect(run.output('Node')[0].json).toMatchObject({ outcome: 'created' });
					}),
				),
			);
			const seconds = (Date.now() - started) / 1000;
			const logins = workers.map((worker) => worker.credentialsHelper.preAuthenticationCalls.esetMspApi ?? 0);
			process.stdout.write(`logins per process: ${logins.join(', ')} in ${seconds.toFixed(1)} s\n`);
			for (const count of logins) expect(count).toBeLessThanOrEqual(Math.floor((seconds * 1000) / lifetimeMs) + 1);
			expect(Math.min(...logins)).toBeGreaterThan(1);
			expect(server.logins).toBe(logins[0] + logins[1]);
			expect(server.created).toHaveLength(120);
		});
	}, 120_000);
});

itLeaksNoSecret();
