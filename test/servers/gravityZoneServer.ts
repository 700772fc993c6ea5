import { randomBytes } from 'node:crypto';

import { LoopbackServer, type RecordedRequest, type ScriptedResponse } from './loopbackServer';

export const GZ_PARTNER_KEY = 'gz-test-partner-key-7f3a';
export const GZ_NO_COMPANIES_KEY = 'gz-test-key-without-companies-api';

const KEYS: Record<string, string[]> = {
	[GZ_PARTNER_KEY]: ['companies', 'general', 'network', 'licensing'],
	[GZ_NO_COMPANIES_KEY]: ['general'],
};

export interface GzCompany {
	id: string;
	params: Record<string, unknown>;
}

const rpc = (id: unknown, result: unknown): ScriptedResponse => ({ status: 200, body: { id, jsonrpc: '2.0', result } });

export const rpcError = (id: unknown, code: number, message: string, details?: string): ScriptedResponse => ({
	status: 200,
	body: { id, jsonrpc: '2.0', error: { code, message, data: details ? { details } : undefined } },
});

/** GravityZone's JSON-RPC endpoints as documented: Basic auth, envelope checks, errors in HTTP 200. */
export class GravityZoneServer extends LoopbackServer {
	readonly companies: GzCompany[] = [];

	constructor() {
		super((request) => this.answer(request));
	}

	/** Requests to one API (companies, general...), in order. */
	calls(api: string): RecordedRequest[] {
		return this.requests.filter((request) => request.path === `/api/v1.0/jsonrpc/${api}`);
	}

	private answer(request: RecordedRequest): ScriptedResponse {
		const match = /^\/api\/v1\.0\/jsonrpc\/(companies|general|network|licensing)$/.exec(request.path);
		if (!match) return { status: 404, body: { message: 'Not found' } };
		if (request.method !== 'POST') return { status: 405 };
		const auth = request.headers.authorization ?? '';
		const [key, password] = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('utf8').split(':');
		if (!auth.startsWith('Basic ') || password !== '' || !KEYS[key]) return { status: 401 };
		if (!KEYS[key].includes(match[1])) return { status: 403 };
		const body = request.body as { id?: unknown; jsonrpc?: unknown; method?: unknown; params?: unknown };
		if (typeof body !== 'object' || body === null) return rpcError(null, -32700, 'Parse error');
		if (body.jsonrpc !== '2.0' || typeof body.method !== 'string' || body.id === undefined) {
			return rpcError(body.id ?? null, -32600, 'Invalid Request');
		}
		const params = (body.params ?? {}) as Record<string, unknown>;
		switch (`${match[1]}.${body.method}`) {
			case 'general.getApiKeyDetails':
				return rpc(body.id, { enabledApis: KEYS[key], userId: '5518f5f3b1a43d357e7b23c6' });
			case 'companies.createCompany':
				return this.createCompany(body.id, params);
			default:
				return rpcError(body.id, -32601, 'Method not found');
		}
	}

	private createCompany(id: unknown, params: Record<string, unknown>): ScriptedResponse {
		if (params.type !== 0 && params.type !== 1) {
			return rpcError(id, -32602, 'Invalid params', 'Invalid parameter "type"');
		}
		if (typeof params.name !== 'string' || params.name.length === 0 || params.name.length > 64) {
			return rpcError(id, -32602, 'Invalid params', 'The "name" parameter is required and must not exceed 64 characters');
		}
		if (this.companies.some((company) => company.params.name === params.name)) {
			return rpcError(id, -32000, 'Server error', 'A company with the same name already exists');
		}
		const company = { id: randomBytes(12).toString('hex'), params };
		this.companies.push(company);
		return rpc(id, company.id);
	}
}
