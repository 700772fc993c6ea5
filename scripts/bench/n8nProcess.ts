import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';

import { stopChild } from '../lib/childProcess';
import { type N8nInstall, n8nEnv, OWNER, setupOwner } from '../lib/n8nRuntime';

export { stopChild };

/** Starting and stopping `n8n start` for the benchmark, and publishing workflows through n8n's REST API. */
export const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

async function distinctFreePorts(count: number): Promise<number[]> {
	const ports = new Set<number>();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/** POSTs JSON and resolves with the status and parsed body; no timeout (a paced run takes minutes). */
export function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
	return new Promise((resolve, reject) => {
		const payload = Buffer.from(JSON.stringify(body));
		const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let parsed: unknown = text;
				try {
					parsed = JSON.parse(text);
				} catch {
					// left as text
				}
				resolve({ status: res.statusCode ?? 0, body: parsed });
			});
		});
		req.on('error', reject);
		req.end(payload);
	});
}

export interface RunningN8n {
	child: ChildProcess;
	port: number;
	baseUrl: string;
	/** The V8 inspector's WebSocket URL (loopback only), for collectGarbage(). */
	inspector: string;
}

/** Starts a Node process with the V8 inspector on a free loopback port; resolves its WebSocket URL once printed. */
export function inspectorUrl(child: ChildProcess): Promise<string> {
	return new Promise((resolve, reject) => {
		let text = '';
		const watch = (chunk: Buffer) => {
			text = `${text}${chunk.toString('utf8')}`.slice(-4000);
			const match = /Debugger listening on (ws:\/\/\S+)/.exec(text);
			if (match) {
				child.stderr!.off('data', watch);
				resolve(match[1]);
			}
		};
		child.stderr!.on('data', watch);
		child.once('exit', (code) => reject(new Error(`The process exited with code ${code} before its inspector listened: ${text}`)));
	});
}

const GC_SCRIPT = `
const ws = new WebSocket(process.argv[1]);
ws.onopen = () => ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
ws.onmessage = (event) => { if (JSON.parse(event.data).id === 1) { ws.close(); process.exit(0); } };
ws.onerror = () => process.exit(1);
setTimeout(() => process.exit(2), 30000);
`;

/**
 * A full garbage collection in the process behind the inspector URL (HeapProfiler.collectGarbage, sent
 * from a short-lived Node 24 process, which has a WebSocket client built in). Every measured run starts
 * from the same compacted heap: otherwise its peak RSS depends on how much garbage start-up and warm-up
 * left and on when V8 gets round to collecting it.
 */
export async function collectGarbage(node24: string, inspector: string): Promise<void> {
	const child = spawn(node24, ['-e', GC_SCRIPT, inspector], { stdio: 'ignore' });
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	if (code !== 0) throw new Error(`Asking ${inspector} for a garbage collection failed (exit code ${code})`);
}

const PROFILE_SCRIPT = `
const [url, file] = process.argv.slice(1);
const ws = new WebSocket(url);
let id = 0;
const call = (method, params = {}) => new Promise((resolve) => {
	const mine = ++id;
	const listener = (event) => { const message = JSON.parse(event.data); if (message.id === mine) { ws.removeEventListener('message', listener); resolve(message.result); } };
	ws.addEventListener('message', listener);
	ws.send(JSON.stringify({ id: mine, method, params }));
});
ws.onopen = async () => {
	await call('Profiler.enable');
	await call('Profiler.setSamplingInterval', { interval: 200 });
	await call('Profiler.start');
	process.stdout.write('started\\n');
	process.stdin.once('end', async () => {
		const { profile } = await call('Profiler.stop');
		require('node:fs').writeFileSync(file, JSON.stringify(profile));
		process.exit(0);
	});
	process.stdin.resume();
};
ws.onerror = () => process.exit(1);
`;

/**
 * Records a V8 CPU profile of the process behind the inspector URL until `stop()` (BENCH_PROFILE):
 * a .cpuprofile file that Chrome DevTools opens, and that scripts/bench/profileSummary.ts sums up.
 */
export async function startProfiler(node24: string, inspector: string, file: string): Promise<{ stop(): Promise<void> }> {
	const child = spawn(node24, ['-e', PROFILE_SCRIPT, inspector, file], { stdio: ['pipe', 'pipe', 'inherit'] });
	await new Promise<void>((resolve, reject) => {
		child.stdout!.once('data', () => resolve());
		child.once('exit', (code) => reject(new Error(`The profiler exited with code ${code} before it started`)));
	});
	return {
		stop: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.stdin!.end();
			await exited;
		},
	};
}

/**
 * Starts `n8n start` on a user folder and resolves once it has printed "Editor is now accessible" and
 * answers for every given webhook path: published workflows are registered in the background after
 * /healthz/readiness answers, and no registration work may fall into a measured run.
 */
export async function launchN8n(install: N8nInstall, userFolder: string, webhookPaths: string[]): Promise<RunningN8n> {
	// Three distinct free ports: with the inspector on port 0, the OS once handed it the port just
	// picked for n8n ("n8n's port ... is already in use").
	const [port, brokerPort, inspectorPort] = await distinctFreePorts(3);
	const env = n8nEnv(userFolder, port, brokerPort);
	// The inspector (loopback) lets the bench ask for a full GC before each measured run.
	const child = spawn(install.node24, [`--inspect=127.0.0.1:${inspectorPort}`, install.n8nBin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	const inspector = inspectorUrl(child);
	const deadline = Date.now() + 180_000;
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`n8n did not start within 3 minutes:\n${output}`)), deadline - Date.now());
		// Both pipes are read for as long as n8n runs, so that it never blocks on a full pipe.
		const watch = (chunk: Buffer) => {
			output = `${output}${chunk.toString('utf8')}`.slice(-20_000);
			if (output.includes('Editor is now accessible')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', watch);
		child.stderr!.on('data', watch);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`n8n exited with code ${code}:\n${output}`));
		});
	});
	for (const webhookPath of webhookPaths) {
		for (;;) {
			const answer = await fetch(`http://127.0.0.1:${port}/webhook/${webhookPath}`)
				.then(async (response) => await response.text())
				.catch(() => '');
			// A GET to a POST webhook: "... not registered for GET requests. Did you mean to make a POST request?"
			if (answer.includes('Did you mean to make a POST request')) break;
			if (Date.now() > deadline) throw new Error(`n8n did not register the webhook ${webhookPath}: ${answer}`);
			await sleep(250);
		}
	}
	return { child, port, baseUrl: `http://127.0.0.1:${port}`, inspector: await inspector };
}

/**
 * Publishes workflows through n8n's REST API, as the editor's Publish button does: one n8n start
 * instead of one `n8n publish:workflow` process (several seconds each) per workflow.
 */
export async function publishViaRest(baseUrl: string, workflowIds: string[]): Promise<void> {
	await setupOwner(baseUrl);
	const headers = { 'content-type': 'application/json', 'browser-id': 'n8n-bench' };
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!login.ok) throw new Error(`n8n login failed: HTTP ${login.status} ${await login.text()}`);
	const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	const call = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${baseUrl}/rest${path}`, { method, headers: { ...headers, cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
		if (!response.ok) throw new Error(`n8n ${method} ${path} failed: HTTP ${response.status} ${await response.text()}`);
		return ((await response.json()) as { data: Record<string, unknown> }).data;
	};
	for (const id of workflowIds) {
		const workflow = await call('GET', `/workflows/${id}`);
		await call('POST', `/workflows/${id}/activate`, { versionId: workflow.versionId });
	}
}
