import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';

import { startSandbox } from '../test/sandbox/cli';
import { ensureN8n, log, PROJECT_ROOT } from './lib/n8nRuntime';
import { cpuMs, peakRssMb, rssMb, sampleRss } from './bench/proc';
import { measureQueueRows } from './bench/queueRows';
import { checkTargets, markdownTable, mergeRows, rounded, type Row } from './bench/report';
import { type Customer, N8nBench, type RunOutcome, startRaw, type Target } from './bench/targets';
import { type Client, isReference, N8N_CLIENTS, type Reference, REFERENCES, type Vendor } from './bench/workflows';

/**
 * `npm run bench`: 500 GravityZone and 500 ESET creates through our nodes, n8n's HTTP Request node and
 * a raw axios loop, against the sandbox with 150 ms latency and the documented limits, in a real n8n.
 * Then GravityZone in n8n's queue mode (main + 2 workers). Writes bench/results.json and prints a
 * Markdown table. See README.md > Benchmark for the method.
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 500);
const SCALE_ITEMS = Number(process.env.BENCH_SCALE_ITEMS ?? 5000);
/**
 * For trying the bench out: e.g. BENCH_ONLY=eset/node runs that row (and its scaling row) only,
 * BENCH_ONLY=queue the queue-mode rows; they replace their rows in bench/results.json, the others stay.
 */
const ONLY = process.env.BENCH_ONLY;
/**
 * BENCH_PROFILE=<folder>: a CPU profile of each zero-latency run (<vendor>-<client>-<items>.cpuprofile) and
 * the timed run's request timeline (.timeline.json: ms since the first request, path, outcome).
 */
const PROFILE_DIR = process.env.BENCH_PROFILE;
const selected = (vendor: Vendor, client: Client) => !ONLY || ONLY === vendor || ONLY === `${vendor}/${client}`;
const WARMUP_ITEMS = 50;
const LATENCY_MS = 150;
/** GravityZone's documented limit per API key (the sandbox enforces it, with its burst queue of 10). */
const GZ_LIMIT = 10;
/** Our nodes' defaults, which the raw loop copies. */
const CONCURRENCY = 4;
/** After the answer, n8n may still be saving the execution: wait before reading its CPU time. */
const SETTLE_MS = 1000;

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const began = Date.now();
const progress = (message: string) => log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const customers = (count: number, tag: string): Customer[] =>
	// Zero-padded to one width: GravityZone's findCompaniesByName matches name prefixes.
	Array.from({ length: count }, (_, index) => ({ name: `Bench ${tag} ${String(index).padStart(5, '0')}`, city: 'Springfield' }));

/** Empties both servers (companies, tokens, request logs) and sets the latency and GravityZone's rate limit. */
async function configure(sandbox: Sandbox, latencyMs: number, rateLimit: boolean) {
	for (const server of [sandbox.eset, sandbox.gravityZone]) {
		server.reset();
		server.setFaults({ latencyMs });
	}
	const response = await fetch(`${sandbox.gravityZone.url}/_sandbox/config`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ rateLimit }),
	});
	if (!response.ok) throw new Error(`Sandbox config failed: HTTP ${response.status}`);
}

const requestLog = (sandbox: Sandbox, vendor: Vendor) => (vendor === 'eset' ? sandbox.eset : sandbox.gravityZone).requests;

const describe = (run: RunOutcome, requests: number) =>
	`${run.ok} ok, ${run.failed} failed (${run.failed429} with 429), ${requests} requests, ${(run.ms / 1000).toFixed(1)} s`;

/**
 * One row, in a fresh process: after a small warm-up and a full garbage collection, the zero-latency
 * run (rate limit off, Requests per Second 0) gives the CPU time per item and the peak RSS (sampled
 * during that run); the timed run (150 ms latency, limits on) gives the rest.
 * With `items` other than ITEMS only the zero-latency run is made (the memory scaling rows).
 */
async function measure(sandbox: Sandbox, target: Target, vendor: Vendor, client: Client | Reference, items: number): Promise<Row> {
	await configure(sandbox, 0, false);
	await target.run(vendor, 'unpaced', customers(WARMUP_ITEMS, 'Warmup'));
	await configure(sandbox, 0, false);
	await sleep(SETTLE_MS);
	await target.collectGarbage();
	await sleep(SETTLE_MS);
	const rssBefore = rssMb(target.pid);
	const rss = sampleRss(target.pid);
	const profiler = PROFILE_DIR ? await target.profile(path.join(PROFILE_DIR, `${vendor}-${client}-${items}.cpuprofile`)) : undefined;
	const cpuBefore = cpuMs(target.pid);
	const unpaced = await target.run(vendor, 'unpaced', customers(items, 'Cpu'));
	await sleep(SETTLE_MS);
	const cpu = cpuMs(target.pid) - cpuBefore;
	await profiler?.stop();
	const peak = rss.stop();
	const unpacedRequests = requestLog(sandbox, vendor).length;
	progress(
		`  zero latency: ${describe(unpaced, unpacedRequests)}; CPU ${cpu.toFixed(0)} ms; RSS ${rssBefore.toFixed(0)} MB after a full GC, ` +
			`peak ${peak.toFixed(1)} MB (VmHWM since start ${peakRssMb(target.pid).toFixed(1)} MB)`,
	);
	const common = { vendor, client: client as Client, items, peakRssMb: peak, cpuMsPerItem: cpu / items };
	if (items !== ITEMS || isReference(client)) {
		const row = { ...common, itemsPerSecond: unpaced.ok / (unpaced.ms / 1000), ceilingRatio: null, requestsPerItem: unpacedRequests / items };
		return { ...row, surfaced429: unpaced.failed429, failedItems: unpaced.failed };
	}
	await configure(sandbox, LATENCY_MS, true);
	const timedRss = sampleRss(target.pid);
	const timed = await target.run(vendor, 'paced', customers(items, 'Timed'));
	const timedPeak = timedRss.stop();
	const requests = requestLog(sandbox, vendor);
	if (PROFILE_DIR) {
		// When each request reached the sandbox, from the first one: gaps show where items waited.
		const start = requests[0]?.receivedAt ?? 0;
		const timeline = requests.map((request) => [Math.round(((request.receivedAt ?? 0) - start) * 10) / 10, request.path, request.outcome]);
		writeFileSync(path.join(PROFILE_DIR, `${vendor}-${client}-${items}.timeline.json`), JSON.stringify(timeline));
	}
	const seconds = timed.ms / 1000;
	const admitted = requests.filter((request) => request.outcome !== 429).length;
	progress(`  ${LATENCY_MS} ms latency: ${describe(timed, requests.length)} (${admitted} admitted); peak RSS ${timedPeak.toFixed(1)} MB`);
	return {
		...common,
		itemsPerSecond: timed.ok / seconds,
		// GravityZone: requests the API admitted (not answered 429) per second, over its limit. ESET: set later.
		ceilingRatio: vendor === 'gravityZone' ? admitted / seconds / GZ_LIMIT : null,
		requestsPerItem: requests.length / items,
		surfaced429: timed.failed429,
		failedItems: timed.failed,
	};
}

