import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type CliResult, isCompleteRun, judgeCliRun, printedRun, type RunData } from './cliRun';
import { installN8n, type InstallOptions, type N8nInstall, type ProofResult } from './installN8n';

/**
 * Runs this package in a real n8n: installs Node 24 and n8n once into a cache folder, installs the
 * built package into an n8n user folder the way n8n's Community Nodes install does, imports
 * credentials and workflows with n8n's CLI, executes workflows and starts the server.
 */
export const PACKAGE_NAME = 'n8n-nodes-msp-security';

export const PROJECT_ROOT = (() => {
	for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE_NAME) return dir;
	}
	throw new Error('Project root not found');
})();

export const N8N_VERSION = '2.41.1';

export type { N8nInstall };

export interface SandboxCredentials {
	eset: { baseUrl: string; username: string; password: string };
	gravityZone: { accessUrl: string; apiKey: string };
}

export const OWNER = { email: 'owner@msp-sandbox.example', password: 'SandboxOwner1!', firstName: 'Sandbox', lastName: 'Owner' };

const log = (message: string) => process.stderr.write(`[n8n] ${message}\n`);

/** The cache folder: N8N_CACHE_DIR, else the project's `.cache/`. */
export const cacheDir = () => process.env.N8N_CACHE_DIR || path.join(PROJECT_ROOT, '.cache');

/** The n8n user folder `npm start` runs (and `npm run n8n` uses). */
export const startUserFolder = () => process.env.N8N_START_USER_FOLDER || path.join(PROJECT_ROOT, '.cache', 'n8n-user');

/**
 * Node 24 and n8n from the cache folder, installed (minutes, once) or repaired when they fail the check:
 * a real n8n run in a fresh user folder (see `proveN8n`).
 */
export async function ensureN8n(options: Partial<InstallOptions> = {}): Promise<N8nInstall> {
	return await installN8n({ cacheDir: cacheDir(), n8nVersion: N8N_VERSION, prove: proveN8n, ...options });
}

/** A free loopback port (several n8n processes and sandboxes may run on this machine at once). */
export const freePort = () =>
	new Promise<number>((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

const PROOF_WORKFLOW = {
	name: 'install check',
	nodes: [
		{ parameters: {}, id: 'c0f7a3e2-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
		{
			parameters: { assignments: { assignments: [{ id: 'sum', name: 'sum', value: '={{ 20 + 22 }}', type: 'number' }] }, options: {} },
			id: 'c0f7a3e2-0000-4000-8000-000000000002',
			name: 'Expression',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
		},
	],
	connections: { Start: { main: [[{ node: 'Expression', type: 'main', index: 0 }]] } },
	settings: {},
};

/**
 * The install check: in a fresh user folder n8n creates its SQLite database (sqlite3, migrations), imports
 * a workflow and executes it; the workflow's expression runs in n8n's default engine (isolated-vm).
 */
export async function proveN8n(install: N8nInstall): Promise<ProofResult> {
	const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-install-check-'));
	const output: string[] = [];
	try {
		const n8n = new N8n(install, n8nEnv(userFolder, await freePort(), await freePort()), (line) => output.push(line));
		const ids = await n8n.importWorkflowObjects(new Map([['install-check', PROOF_WORKFLOW]]));
		const run = await n8n.execute(ids.get('install-check')!);
		const sum = run.runData.Expression?.[0]?.data?.main[0]?.[0]?.json.sum;
		if (sum !== 42) return { ok: false, reason: `the expression {{ 20 + 22 }} gave ${JSON.stringify(sum)}`, output: output.join('\n') };
		return { ok: true, reason: '', output: output.join('\n') };
	} catch (error) {
		const text = (error as Error).message;
		output.push(text);
		return { ok: false, reason: lastN8nError(text), output: output.join('\n') };
	} finally {
		rmSync(userFolder, { recursive: true, force: true });
	}
}

/** n8n's own words for why a command failed (e.g. "SQLite package has not been found installed..."), and how it ended. */
function lastN8nError(text: string): string {
	const [ending, ...printed] = text.split('\n').map((line) => line.trim()).filter(Boolean);
	const errors = printed.filter((line) => /error|not (been )?found|cannot|failed/i.test(line) && !/^at /.test(line));
	const telling = errors.find((line) => /SQLite|sqlite3|isolated-vm|expression engine/i.test(line)) ?? errors.at(-1);
	return (telling ? `${telling} (${ending.replace(/:$/, '')})` : (ending ?? 'no output')).slice(0, 400);
}

/**
 * Like n8n's Community Nodes install: the packed package unpacked into .n8n/nodes/node_modules. Installs
 * the package `npm run build` wrote to `packageDir` (by default the combined package).
 */
export function installPackage(userFolder: string, packageDir = path.join(PROJECT_ROOT, 'dist-packages', PACKAGE_NAME)): void {
	const packageName: string = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).name;
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', packageName);
	const packDir = mkdtempSync(path.join(tmpdir(), 'n8n-pack-'));
	try {
		const packed = spawnSync('npm', ['pack', packageDir, '--silent', '--ignore-scripts', '--pack-destination', packDir], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
		});
		if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
		const tarball = path.join(packDir, packed.stdout.trim().split('\n').pop()!);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		const untar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
		if (untar.status !== 0) throw new Error('Unpacking the package failed');
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
	// n8n drops these before its own `npm install` in the package folder; we have no dependencies left.
	const manifestPath = path.join(target, 'package.json');
	const { devDependencies: _dev, peerDependencies: _peer, optionalDependencies: _optional, ...manifest } = JSON.parse(
		readFileSync(manifestPath, 'utf8'),
	);
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [packageName]: manifest.version } }, null, 2),
	);
}

