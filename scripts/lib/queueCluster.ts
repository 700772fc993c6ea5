import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { stopChild } from './childProcess';
import { ensureN8n, freePort, installPackage, log, N8n, type N8nInstall, n8nEnv, type SandboxCredentials } from './n8nRuntime';
import { type Postgres, postgresBinDir, type Redis, redisServerPath, startPostgres, startRedis } from './queueServices';

/**
 * n8n 2.41.1 in queue mode, as an MSP that outgrows one process runs it: PostgreSQL (the shared
 * database), Redis (the queue), one main (`n8n start`: editor, webhooks, enqueues executions) and
 * `n8n worker` processes that run the executions. Every process has a user folder of its own with the
 * package installed, its own ports (n8n, task broker, worker health check) and the one encryption key
 * n8nEnv sets. Used by `npm run test:queue` (test/queue/) and the queue-mode rows of `npm run bench`.
 */
export interface QueueClusterOptions {
	workers: number;
	credentials: SandboxCredentials;
	/** Workflows to import and publish, by key (the id derives from the key, see workflowId). */
	workflows: Map<string, object>;
	/** Webhook paths that must answer before start() resolves (n8n is ready before it registers them). */
	webhookPaths: string[];
	/** Where each process's log goes (main.log, worker-1.log...): kept after dispose(). */
	logDir: string;
	/** The built package to install; the combined package by default. */
	packageDir?: string;
}

interface N8nProcess {
	name: string;
	env: NodeJS.ProcessEnv;
	/** Where /healthz/readiness answers: n8n's port for the main, the health check port for a worker. */
	readinessUrl: string;
	child?: ChildProcess;
}

