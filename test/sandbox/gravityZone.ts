import { randomBytes } from 'node:crypto';

import { DEPLOY_SEEDED_COMPANIES, deployRateClass, GzDeploy } from './gzDeploy';
import { createCompanyProblem, updateCompanyProblem } from './gzValidation';
import { type Answer, LoopbackServer, type RecordedRequest } from './loopbackServer';
import { RateLimiter } from './rateLimiter';

export const GZ_PARTNER_KEY = 'gz-test-partner-key-7f3a';
export const GZ_NO_COMPANIES_KEY = 'gz-test-key-without-companies-api';
/** The Partner company the sandbox key belongs to. */
export const GZ_ROOT_COMPANY = '5f0c8e1b2a3d4c5e6f708192';

const KEYS: Record<string, string[]> = {
	[GZ_PARTNER_KEY]: ['companies', 'general', 'network', 'licensing', 'packages', 'accounts'],
	[GZ_NO_COMPANIES_KEY]: ['general'],
};

/** Partner companies the documented examples name as parents. */
const SEEDED_PARTNERS: Array<[string, string]> = [
	['5518f5f3b1a43d357e7b23c6', 'Example Partner A'],
	['64259e19a1bf20af00069c', 'Example Partner B'],
	['64babaafab366c53d20c83ca', 'Example Partner C'],
];

export interface GzCompany {
	id: string;
	/** The createCompany params as received (licence included). */
	params: Record<string, unknown>;
	parentId: string;
	isSuspended: boolean;
	createdAt: string;
	/** One of the partners the sandbox starts with. */
	seeded?: true;
}

type Params = Record<string, unknown>;

const rpc = (id: unknown, result: unknown): Answer => ({ status: 200, body: { id, jsonrpc: '2.0', result } });

/** A JSON-RPC error as GravityZone sends it: with HTTP 200 and the readable text in data.details. */
export const rpcError = (id: unknown, code: number, message: string, details?: string): Answer => ({
	status: 200,
	body: { id, jsonrpc: '2.0', error: { code, message, data: details ? { details } : undefined } },
});

/** Matches a JSON-RPC request of this method (and, when given, for this company name). */
export const isRpc = (method: string, name?: string) => (request: RecordedRequest) => {
	const body = request.body as { method?: string; params?: { name?: string } } | undefined;
	return body?.method === method && (name === undefined || body.params?.name === name);
};

const invalidParams = (id: unknown, details: string) => rpcError(id, -32602, 'Invalid params', details);

/** Methods limited to 5 requests/s (the rest: 10/s). */
const SLOW_METHODS = new Set(['updateCompanyDetails', 'deleteCompany', 'suspendCompany', 'activateCompany']);

/** GravityZone's JSON-RPC APIs as documented: Basic auth, envelope checks, errors in HTTP 200, rate limits. */
export class GravityZoneServer extends LoopbackServer {
	readonly companies: GzCompany[] = [];

	private readonly limiter = new RateLimiter();

	readonly verificationCodes = new Map<string, string>();

	/** Packages, accounts, seats and usage (gzDeploy.ts). */
	readonly deploy = new GzDeploy({
		rootCompanyId: GZ_ROOT_COMPANY,
		name: (id) => this.find(id)?.params.name as string | undefined,
		license: (id) => this.find(id)?.params.licenseSubscription as Params | undefined,
		setLicense: (id, license) => {
			const company = this.find(id);
			if (company) company.params = { ...company.params, licenseSubscription: license };
		},
	});

	constructor(port = 0) {
		super(port);
		this.resetState();
	}

	/** Requests to one API (companies, general...), in order. */
	calls(api: string): RecordedRequest[] {
		return this.requests.filter((request) => request.path === `/api/v1.0/jsonrpc/${api}`);
	}

	/** Requests that called one JSON-RPC method, in order. */
	rpcCalls(method: string): RecordedRequest[] {
		return this.requests.filter((request) => (request.body as { method?: string } | undefined)?.method === method);
	}

