import { readFileSync } from 'node:fs';
import path from 'node:path';

import { benchWorkflows, type Vendor, workflowName } from '../../scripts/bench/workflows';
import { classify } from '../../scripts/bench/targets';
import { PROJECT_ROOT } from '../../scripts/lib/n8nRuntime';
import { QueueCluster, trafficOf } from '../../scripts/lib/queueCluster';
import { startSandbox } from '../sandbox/cli';
import { ESET_PASSWORD, EsetServer } from '../sandbox/eset';
import { GZ_PARTNER_KEY } from '../sandbox/gravityZone';
import { onboardingPath, onboardingWorkflow } from './workflows';

/**
 * Issue 12's proof in a real n8n 2.41.1 queue-mode cluster: main + 2 workers (each with the package in
 * its own user folder), Redis, PostgreSQL, against the sandbox with 150 ms latency and GravityZone's
 * limit (10 requests/s per key, a burst queue of 10, then 429). The cases run in order on one cluster.
 */
const WORKERS = 2;
const LATENCY_MS = 150;
const BULK = workflowName('gravityZone', 'nodeFindOrCreate', 'paced');

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
type Json = Record<string, unknown>;

const post = async (url: string, body: unknown) => {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// left as text: the assertion shows it
	}
	return { status: response.status, body: parsed };
};

/** Webhook calls made to n8n so far: each is one execution. */
let webhookCalls = 0;
const callWebhook = async (url: string, body: unknown) => {
	webhookCalls++;
	return await post(url, body);
};

const say = (line: string) => process.stdout.write(`[queue] ${line}\n`);