/** How long n8n may take to start on a busy 2-core machine before the harness gives up (not an assertion). */
const START_PATIENCE_MS = 10 * 60 * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class QueueCluster {
	ids = new Map<string, string>();

	private readonly processes: N8nProcess[] = [];

	private constructor(
		private readonly options: QueueClusterOptions,
		private readonly root: string,
		readonly install: N8nInstall,
		readonly postgres: Postgres,
		readonly redis: Redis,
		readonly mainPort: number,
	) {}

	get baseUrl() {
		return `http://127.0.0.1:${this.mainPort}`;
	}

	/** Services started, user folders with the package, credentials and workflows imported and published. */
	static async prepare(options: QueueClusterOptions): Promise<QueueCluster> {
		// Missing binaries are reported before minutes go into n8n.
		postgresBinDir();
		redisServerPath();
		const install = await ensureN8n();
		mkdirSync(options.logDir, { recursive: true });
		const root = mkdtempSync(path.join(tmpdir(), 'n8n-queue-'));
		let postgres: Postgres | undefined;
		let redis: Redis | undefined;
		try {
			postgres = await startPostgres();
			redis = await startRedis(path.join(root, 'redis'));
			const cluster = new QueueCluster(options, root, install, postgres, redis, await freePort());
			await cluster.createProcesses();
			return cluster;
		} catch (error) {
			await redis?.stop();
			await postgres?.stop();
			rmSync(root, { recursive: true, force: true });
			throw error;
		}
	}

	private queueEnv(): NodeJS.ProcessEnv {
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.postgres.port),
			DB_POSTGRESDB_DATABASE: this.postgres.database,
			DB_POSTGRESDB_USER: this.postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	private async createProcesses() {
		const userFolder = (name: string) => {
			const folder = path.join(this.root, name);
			mkdirSync(folder);
			installPackage(folder, this.options.packageDir);
			return folder;
		};
		for (const name of ['main', ...Array.from({ length: this.options.workers }, (_, index) => `worker-${index + 1}`)]) writeFileSync(this.logFile(name), '');
		const mainEnv = { ...n8nEnv(userFolder('main'), this.mainPort, await freePort()), ...this.queueEnv() };
		this.processes.push({ name: 'main', env: mainEnv, readinessUrl: `${this.baseUrl}/healthz/readiness` });
		// The database is shared: what the main's CLI imports, every process sees.
		const cli = new N8n(this.install, mainEnv);
		await cli.importCredentials(this.options.credentials);
		this.ids = await cli.importWorkflowObjects(this.options.workflows);
		for (const id of this.ids.values()) await cli.publishWorkflow(id);
		for (let index = 1; index <= this.options.workers; index++) {
			const healthPort = await freePort();
			const env = {
				...n8nEnv(userFolder(`worker-${index}`), await freePort(), await freePort()),
				...this.queueEnv(),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			};
			this.processes.push({ name: `worker-${index}`, env, readinessUrl: `http://127.0.0.1:${healthPort}/healthz/readiness` });
		}
	}

	/** Starts the main and the workers, and resolves once each is ready and the main serves every webhook. */
	async start(): Promise<void> {
		await Promise.all(this.processes.map(async (member) => await this.startProcess(member)));
		for (const webhookPath of this.options.webhookPaths) await waitForWebhook(`${this.baseUrl}/webhook/${webhookPath}`);
	}

	private async startProcess(member: N8nProcess) {
		const logFile = this.logFile(member.name);
		const output = openSync(logFile, 'a');
		const command = member.name === 'main' ? 'start' : 'worker';
		member.child = spawn(this.install.node24, [this.install.n8nBin, command], { env: member.env, stdio: ['ignore', output, output] });
		closeSync(output);
		const deadline = Date.now() + START_PATIENCE_MS;
		for (;;) {
			const { exitCode, signalCode } = member.child;
			if (exitCode !== null || signalCode !== null) {
				throw new Error(`n8n ${command} (${member.name}) exited with ${signalCode ?? `code ${exitCode}`}:\n${tail(logFile)}`);
			}
			if (await answers(member.readinessUrl)) return;
			if (Date.now() > deadline) throw new Error(`n8n ${command} (${member.name}) was not ready after 10 minutes:\n${tail(logFile)}`);
			await sleep(500);
		}
	}

	/** Stops the n8n processes (the database and the queue stay: start() again for fresh processes). */
	async stopN8n(): Promise<void> {
		await Promise.all(this.processes.map(async (member) => member.child && (await stopChild(member.child))));
	}

	/** Stops everything, even after a failure, and removes the user folders and the database (the logs stay). */
	async dispose(): Promise<void> {
		const steps = [() => this.stopN8n(), () => this.redis.stop(), () => this.postgres.stop()];
		const failures: unknown[] = [];
		for (const step of steps) await step().catch((error: unknown) => failures.push(error));
		rmSync(this.root, { recursive: true, force: true });
		if (failures.length > 0) log(`stopping the queue-mode cluster: ${failures.map(String).join('; ')}`);
	}

	logFile(name: string): string {
		return path.join(this.options.logDir, `${name}.log`);
	}

	get workerNames(): string[] {
		return this.processes.filter((member) => member.name !== 'main').map((member) => member.name);
	}

	/** What each worker's log says it ran to the end: "Worker finished execution <id> (job <n>)". */
	finishedByWorker(): Map<string, string[]> {
		return new Map(
			this.workerNames.map((name) => {
				const text = existsSync(this.logFile(name)) ? readFileSync(this.logFile(name), 'utf8') : '';
				return [name, [...text.matchAll(/Worker finished execution (\d+) \(job/g)].map((match) => match[1])];
			}),
		);
	}

	/** The executions PostgreSQL holds: id and status. */
	async executions(): Promise<Array<{ id: string; status: string }>> {
		const rows = await this.postgres.query('SELECT id, status FROM execution_entity ORDER BY id');
		return rows.map(([id, status]) => ({ id, status }));
	}
}

const answers = async (url: string) => {
	try {
		return (await fetch(url)).ok;
	} catch {
		return false;
	}
};

/** The last lines of a log, for an error message. */
const tail = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-40).join('\n') : '(no log)');

/** A published webhook answers a GET with "... not registered for GET requests": it is registered. */
export async function waitForWebhook(url: string): Promise<void> {
	const deadline = Date.now() + START_PATIENCE_MS;
	for (;;) {
		const answer = await fetch(url)
			.then(async (response) => await response.text())
			.catch(() => '');
		if (/not registered for GET requests/.test(answer)) return;
		if (Date.now() > deadline) throw new Error(`The webhook ${url} was not registered after 10 minutes: ${answer}`);
		await sleep(500);
	}
}

/** What the sandbox received: requests, how many were answered 429, and the most sent within any 1 s. */
export function trafficOf(requests: Array<{ receivedAt?: number; outcome?: unknown }>) {
	const sent = requests.map((request) => request.receivedAt ?? 0).sort((a, b) => a - b);
	let busiestSecond = 0;
	for (let first = 0, last = 0; last < sent.length; last++) {
		while (sent[last] - sent[first] >= 1000) first++;
		busiestSecond = Math.max(busiestSecond, last - first + 1);
	}
	return { requests: sent.length, answered429: requests.filter((request) => request.outcome === 429).length, busiestSecond };
}
