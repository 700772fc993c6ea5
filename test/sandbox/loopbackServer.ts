import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Epoch milliseconds with performance.now()'s precision. */
const now = () => performance.timeOrigin + performance.now();

export interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: unknown;
	/** What became of it: answered with a status, or a fault the sandbox injected. */
	outcome?: number | 'reset' | 'dropped-after-commit';
	/** When its body had arrived and when it was answered (ms since the epoch, sub-ms precision). */
	receivedAt?: number;
	answeredAt?: number;
}

export interface ScriptedResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Sent as it is instead of JSON (with its own content-type header). */
	text?: string;
}

/** examples/customers.csv: stands in for a PSA's CSV export in the bulk onboarding example. */
function psaExport(): string {
	for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const file = path.join(dir, 'examples', 'customers.csv');
		if (existsSync(file)) return readFileSync(file, 'utf8');
	}
	throw new Error('examples/customers.csv not found');
}

/** Knobs for tests and benchmarks; shares are 0..1 of the requests (control calls excluded). */
export interface FaultConfig {
	latencyMs: number;
	serverErrorRate: number;
	resetRate: number;
	/** Creates only: the create is committed, then the connection is dropped without an answer. */
	dropAfterCommitRate: number;
	tooManyRequestsRate: number;
	/** The Retry-After of the injected 429s, in seconds. */
	retryAfterSeconds: number;
	seed: number;
}

export const NO_FAULTS: FaultConfig = {
	latencyMs: 0,
	serverErrorRate: 0,
	resetRate: 0,
	dropAfterCommitRate: 0,
	tooManyRequestsRate: 0,
	retryAfterSeconds: 1,
	seed: 1,
};

/** What a vendor handler returns; `commit` marks a create, which "drop after commit" applies to. */
export type Answer = ScriptedResponse & { commit?: boolean };

export type Handler = (request: RecordedRequest) => Answer | Promise<Answer>;

/** mulberry32: reproducible fault sequences for a given seed. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A loopback HTTP server that records every request and answers through a vendor handler. Tests can
 * queue scripted answers; `/_sandbox/*` reads the state and request log, resets and sets faults.
 */
export abstract class LoopbackServer {
	readonly requests: RecordedRequest[] = [];

	faults: FaultConfig = { ...NO_FAULTS };

	/** The most requests answered at the same time (reset with the log): how parallel a client was. */
	peakInFlight = 0;

	private inFlight = 0;

	private random = seededRandom(NO_FAULTS.seed);

	private readonly scripted: Array<{ match: (request: RecordedRequest) => boolean; response: ScriptedResponse }> = [];

	private server?: Server;

	/**
	 * Holds look-ups (tests): the first `until` look-ups of the same thing (a name, an identifier) are
	 * answered together, so that every client is told "not found" before any of them can create it.
	 */
	private lookupHold?: { until: number; waiting: Map<string, Array<() => void>>; released: Set<string> };

	private address?: string;

	constructor(private readonly port = 0) {}

	/** The vendor's behaviour. */
	protected abstract answer(request: RecordedRequest): Answer | Promise<Answer>;

	/** Vendor state, as /_sandbox/state shows it. */
	abstract state(): unknown;

	/** Forgets all companies and tokens (and the request log). */
	protected abstract resetState(): void;

	/** What a request looks up (a name, an identifier) when it is a look-up, for holdLookups. */
	protected lookupKey(_request: RecordedRequest): string | undefined {
		return undefined;
	}

	/** From now on, the first `until` look-ups of each thing wait for each other (0: none wait). */
	holdLookups(until: number) {
		this.lookupHold = until > 1 ? { until, waiting: new Map(), released: new Set() } : undefined;
	}