	/** Companies created through the API (the seeded partners left out). */
	get created(): GzCompany[] {
		return this.companies.filter((company) => !company.seeded);
	}

	state() {
		return { companies: this.companies, rateLimit: this.limiter.settings, ...this.deploy.state() };
	}

	protected resetState() {
		this.companies.length = 0;
		this.verificationCodes.clear();
		this.limiter.reset();
		for (const [id, name] of SEEDED_PARTNERS) {
			this.companies.push({ id, params: { type: 0, name }, parentId: GZ_ROOT_COMPANY, isSuspended: false, createdAt: '2020-01-01T00:00:00Z', seeded: true });
		}
		for (const [id, name] of DEPLOY_SEEDED_COMPANIES) {
			this.companies.push({ id, params: { type: 1, name }, parentId: GZ_ROOT_COMPANY, isSuspended: false, createdAt: '2020-01-01T00:00:00Z', seeded: true });
		}
		this.deploy.reset();
	}

	protected lookupKey(request: RecordedRequest): string | undefined {
		const body = request.body as { method?: string; params?: { nameFilter?: unknown } } | undefined;
		return body?.method === 'findCompaniesByName' ? String(body.params?.nameFilter).toLowerCase() : undefined;
	}

	protected configure(settings: Record<string, unknown>) {
		if (typeof settings.rateLimitPerSecond === 'number') this.limiter.settings.perSecond = settings.rateLimitPerSecond;
		if (typeof settings.rateLimitQueue === 'number') this.limiter.settings.queue = settings.rateLimitQueue;
		if (typeof settings.rateLimit === 'boolean') this.limiter.settings.enabled = settings.rateLimit;
		this.deploy.configure(settings);
	}

	protected async answer(request: RecordedRequest): Promise<Answer> {
		const match = /^\/api\/v1\.0\/jsonrpc\/(companies|general|network|licensing|packages|accounts)$/.exec(request.path);
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
		const slow = SLOW_METHODS.has(body.method) || match[1] === 'licensing';
		const wait = this.limiter.admit(key, deployRateClass(match[1], body.method) ?? (slow ? 'slow' : 'default'));
		if (wait === 'rejected') return { status: 429, headers: { 'retry-after': '1' } };
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		const params = (typeof body.params === 'object' && body.params !== null ? body.params : {}) as Params;
		return this.call(`${match[1]}.${body.method}`, body.id, params, `http://${request.headers.host}/api`);
	}

	private find(id: unknown): GzCompany | undefined {
		return this.companies.find((company) => company.id === id);
	}

	private details(company: GzCompany) {
		const { licenseSubscription: _license, ...fields } = company.params;
		return { ...fields, id: company.id, parentId: company.parentId, isSuspended: company.isSuspended, createdAt: company.createdAt };
	}

