import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { startSandbox } from '../../test/sandbox/cli';
import type { RecordedRequest } from '../../test/sandbox/loopbackServer';
import { PROJECT_ROOT } from '../lib/n8nRuntime';
import { QueueCluster, trafficOf } from '../lib/queueCluster';
import { postJson } from './n8nProcess';
import type { Row } from './report';
import { classify } from './targets';
import { benchWorkflows, type N8nClient, workflowName } from './workflows';

/**
 * The queue-mode rows of `npm run bench`: GravityZone through our node in n8n's queue mode (main + 2
 * workers, Redis, PostgreSQL; test/queue's cluster), 4 bulk webhooks of 125 items at once, all on one
 * API key, against the sandbox with 150 ms latency and GravityZone's limit. Each row runs on freshly
 * started n8n processes, after a small warm-up; the timed part is from the first POST to the last answer.
 */
export const QUEUE_WORKERS = 2;
const WEBHOOKS = 4;
const ITEMS_PER_WEBHOOK = 125;
const WARMUP_ITEMS_PER_WEBHOOK = 10;
const QUEUE_CLIENTS: N8nClient[] = ['node', 'nodeFindOrCreate'];

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface QueueBenchSetup {
	sandbox: Sandbox;
	/** Empties the sandbox and sets its latency and GravityZone's rate limit. */
	configure: (latencyMs: number, rateLimit: boolean) => Promise<void>;
	latencyMs: number;
	/** GravityZone's limit per key, for the ceilingRatio. */
	limit: number;
	progress: (message: string) => void;
	/** BENCH_PROFILE: where each row's request timeline goes (ms since the first request, path, method, outcome). */
	timelineDir?: string;
}

const batches = (count: number, size: number, tag: string) =>
	Array.from({ length: count }, (_, webhook) =>
		// Zero-padded to one width: GravityZone's findCompaniesByName matches name prefixes.
		Array.from({ length: size }, (_, index) => ({ name: `Bench ${tag} ${webhook}-${String(index).padStart(4, '0')}`, city: 'Springfield' })),
	);

async function postAll(url: string, customerBatches: Array<Array<{ name: string; city: string }>>) {
	const began = performance.now();
	const startedAt = performance.timeOrigin + began;
	const answers = await Promise.all(customerBatches.map(async (customers) => await postJson(url, { customers })));
	const ms = performance.now() - began;
	const items = answers.flatMap((answer) => (Array.isArray(answer.body) ? answer.body : []));
	const failed = answers.filter((answer) => answer.status !== 200 || !Array.isArray(answer.body));
	return { ms, startedAt, items, failedWebhooks: failed.map((answer) => `HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`) };
}

/** When the sandbox received each request (ms since the first), what it asked and how it was answered. */
function writeTimeline(file: string, requests: RecordedRequest[]) {
	const start = Math.min(...requests.map((request) => request.receivedAt ?? Infinity));
	const timeline = requests.map((request) => [Math.round(((request.receivedAt ?? 0) - start) * 10) / 10, (request.body as { method?: string }).method, request.outcome]);
	writeFileSync(file, JSON.stringify(timeline));
}

/** The timed run of one row on running processes: 4 webhooks of 125 customers at once. */
async function timedRow(setup: QueueBenchSetup, cluster: QueueCluster, client: N8nClient): Promise<Row> {
	const url = `${cluster.baseUrl}/webhook/${workflowName('gravityZone', client, 'paced')}`;
	await setup.configure(0, false);
	const warmup = await postAll(url, batches(WEBHOOKS, WARMUP_ITEMS_PER_WEBHOOK, 'Warmup'));
	if (warmup.failedWebhooks.length > 0) throw new Error(`The warm-up failed: ${warmup.failedWebhooks.join('; ')}`);
	await setup.configure(setup.latencyMs, true);
	const items = WEBHOOKS * ITEMS_PER_WEBHOOK;
	const finishedBefore = cluster.finishedByWorker();
	const run = await postAll(url, batches(WEBHOOKS, ITEMS_PER_WEBHOOK, 'Queue'));
	const outcome = classify(run.items, items);
	const requests = setup.sandbox.gravityZone.requests;
	const traffic = trafficOf(requests);
	const seconds = run.ms / 1000;
	// Where the wall time went besides sending: before the first request and after the last answer.
	const first = Math.min(...requests.map((request) => request.receivedAt ?? Infinity)) - run.startedAt;
	const last = Math.max(...requests.map((request) => request.answeredAt ?? 0)) - run.startedAt;
	const perWorker = [...cluster.finishedByWorker()].map(([name, ids]) => `${name} ${ids.length - (finishedBefore.get(name)?.length ?? 0)}`);
	setup.progress(
		`  ${outcome.ok} ok, ${outcome.failed} failed (${outcome.failed429} with 429), ${traffic.requests} requests (${traffic.answered429} answered 429, ` +
			`busiest second ${traffic.busiestSecond}), ${seconds.toFixed(1)} s (the first request ${(first / 1000).toFixed(1)} s after the POSTs, the last ` +
			`answer ${((run.ms - last) / 1000).toFixed(1)} s before the webhooks' answers); webhook executions per worker: ${perWorker.join(', ')}`,
	);
	for (const failure of run.failedWebhooks) setup.progress(`  a webhook answered ${failure}`);
	if (setup.timelineDir) writeTimeline(path.join(setup.timelineDir, `gravityZone-${client}-queue${QUEUE_WORKERS}.timeline.json`), requests);
	return {
		vendor: 'gravityZone',
		client,
		queueWorkers: QUEUE_WORKERS,
		items,
		itemsPerSecond: outcome.ok / seconds,
		ceilingRatio: (traffic.requests - traffic.answered429) / seconds / setup.limit,
		requestsPerItem: traffic.requests / items,
		surfaced429: outcome.failed429,
		failedItems: outcome.failed,
		peakRssMb: null,
		cpuMsPerItem: null,
	};
}

export async function measureQueueRows(setup: QueueBenchSetup): Promise<Row[]> {
	const { sandbox, progress } = setup;
	const urls = { esetBaseUrl: sandbox.eset.url, gravityZoneUrl: sandbox.gravityZone.url };
	const names = QUEUE_CLIENTS.map((client) => workflowName('gravityZone', client, 'paced'));
	const workflows = benchWorkflows(urls).filter((workflow) => names.includes(workflow.name));
	progress(`queue mode: PostgreSQL, Redis, n8n main + ${QUEUE_WORKERS} workers (importing and publishing the workflows)...`);
	const cluster = await QueueCluster.prepare({
		workers: QUEUE_WORKERS,
		credentials: sandbox.info,
		workflows: new Map(workflows.map((workflow) => [workflow.name, workflow.json])),
		webhookPaths: workflows.map((workflow) => workflow.path),
		logDir: path.join(PROJECT_ROOT, 'test-artifacts', 'bench-queue'),
	});
	const rows: Row[] = [];
	try {
		for (const client of QUEUE_CLIENTS) {
			progress(`gravityZone / ${client}, queue mode: starting main + ${QUEUE_WORKERS} workers`);
			await cluster.start();
			try {
				rows.push(await timedRow(setup, cluster, client));
			} finally {
				await cluster.stopN8n();
			}
		}
	} finally {
		await cluster.dispose();
	}
	return rows;
}