	/** A held look-up goes when `until` of its kind have come, or after 10 s. */
	private async waitForLookups(request: RecordedRequest) {
		const hold = this.lookupHold;
		const key = hold ? this.lookupKey(request) : undefined;
		if (!hold || key === undefined || hold.released.has(key)) return;
		const waiting = hold.waiting.get(key) ?? [];
		hold.waiting.set(key, waiting);
		const released = new Promise<void>((resolve) => waiting.push(resolve));
		if (waiting.length >= hold.until) {
			hold.released.add(key);
			hold.waiting.delete(key);
			for (const go of waiting) go();
		}
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([released, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
		clearTimeout(timer);
	}

	/** Settings beyond the faults (e.g. the token lifetime), applied by POST /_sandbox/config. */
	protected configure(_settings: Record<string, unknown>): void {}

	/** Stays valid after stop(), so a test can aim at a port nothing listens on. */
	get url(): string {
		if (!this.address) throw new Error('Server not started');
		return this.address;
	}

	/** Kept for tests that set latency directly. */
	set latencyMs(value: number) {
		this.faults.latencyMs = value;
	}

	setFaults(faults: Partial<FaultConfig>) {
		this.faults = { ...this.faults, ...faults };
		if (faults.seed !== undefined) this.random = seededRandom(faults.seed);
	}

	reset() {
		this.requests.length = 0;
		this.peakInFlight = 0;
		this.scripted.length = 0;
		if (this.lookupHold) this.holdLookups(this.lookupHold.until);
		this.resetState();
	}

	/** The next request that matches gets this answer instead of the vendor behaviour. */
	scriptNext(match: (request: RecordedRequest) => boolean, response: ScriptedResponse) {
		this.scripted.push({ match, response });
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.keepAliveTimeout = 5000;
		await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
		this.address = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
	}

	private async handle(req: IncomingMessage, res: ServerResponse) {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		let body: unknown = text;
		try {
			body = text === '' ? undefined : JSON.parse(text);
		} catch {
			// Left as text: the handler decides (JSON-RPC answers a parse error).
		}
		const request: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, receivedAt: now() };
		if (request.path.startsWith('/_sandbox/')) return this.send(res, this.control(request));
		this.requests.push(request);
		this.peakInFlight = Math.max(this.peakInFlight, ++this.inFlight);
		try {
			await this.respond(req, res, request);
		} finally {
			this.inFlight--;
		}
	}

	private async respond(req: IncomingMessage, res: ServerResponse, request: RecordedRequest) {
		if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
		const scriptedIndex = this.scripted.findIndex((entry) => entry.match(request));
		if (scriptedIndex >= 0) return this.send(res, this.scripted.splice(scriptedIndex, 1)[0].response, request);
		if (this.random() < this.faults.resetRate) {
			request.outcome = 'reset';
			return req.socket.destroy();
		}
		if (this.random() < this.faults.tooManyRequestsRate) {
			return this.send(res, { status: 429, headers: { 'retry-after': String(this.faults.retryAfterSeconds) } }, request);
		}
		if (this.random() < this.faults.serverErrorRate) {
			return this.send(res, { status: 503, body: { message: 'Service temporarily unavailable' } }, request);
		}
		await this.waitForLookups(request);
		const answer = await this.answer(request);
		if (answer.commit && this.random() < this.faults.dropAfterCommitRate) {
			request.outcome = 'dropped-after-commit';
			return req.socket.destroy();
		}
		this.send(res, answer, request);
	}

	private send(res: ServerResponse, response: ScriptedResponse, request?: RecordedRequest) {
		if (request) {
			request.outcome = response.status;
			request.answeredAt = now();
		}
		const payload = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
		res.writeHead(response.status, {
			...(payload && response.text === undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
			...response.headers,
		});
		res.end(payload);
	}

	private control(request: RecordedRequest): ScriptedResponse {
		const route = `${request.method} ${request.path.split('?')[0]}`;
		switch (route) {
			case 'GET /_sandbox/state':
				return { status: 200, body: this.state() };
			case 'GET /_sandbox/requests':
				return {
					status: 200,
					body: this.requests.map(({ method, path, body, outcome }) => ({ method, path, body, outcome })),
				};
			case 'GET /_sandbox/psa-export.csv':
				return { status: 200, text: psaExport(), headers: { 'content-type': 'text/csv; charset=utf-8' } };
			case 'POST /_sandbox/reset':
				this.reset();
				return { status: 200, body: { reset: true } };
			case 'POST /_sandbox/config': {
				const settings = (request.body ?? {}) as Record<string, unknown>;
				const faultKeys = Object.keys(NO_FAULTS);
				this.setFaults(Object.fromEntries(Object.entries(settings).filter(([key]) => faultKeys.includes(key))));
				if (typeof settings.holdLookupsUntil === 'number') this.holdLookups(settings.holdLookupsUntil);
				this.configure(settings);
				return { status: 200, body: { faults: this.faults } };
			}
			default:
				return { status: 404, body: { message: `No sandbox control ${route}` } };
		}
	}
}

/** Starts a server for one test and always stops it. */
export async function withServer<S extends LoopbackServer, T>(server: S, run: (server: S) => Promise<T>): Promise<T> {
	await server.start();
	try {
		return await run(server);
	} finally {
		await server.stop();
	}
}