async function main() {
	if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
	progress(`checking Node 24 and n8n... (load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}, ${cpus().length} CPUs)`);
	const install = await ensureN8n();
	const sandbox = await startSandbox(0, 0);
	const urls = { esetBaseUrl: sandbox.eset.url, gravityZoneUrl: sandbox.gravityZone.url };
	let prepared: Promise<N8nBench> | undefined;
	// Prepared on first use (BENCH_ONLY=queue needs none of it).
	const bench = async () => {
		if (!prepared) {
			progress('preparing n8n: installing the package, importing the credentials, importing and publishing the bench workflows...');
			prepared = N8nBench.prepare(install, sandbox.info, urls);
		}
		return await prepared;
	};
	const rows: Row[] = [];
	const references: Array<{ reference: Reference; row: Row }> = [];
	try {
		for (const vendor of ['gravityZone', 'eset'] as Vendor[]) {
			for (const client of [...N8N_CLIENTS, 'raw'] as Client[]) {
				if (!selected(vendor, client)) continue;
				progress(`${vendor} / ${client}`);
				const target = client === 'raw' ? await startRaw(install, urls, CONCURRENCY, GZ_LIMIT) : await (await bench()).start(client);
				try {
					rows.push(await measure(sandbox, target, vendor, client, ITEMS));
				} finally {
					await target.stop();
				}
			}
		}
		// ESET documents no limit: its ceiling is the raw loop.
		const raw = rows.find((row) => row.vendor === 'eset' && row.client === 'raw');
		for (const row of rows) if (row.vendor === 'eset' && raw) row.ceilingRatio = row.itemsPerSecond / raw.itemsPerSecond;
		for (const vendor of ['gravityZone', 'eset'] as Vendor[]) {
			if (!selected(vendor, 'node') || SCALE_ITEMS <= 0) continue;
			progress(`${vendor} / node with ${SCALE_ITEMS} items (memory scaling, zero latency)`);
			const target = await (await bench()).start('node');
			try {
				rows.push(await measure(sandbox, target, vendor, 'node', SCALE_ITEMS));
			} finally {
				await target.stop();
			}
		}
		// The references, for reading the CPU and memory numbers (BENCH_ONLY=references runs them alone).
		for (const reference of ONLY && ONLY !== 'references' ? [] : (Object.keys(REFERENCES) as Reference[])) {
			for (const items of [ITEMS, SCALE_ITEMS].filter((count) => count > 0)) {
				progress(`${REFERENCES[reference].label}, ${items} items, zero latency`);
				const target = await (await bench()).start(reference);
				try {
					references.push({ reference, row: await measure(sandbox, target, 'gravityZone', reference, items) });
				} finally {
					await target.stop();
				}
			}
		}
		if (!ONLY || ONLY === 'queue') {
			const setup = { sandbox, latencyMs: LATENCY_MS, limit: GZ_LIMIT, progress, timelineDir: PROFILE_DIR };
			rows.push(...(await measureQueueRows({ ...setup, configure: async (latencyMs, rateLimit) => await configure(sandbox, latencyMs, rateLimit) })));
		}
	} finally {
		(await prepared?.catch(() => undefined))?.dispose();
		await Promise.all([sandbox.eset.stop(), sandbox.gravityZone.stop()]);
	}
	const results = rows.map(rounded);
	const file = path.join(PROJECT_ROOT, 'bench', 'results.json');
	const previous: Row[] = ONLY && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify(mergeRows(previous, results), null, '\t')}\n`);
	console.log(markdownTable(results));
	console.log('\nTargets for our nodes:');
	for (const target of checkTargets(results, ITEMS, SCALE_ITEMS)) console.log(`  ${target.holds ? 'met    ' : 'MISSED '} ${target.label} (measured ${target.measured})`);
	for (const { reference, row } of references) {
		console.log(`${REFERENCES[reference].label}, ${row.items} items: ${row.cpuMsPerItem?.toFixed(3)} ms CPU per item, peak RSS ${row.peakRssMb?.toFixed(1)} MB`);
	}
	progress(`done; wrote ${path.relative(PROJECT_ROOT, file)}; load average ${loadavg().map((load) => load.toFixed(2)).join(' ')} (${cpus().length} CPUs)`);
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exit(1);
});
