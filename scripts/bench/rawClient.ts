import axios, { type AxiosInstance } from 'axios';
import { createInterface } from 'node:readline';

import { ESET_PASSWORD, ESET_USER } from '../../test/sandbox/eset';
import { GZ_PARTNER_KEY } from '../../test/sandbox/gravityZone';

/**
 * The `raw` client: a plain axios loop, the floor the nodes are measured against. It runs as its own
 * process (started by bench.ts with n8n's Node 24) so that its CPU time and memory are its own. It
 * reads one job per line on stdin and answers each with one line of JSON on stdout.
 */
export interface RawJob {
	vendor: 'gravityZone' | 'eset';
	/** GravityZone: the server URL (no /api); ESET: the base URL. */
	url: string;
	customers: Array<{ name: string; city: string }>;
	concurrency: number;
	/** 0: no pacing. */
	requestsPerSecond: number;
}

export interface RawResult {
	ms: number;
	outcomes: Array<'ok' | 429 | number | 'error'>;
}

const http: AxiosInstance = axios.create({ validateStatus: () => true, timeout: 30_000 });

/** The same pacing as the nodes (nodes/shared/pacing.ts): one slot every 1000 / perSecond ms. */
function pacer(perSecond: number) {
	let next = 0;
	return async () => {
		if (!(perSecond > 0)) return;
		const now = Date.now();
		const slot = Math.max(now, next);
		next = slot + 1000 / perSecond;
		if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
	};
}

/** ESET: one token for the run, fetched again (once for all workers) when a request gets 401. */
function esetToken(baseUrl: string) {
	let token: Promise<string> | undefined;
	let value: string | undefined;
	const login = () => {
		value = undefined;
		token = (async () => {
			const response = await http.post(`${baseUrl}/api/Token/Get`, { username: ESET_USER, password: ESET_PASSWORD });
			if (response.status !== 200) throw new Error(`ESET login failed: HTTP ${response.status}`);
			value = String(response.data.accessToken);
			return value;
		})();
		return token;
	};
	return {
		get: async () => await (token ?? login()),
		/** The first worker to see `stale` refused logs in again; the others wait for that login. */
		renew: async (stale: string) => await (value === stale || token === undefined ? login() : token),
	};
}

async function run(job: RawJob): Promise<RawResult> {
	const pace = pacer(job.requestsPerSecond);
	const token = job.vendor === 'eset' ? esetToken(job.url) : undefined;
	const basic = `Basic ${Buffer.from(`${GZ_PARTNER_KEY}:`).toString('base64')}`;
	const send = async (customer: { name: string; city: string }, index: number, bearer?: string) => {
		await pace();
		if (job.vendor === 'gravityZone') {
			return await http.post(
				`${job.url}/api/v1.0/jsonrpc/companies`,
				{ id: String(index), jsonrpc: '2.0', method: 'createCompany', params: { type: 1, name: customer.name } },
				{ headers: { authorization: basic } },
			);
		}
		return await http.post(`${job.url}/api/Company/Create/customer`, { name: customer.name, address: { city: customer.city } }, { headers: { authorization: `Bearer ${bearer}` } });
	};
	const outcomes: RawResult['outcomes'] = new Array(job.customers.length);
	let next = 0;
	const worker = async () => {
		while (next < job.customers.length) {
			const index = next++;
			try {
				let bearer = token ? await token.get() : undefined;
				let response = await send(job.customers[index], index, bearer);
				if (response.status === 401 && token && bearer) {
					bearer = await token.renew(bearer);
					response = await send(job.customers[index], index, bearer);
				}
				const failed = response.status !== 200 || (job.vendor === 'gravityZone' && response.data?.error !== undefined);
				outcomes[index] = failed ? (response.status === 200 ? 'error' : response.status) : 'ok';
			} catch {
				outcomes[index] = 'error';
			}
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: job.concurrency }, worker));
	return { ms: performance.now() - started, outcomes };
}

if (require.main === module) {
	const lines = createInterface({ input: process.stdin });
	lines.on('line', (line) => {
		void run(JSON.parse(line) as RawJob).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
	});
}