describe(`n8n 2.41.1 in queue mode: main + ${WORKERS} workers, Redis, PostgreSQL`, () => {
	let sandbox: Sandbox;
	let cluster: QueueCluster | undefined;

	beforeAll(async () => {
		sandbox = await startSandbox(0, 0);
		const bulk = benchWorkflows({ esetBaseUrl: sandbox.eset.url, gravityZoneUrl: sandbox.gravityZone.url }).find((workflow) => workflow.name === BULK)!;
		const vendors: Vendor[] = ['eset', 'gravityZone'];
		cluster = await QueueCluster.prepare({
			workers: WORKERS,
			credentials: sandbox.info,
			workflows: new Map<string, object>([...vendors.map((vendor) => [onboardingPath(vendor), onboardingWorkflow(vendor)] as const), [bulk.name, bulk.json]]),
			webhookPaths: [...vendors.map(onboardingPath), bulk.path],
			logDir: path.join(PROJECT_ROOT, 'test-artifacts', 'queue'),
		});
		await cluster.start();
	});

	afterAll(async () => {
		await cluster?.dispose();
		await Promise.all([sandbox?.eset.stop(), sandbox?.gravityZone.stop()]);
	});

	beforeEach(async () => {
		for (const server of [sandbox.eset, sandbox.gravityZone]) {
			server.reset();
			server.setFaults({ latencyMs: LATENCY_MS });
			server.holdLookups(0);
		}
		const limit = await post(`${sandbox.gravityZone.url}/_sandbox/config`, { rateLimit: true, rateLimitPerSecond: 10, rateLimitQueue: 10 });
		expect(limit.status).toBe(200);
	});

	describe.each([
		['eset', 'companyId'],
		['gravityZone', 'id'],
	] as Array<[Vendor, string]>)('%s: 15 names, each posted twice at the same moment', (vendor, idKey) => {
		it('30 of 30 calls answer 200 with a company ID, 15 creates, 0 duplicates', async () => {
			const server = vendor === 'eset' ? sandbox.eset : sandbox.gravityZone;
			// Both look-ups of a name are answered together: when the two calls run in two workers, both are
			// told "not found" and both create, so the vendor's refusal is what has to hold.
			server.holdLookups(2);
			const names = Array.from({ length: 15 }, (_, n) => `Queue Twice ${vendor} ${String(n).padStart(2, '0')}`);
			const url = `${cluster!.baseUrl}/webhook/${onboardingPath(vendor)}`;
			const answers = await Promise.all(names.flatMap((name) => [callWebhook(url, { name }), callWebhook(url, { name })]));

			const created = server.created.map((company) => (vendor === 'eset' ? (company as { body: Json }).body.name : (company as { params: Json }).params.name));
			const createCalls = server.requests.filter((request) =>
				vendor === 'eset' ? request.path === '/api/Company/Create/customer' : (request.body as Json | undefined)?.method === 'createCompany',
			);
			say(`${vendor}: ${answers.filter((answer) => answer.status === 200).length} of 30 answered 200; ${createCalls.length} creates sent, ${created.length} companies created`);
			expect(answers.filter((answer) => answer.status !== 200)).toStrictEqual([]);
			const ids = answers.map((answer) => (answer.body as Json)[idKey]);
			for (const [index, id] of ids.entries()) {
				expect(typeof id).toBe('string');
				// Both calls for a name answer with the one company.
				if (index % 2 === 1) expect(id).toBe(ids[index - 1]);
			}
			expect(created).toHaveLength(15);
			expect([...new Set(created)].sort()).toStrictEqual(names);
			// The race happened: some second create reached the vendor and was refused.
			expect(createCalls.length).toBeGreaterThan(15);
		});
	});

	it('GravityZone: 8 bulk webhooks at once with 25 names each: 200 of 200 items carry an ID, 0 duplicates, 0 failed with 429, <= 20 requests in any second, <= 10% answered 429', async () => {
		const batches = Array.from({ length: 8 }, (_, batch) =>
			Array.from({ length: 25 }, (_, n) => ({ name: `Queue Bulk ${batch} ${String(n).padStart(2, '0')}`, city: 'Springfield' })),
		);
		const answers = await Promise.all(batches.map((customers) => callWebhook(`${cluster!.baseUrl}/webhook/${BULK}`, { customers })));

		const items = answers.flatMap((answer) => (Array.isArray(answer.body) ? (answer.body as Json[]) : []));
		const outcome = classify(items, 200);
		const traffic = trafficOf(sandbox.gravityZone.requests);
		const names = sandbox.gravityZone.created.map((company) => company.params.name);
		say(
			`bulk: ${items.filter((item) => typeof item.id === 'string').length} of 200 items with an ID, ${outcome.failed429} failed with 429; ` +
				`${traffic.requests} requests, ${traffic.answered429} answered 429, busiest second ${traffic.busiestSecond}`,
		);
		expect(answers.map((answer) => answer.status)).toStrictEqual(Array(8).fill(200));
		expect(items.filter((item) => typeof item.id !== 'string' || item.id === '')).toStrictEqual([]);
		expect(items).toHaveLength(200);
		expect(names).toHaveLength(200);
		expect(new Set(names).size).toBe(200);
		expect(outcome.failed429).toBe(0);
		expect(traffic.busiestSecond).toBeLessThanOrEqual(20);
		expect(traffic.answered429 / traffic.requests).toBeLessThanOrEqual(0.1);
	});

	it('both workers ran executions: every execution in PostgreSQL was finished by exactly one worker, and each worker finished some', async () => {
		const executions = await cluster!.executions();
		const byWorker = cluster!.finishedByWorker();
		say(`executions: ${executions.length} in PostgreSQL; ${[...byWorker].map(([name, ids]) => `${name} finished ${ids.length}`).join(', ')}`);
		// One per webhook call of the cases before (30 + 30 + 8 when all ran).
		expect(executions).toHaveLength(webhookCalls);
		expect(executions.filter((execution) => execution.status !== 'success')).toStrictEqual([]);
		const finished = [...byWorker.values()].flat();
		expect(finished.sort()).toStrictEqual(executions.map((execution) => execution.id).sort());
		for (const ids of byWorker.values()) expect(ids.length).toBeGreaterThan(0);
	});

	it('no process logged a secret (API key, password, token)', () => {
		const secrets = [GZ_PARTNER_KEY, Buffer.from(`${GZ_PARTNER_KEY}:`).toString('base64'), ESET_PASSWORD, ...EsetServer.secretsIssued];
		for (const name of ['main', ...cluster!.workerNames]) {
			const text = readFileSync(cluster!.logFile(name), 'utf8');
			expect(secrets.filter((secret) => text.includes(secret)).map((secret) => `${name}: ${secret.slice(0, 4)}...`)).toStrictEqual([]);
		}
	});
});
