import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs this package in a real n8n: installs Node 24 and n8n once into a cache folder, installs the
 * built package into an n8n user folder the way n8n's Community Nodes install does, imports
 * credentials and workflows with n8n's CLI, executes workflows and starts the server.
 */
export const PROJECT_ROOT = (() => {
	for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'scripts', 'ensure-n8n.sh'))) return dir;
	}
	throw new Error('Project root not found');
})();

export const PACKAGE_NAME = 'n8n-nodes-msp-security';

export interface N8nInstall {
	node24: string;
	n8nBin: string;
}

export interface SandboxCredentials {
	eset: { baseUrl: string; username: string; password: string };
	gravityZone: { accessUrl: string; apiKey: string };
}

export const OWNER = { email: 'owner@msp-sandbox.example', password: 'SandboxOwner1!', firstName: 'Sandbox', lastName: 'Owner' };

const log = (message: string) => process.stderr.write(`[n8n] ${message}\n`);

/** Installs Node 24 and n8n into the cache folder when they are not there yet (minutes, once). */
export function ensureN8n(): N8nInstall {
	const result = spawnSync('bash', [path.join(PROJECT_ROOT, 'scripts', 'ensure-n8n.sh')], {
		cwd: PROJECT_ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error('Installing Node 24 and n8n failed (see the output above)');
	const value = (key: string) => new RegExp(`^${key}=(.+)$`, 'm').exec(result.stdout)?.[1] ?? '';
	return { node24: value('NODE24_BIN'), n8nBin: value('N8N_BIN') };
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

export class N8n {
	constructor(
		readonly install: N8nInstall,
		readonly env: NodeJS.ProcessEnv,
	) {}

	/**
	 * Runs an n8n CLI command to its end. Asynchronous on purpose: the sandbox may live in this same
	 * process, and a blocking spawnSync would leave it unable to answer n8n.
	 */
	cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
		return new Promise((resolve, reject) => {
			const child = spawn(this.install.node24, [this.install.n8nBin, ...args], { env: this.env });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
			child.on('error', reject);
			child.on('close', (status) => resolve({ status, stdout, stderr }));
		});
	}

	private async cliOrThrow(args: string[]): Promise<string> {
		const result = await this.cli(args);
		if (result.status !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
		return result.stdout;
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
			await this.cliOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(path.dirname(file), { recursive: true, force: true });
		}
	}

	/** Imports workflow files; each gets a stable id derived from its file name. Returns name -> id. */
	async importWorkflows(files: string[], rewrite: (json: string) => string = (json) => json): Promise<Map<string, string>> {
		const ids = new Map<string, string>();
		const dir = mkdtempSync(path.join(tmpdir(), 'n8n-workflows-'));
		try {
			for (const file of files) {
				const name = path.basename(file, '.workflow.json');
				const id = workflowId(name);
				const workflow = JSON.parse(rewrite(readFileSync(file, 'utf8')));
				writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ ...workflow, id, active: false }));
				ids.set(name, id);
			}
			await this.cliOrThrow(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		return ids;
	}

	async publishWorkflow(id: string): Promise<void> {
		await this.cliOrThrow(['publish:workflow', `--id=${id}`]);
	}

	/** Executes a workflow with `n8n execute` and returns its run data (printed at log level info). */
	async execute(id: string): Promise<{ status: string; runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> }; error?: unknown }>> }> {
		// n8n 2.41.1's CLI sometimes dies (SIGSEGV) after it printed a complete run: the run printed is what counts.
		const { stdout, stderr, status } = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
		// The run is printed as indented JSON: from a line "{" to the next line "}" (log lines may follow).
		const start = stdout.search(/^\{$/m);
		const end = start < 0 ? -1 : stdout.slice(start).search(/^\}$/m);
		if (end < 0) throw new Error(`n8n execute (exit status ${status}) printed no run data:\n${stdout}\n${stderr}`);
		const run = JSON.parse(stdout.slice(start, start + end + 1));
		return { status: run.status, runData: run.data.resultData.runData };
	}

	/** Starts `n8n start` and resolves once it answers on /healthz/readiness. */
	async start(port: number, output: 'inherit' | 'ignore' = 'ignore'): Promise<ChildProcess> {
		const child = spawn(this.install.node24, [this.install.n8nBin, 'start'], { env: this.env, stdio: ['ignore', output, output] });
		const deadline = Date.now() + 180_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}`);
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
