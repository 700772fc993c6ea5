import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { installPackage, log, N8n, type N8nInstall, n8nEnv, type SandboxCredentials } from '../lib/n8nRuntime';
import { collectGarbage, freePort, inspectorUrl, launchN8n, postJson, publishViaRest, startProfiler, stopChild } from './n8nProcess';
import type { RawJob, RawResult } from './rawClient';
import { type BenchWorkflow, type N8nClient, type Reference, type SandboxUrls, type Variant, type Vendor, benchWorkflows, workflowName } from './workflows';

/** How a run ended, item by item, as the bench sees it. */
export interface RunOutcome {
	ms: number;
	ok: number;
	failed: number;
	/** Failed items whose error was an HTTP 429. */
	failed429: number;
}

export interface Customer {
	name: string;
	city: string;
}

/** A process that creates customers: n8n running a bench workflow, or the raw axios client. */
export interface Target {
	pid: number;
	/** A full garbage collection in the process (through its inspector). */
	collectGarbage(): Promise<void>;
	/** Records a CPU profile into `file` until the returned stop() (through the inspector). */
	profile(file: string): Promise<{ stop(): Promise<void> }>;
	run(vendor: Vendor, variant: Variant, customers: Customer[]): Promise<RunOutcome>;
	stop(): Promise<void>;
}

/** True when a value inside an error item says HTTP 429 (our nodes: httpCode "429"; HTTP Request: statusCode/httpCode). */
function is429(value: unknown, depth = 0): boolean {
	if (depth > 4 || typeof value !== 'object' || value === null) return false;
	for (const [key, field] of Object.entries(value)) {
		if (['httpCode', 'statusCode', 'status', 'http_code'].includes(key) && String(field) === '429') return true;
		if (is429(field, depth + 1)) return true;
	}
	return false;
}

/** Sorts n8n's output items: an item with `error` failed (a JSON-RPC error included); missing items failed too. */
export function classify(items: unknown, expected: number): Omit<RunOutcome, 'ms'> {
	const list = Array.isArray(items) ? items : [];
	let ok = 0;
	let failed429 = 0;
	for (const item of list) {
		const json = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
		if (json.error === undefined) ok++;
		else if (is429(json)) failed429++;
	}
	return { ok, failed: expected - ok, failed429 };
}

/**
 * One n8n user folder with the package installed as a community package, the sandbox credentials and
 * the bench workflows imported and published; `start()` runs a fresh `n8n start` on it each time.
 */
export class N8nBench {
	private workflows: BenchWorkflow[] = [];

	private constructor(
		private readonly install: N8nInstall,
		private readonly userFolder: string,
	) {}

	static async prepare(install: N8nInstall, credentials: SandboxCredentials, urls: SandboxUrls): Promise<N8nBench> {
		const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-bench-'));
		installPackage(userFolder);
		const bench = new N8nBench(install, userFolder);
		const n8n = new N8n(install, n8nEnv(userFolder, await freePort(), await freePort()));
		await n8n.importCredentials(credentials);
		bench.workflows = benchWorkflows(urls);
		const dir = mkdtempSync(path.join(tmpdir(), 'n8n-bench-workflows-'));
		try {
			const files = bench.workflows.map((workflow) => {
				const file = path.join(dir, `${workflow.name}.workflow.json`);
				writeFileSync(file, JSON.stringify(workflow.json));
				return file;
			});
			const ids = await n8n.importWorkflows(files);
			const running = await launchN8n(install, userFolder, []);
			try {
				await publishViaRest(running.baseUrl, bench.workflows.map((workflow) => ids.get(workflow.name)!));
			} finally {
				await stopChild(running.child);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		return bench;
	}

	/** A fresh n8n process (so that its peak RSS covers this run only) serving the given client's workflows. */
	async start(client: N8nClient | Reference): Promise<Target> {
		const started = Date.now();
		const { child, port, inspector } = await launchN8n(this.install, this.userFolder, this.workflows.map((workflow) => workflow.path));
		log(`  n8n started in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid})`);
		return {
			pid: child.pid!,
			collectGarbage: async () => await collectGarbage(this.install.node24, inspector),
			profile: async (file) => await startProfiler(this.install.node24, inspector, file),
			run: async (vendor, variant, customers) => {
				const url = `http://127.0.0.1:${port}/webhook/${workflowName(vendor, client, variant)}`;
				const begin = performance.now();
				const response = await postJson(url, { customers });
				const ms = performance.now() - begin;
				if (response.status !== 200 || !Array.isArray(response.body)) {
					log(`  the webhook answered HTTP ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
				}
				const outcome = classify(response.body, customers.length);
				if (outcome.failed > 0 && Array.isArray(response.body)) {
					const failedItem = response.body.find((item: Record<string, unknown>) => item?.error !== undefined);
					log(`  e.g. a failed item: ${JSON.stringify(failedItem ?? response.body[0]).slice(0, 400)}`);
				}
				return { ms, ...outcome };
			},
			stop: async () => await stopChild(child),
		};
	}

	dispose() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** The raw axios client in its own Node 24 process (the runtime n8n runs on). */
export async function startRaw(install: N8nInstall, urls: SandboxUrls, concurrency: number, gzPerSecond: number): Promise<Target> {
	const child = spawn(install.node24, ['--inspect=127.0.0.1:0', path.join(__dirname, 'rawClient.js')], { stdio: ['pipe', 'pipe', 'pipe'] });
	const inspector = await inspectorUrl(child);
	child.stderr!.resume();
	const lines = createInterface({ input: child.stdout! });
	const pending: Array<(line: string) => void> = [];
	lines.on('line', (line) => pending.shift()?.(line));
	return {
		pid: child.pid!,
		collectGarbage: async () => await collectGarbage(install.node24, inspector),
		profile: async (file) => await startProfiler(install.node24, inspector, file),
		run: async (vendor, variant, customers) => {
			const job: RawJob = {
				vendor,
				url: vendor === 'eset' ? urls.esetBaseUrl : urls.gravityZoneUrl,
				customers,
				concurrency,
				requestsPerSecond: vendor === 'gravityZone' && variant === 'paced' ? gzPerSecond : 0,
			};
			const answer = new Promise<string>((resolve) => pending.push(resolve));
			child.stdin!.write(`${JSON.stringify(job)}\n`);
			const result = JSON.parse(await answer) as RawResult;
			const ok = result.outcomes.filter((outcome) => outcome === 'ok').length;
			return { ms: result.ms, ok, failed: customers.length - ok, failed429: result.outcomes.filter((outcome) => outcome === 429).length };
		},
		stop: async () => {
			child.stdin!.end();
			await stopChild(child);
		},
	};
}
