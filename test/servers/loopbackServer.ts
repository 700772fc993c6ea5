import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: unknown;
}

export interface ScriptedResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (request: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>;

/**
 * A loopback HTTP server that records every request and answers through a vendor handler; tests can
 * queue scripted answers that take precedence (an error class, a malformed body...).
 */
export class LoopbackServer {
	readonly requests: RecordedRequest[] = [];

	private readonly scripted: Array<{ match: (request: RecordedRequest) => boolean; response: ScriptedResponse }> = [];

	private server?: Server;

	private address?: string;

	/** Added to every answer, to make a batch outlive a short token. */
	latencyMs = 0;

	constructor(private readonly handler: Handler) {}

	/** Stays valid after stop(), so a test can aim at a port nothing listens on. */
	get url(): string {
		if (!this.address) throw new Error('Server not started');
		return this.address;
	}

	/** The next request that matches gets this answer instead of the vendor behaviour. */
	scriptNext(match: (request: RecordedRequest) => boolean, response: ScriptedResponse) {
		this.scripted.push({ match, response });
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.address = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this;
	}

	async stop(): Promise<void> {
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
		const request: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
		this.requests.push(request);
		const scriptedIndex = this.scripted.findIndex((entry) => entry.match(request));
		const response =
			scriptedIndex >= 0 ? this.scripted.splice(scriptedIndex, 1)[0].response : await this.handler(request);
		if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
		const payload = response.body === undefined ? '' : JSON.stringify(response.body);
		res.writeHead(response.status, {
			...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
			...response.headers,
		});
		res.end(payload);
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