	private call(method: string, id: unknown, params: Params, accessUrl: string): Answer {
		switch (method) {
			case 'general.getApiKeyDetails':
				return rpc(id, { companyId: GZ_ROOT_COMPANY, enabledApis: KEYS[GZ_PARTNER_KEY] });
			case 'general.generateEmailVerificationCode': {
				if (typeof params.email !== 'string' || params.purpose !== 1) return invalidParams(id, 'email and purpose 1 are required');
				this.verificationCodes.set(params.email, String(10_000_000 + this.verificationCodes.size));
				return rpc(id, null);
			}
			case 'companies.createCompany':
				return this.createCompany(id, params);
			case 'companies.getCompanyDetails': {
				const company = params.companyId === undefined ? undefined : this.find(params.companyId);
				// The key's own company, asked for by default or by its ID.
				if (params.companyId === undefined || params.companyId === GZ_ROOT_COMPANY) return rpc(id, { id: GZ_ROOT_COMPANY, name: 'Sandbox MSP', type: 0 });
				return company ? rpc(id, this.details(company)) : rpcError(id, -32000, 'Server error', 'Company not found');
			}
			case 'companies.findCompaniesByName':
				return this.findByName(id, params);
			case 'companies.updateCompanyDetails':
				return this.update(id, params);
			case 'companies.suspendCompany':
			case 'companies.activateCompany': {
				const company = this.find(params.companyId);
				if (!company) return rpcError(id, -32000, 'Server error', 'Company not found');
				company.isSuspended = method === 'companies.suspendCompany';
				return rpc(id, null);
			}
			case 'companies.deleteCompany': {
				const company = this.find(params.companyId);
				if (!company) return rpcError(id, -32000, 'Server error', 'Company not found');
				if (this.companies.some((child) => child.parentId === company.id)) {
					return rpcError(id, -32000, 'Server error', 'A partner company with sub-companies cannot be deleted');
				}
				this.companies.splice(this.companies.indexOf(company), 1);
				return rpc(id, null);
			}
			case 'network.getCompaniesList': {
				const parentId = params.parentId ?? GZ_ROOT_COMPANY;
				return rpc(id, this.companies.filter((company) => company.parentId === parentId).map((company) => ({ id: company.id, name: company.params.name })));
			}
			case 'licensing.getLicenseInfo':
				return this.licenseInfo(id, params);
			default:
				return this.deploy.call(method, id, params, accessUrl) ?? rpcError(id, -32601, 'Method not found');
		}
	}

	private createCompany(id: unknown, params: Params): Answer {
		const problem = createCompanyProblem(params);
		if (problem) return invalidParams(id, problem);
		if (this.companies.some((company) => String(company.params.name).toLowerCase() === String(params.name).toLowerCase())) {
			return rpcError(id, -32000, 'Server error', 'A company with the same name already exists');
		}
		const parentId = (params.parentId as string | undefined) ?? GZ_ROOT_COMPANY;
		const parent = this.find(parentId);
		if (parentId !== GZ_ROOT_COMPANY && (!parent || parent.params.type !== 0)) {
			return invalidParams(id, 'Invalid parameter "parentId": no such Partner company');
		}
		const company: GzCompany = { id: randomBytes(12).toString('hex'), params, parentId, isSuspended: false, createdAt: new Date().toISOString() };
		this.companies.push(company);
		return { ...rpc(id, company.id), commit: true };
	}

	private findByName(id: unknown, params: Params): Answer {
		const filter = params.nameFilter;
		const maxResults = params.maxResults ?? 25;
		if (typeof filter !== 'string' || filter === '') return invalidParams(id, 'nameFilter is required');
		if (typeof maxResults !== 'number' || maxResults < 1 || maxResults > 100) return invalidParams(id, 'maxResults must be 1..100');
		const anywhere = filter.startsWith('*');
		const needle = (anywhere ? filter.slice(1) : filter).toLowerCase();
		const found = this.companies.filter((company) => {
			const name = String(company.params.name).toLowerCase();
			return anywhere ? name.includes(needle) : name.startsWith(needle);
		});
		return rpc(id, found.slice(0, maxResults).map((company) => this.details(company)));
	}

	private update(id: unknown, params: Params): Answer {
		const problem = updateCompanyProblem(params);
		if (problem) return invalidParams(id, problem);
		const company = this.find(params.id);
		if (!company) return rpcError(id, -32000, 'Server error', 'Company not found');
		const { id: _id, ...changes } = params;
		company.params = { ...company.params, ...changes };
		return rpc(id, null);
	}

	private licenseInfo(id: unknown, params: Params): Answer {
		const company = params.companyId === undefined ? undefined : this.find(params.companyId);
		if (params.companyId !== undefined && !company) return rpcError(id, -32000, 'Server error', 'Company not found');
		// No licence at creation means a trial.
		const license = (company?.params.licenseSubscription ?? { type: 1 }) as Params;
		const { type, reservedSlots, ...rest } = license;
		return rpc(id, { subscriptionType: type, usedSlots: 0, totalSlots: reservedSlots ?? 0, ...rest });
	}
}