export function n8nEnv(userFolder: string, port: number, brokerPort = port + 1): NodeJS.ProcessEnv {
	// Jest sets NODE_ENV=test, which silences n8n; "production" prints no run data from `execute`.
	const { NODE_ENV: _nodeEnv, ...inherited } = process.env;
	return {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_ENCRYPTION_KEY: 'msp-security-sandbox-encryption-key',
		N8N_LOG_LEVEL: 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		DB_SQLITE_POOL_SIZE: '2',
	};
}

/** Lines n8n prints when an import or publish went through (a crash after them does not undo it). */
const DONE_LINE: Record<string, RegExp> = {
	'import:credentials': /Successfully imported \d+ credential/,
	'import:workflow': /Successfully imported \d+ workflow/,
	'publish:workflow': /Please restart n8n for changes to take effect/,
};

export interface ExecutedRun {
	status: string;
	runData: RunData;
}

export class N8n {
	constructor(
		readonly install: N8nInstall,
		readonly env: NodeJS.ProcessEnv,
		private readonly note: (line: string) => void = log,
	) {}

	/**
	 * Runs an n8n CLI command to its end. Asynchronous on purpose: the sandbox may live in this same
	 * process, and a blocking spawnSync would leave it unable to answer n8n.
	 */
	cli(args: string[]): Promise<CliResult> {
		return new Promise((resolve, reject) => {
			const child = spawn(this.install.node24, [this.install.n8nBin, ...args], { env: this.env });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
			child.on('error', reject);
			child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
		});
	}

	/** Runs a command and judges it by what it printed (see cliRun.ts); a crash after a complete result is noted. */
	private async cliOrThrow(args: string[], complete: (result: CliResult) => boolean): Promise<CliResult> {
		const result = await this.cli(args);
		const verdict = judgeCliRun(args[0], result, complete(result));
		if (!verdict.ok) throw new Error(`${verdict.reason}:\n${result.stdout}\n${result.stderr}`);
		if (verdict.note) this.note(verdict.note);
		return result;
	}

	private async command(args: string[]): Promise<void> {
		const done = DONE_LINE[args[0]];
		await this.cliOrThrow(args, (result) => result.status === 0 || (done?.test(result.stdout) ?? false));
	}

	async importCredentials(sandbox: SandboxCredentials): Promise<void> {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'n8n-creds-')), 'credentials.json');
		writeFileSync(
			file,
			JSON.stringify([
				{ id: 'esetMspSandbox', name: 'ESET MSP (sandbox)', type: 'esetMspApi', data: sandbox.eset },
				{ id: 'gravityZoneSandbox', name: 'GravityZone (sandbox)', type: 'gravityZoneApi', data: sandbox.gravityZone },
			]),
		);
		try {
			await this.command(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(path.dirname(file), { recursive: true, force: true });
		}
	}

	/** Imports workflow files; each gets a stable id derived from its file name. Returns name -> id. */
	async importWorkflows(files: string[], rewrite: (json: string) => string = (json) => json): Promise<Map<string, string>> {
		return await this.importWorkflowObjects(
			new Map(files.map((file) => [path.basename(file, '.workflow.json'), JSON.parse(rewrite(readFileSync(file, 'utf8')))])),
		);
	}

	/** Imports workflows by key; each gets a stable id derived from its key. Returns key -> id. */
	async importWorkflowObjects(workflows: Map<string, object>): Promise<Map<string, string>> {
		const ids = new Map<string, string>();
		const dir = mkdtempSync(path.join(tmpdir(), 'n8n-workflows-'));
		try {
			for (const [key, workflow] of workflows) {
				const id = workflowId(key);
				writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ ...workflow, id, active: false }));
				ids.set(key, id);
			}
			await this.command(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		return ids;
	}

	async publishWorkflow(id: string): Promise<void> {
		await this.command(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * Executes a workflow with `n8n execute` and returns its run data (printed at log level info). The run
	 * counts when n8n printed it complete: finished, with the last node's output.
	 */
	async execute(id: string): Promise<ExecutedRun> {
		const result = await this.cliOrThrow(['execute', `--id=${id}`, '--rawOutput'], (printed) => isCompleteRun(printedRun(printed.stdout)));
		const run = printedRun(result.stdout)!;
		return { status: run.status, runData: run.runData };
	}

	/** Starts `n8n start` and resolves once it answers on /healthz/readiness. */
	async start(port: number, output: 'inherit' | 'ignore' = 'ignore'): Promise<ChildProcess> {
		const child = spawn(this.install.node24, [this.install.n8nBin, 'start'], { env: this.env, stdio: ['ignore', output, output] });
		const deadline = Date.now() + 180_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null || child.signalCode !== null) throw new Error(`n8n exited with ${child.signalCode ?? `code ${child.exitCode}`}`);
			try {
				if ((await fetch(`http://127.0.0.1:${port}/healthz/readiness`)).ok) return child;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		child.kill('SIGTERM');
		throw new Error('n8n did not become ready within 3 minutes');
	}
}

/** A 16-character workflow id that stays the same for the same file. */
export const workflowId = (name: string) => createHash('sha1').update(name).digest('hex').slice(0, 16);

/** Creates the owner account on a fresh instance; an instance that has one already is left as it is. */
export async function setupOwner(baseUrl: string): Promise<void> {
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok && response.status !== 400) throw new Error(`Owner setup failed: HTTP ${response.status}`);
}

export { log };
