import { randomUUID } from 'node:crypto';

import { EsetLicenseApi, type LicenseShapes, type SandboxLicense } from './esetLicenses';
import { type Answer, LoopbackServer, type RecordedRequest } from './loopbackServer';

export const ESET_USER = 'api-user@msp.example';
export const ESET_PASSWORD = 'S3cret-Eset-Pa55word!';
/** The logged-in user's own company (an MSP). */
export const ESET_ROOT_COMPANY = '11111111-2222-3333-4444-555555555555';
/** A managed MSP under it: the documented create example names it as the parent. */
export const ESET_EXAMPLE_PARENT = 'B8D40DEC-7773-45D2-A2B2-86642A7E5852';

export interface EsetServerOptions extends LicenseShapes {
	/** How long an access token lives (the docs say 1 minute). */
	tokenLifetimeMs?: number;
	/** The create call's answer: a bare JSON string (default) or an object with this key. */
	companyIdShape?: 'string' | 'companyId' | 'publicId' | 'id';
	/** Some client code reads `AccessToken`: the login answer's key casing. */
	tokenKey?: 'accessToken' | 'AccessToken';
	/** How Search/Companies answers (undocumented, see SEARCH_SHAPES); default `search`. */
	searchShape?: SearchShape;
}

/**
 * Search/Companies answers as the public clients that met the API read them: `search` (a C# client's
 * model, without customIdentifier and parentCompanyId), `Search` with `Paging.TotalCount` (a PHP tool;
 * PascalCase entries here); also `companies` with full details (this sandbox's first guess), a bare list.
 */
export const SEARCH_SHAPES = ['search', 'Search', 'companies', 'bare'] as const;
export type SearchShape = (typeof SEARCH_SHAPES)[number];

export interface EsetCompany {
	companyId: string;
	parentCompanyId: string | null;
	/** EntityTypes: 1006 MSP, 1007 MSP Customer. */
	type: number;
	status: 'Active' | 'Suspended';
	created: string;
	modified: string;
	body: Record<string, unknown>;
	licenses: SandboxLicense[];
}

const ENTITY_TYPES = [
	[1001, 'HQ'], [1002, 'Distributor'], [1003, 'Reseller'], [1004, 'Company'], [1005, 'Customer'], [1006, 'MSP'], [1007, 'MSP Customer'],
];
const ADDRESS_KEYS = ['state', 'city', 'streetAddress', 'zipCode'];
const TEXT_KEYS = ['name', 'email', 'customIdentifier', 'comment', 'vatId', 'description'];
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ok = (body?: unknown): Answer => ({ status: 200, body });
const badRequest = (errors: Record<string, string[]>): Answer => ({ status: 400, body: errors });
const notFound = (): Answer => ({ status: 404, body: { code: 10, subCode: 1, message: 'Company not found' } });

/** EMA 2 as documented: expiring bearer tokens, the company calls around create, and the licence calls (esetLicenses.ts). */
export class EsetServer extends LoopbackServer {
	readonly companies: EsetCompany[] = [];

	readonly issuedTokens: string[] = [];

	/** Every access and refresh token any ESET sandbox in this process issued (for the secrets scan). */
	static readonly secretsIssued = new Set<string>();

	private readonly tokens = new Map<string, number>();

	private readonly refreshTokens = new Set<string>();

	private readonly operations = new Map<string, string>();

	private readonly licenseApi: EsetLicenseApi;

	constructor(
		private readonly options: EsetServerOptions = {},
		port = 0,
	) {
		super(port);
		this.licenseApi = new EsetLicenseApi(this.companies, this.options);
		this.resetState();
	}

	get logins(): number {
		return this.requests.filter((request) => request.path === '/api/Token/Get').length;
	}

	/** Customers created through the API (the seeded companies left out). */
	get created(): EsetCompany[] {
		return this.companies.filter((company) => company.type === 1007);
	}

	calls(path: string): RecordedRequest[] {
		return this.requests.filter((request) => request.path === path);
	}

	state() {
		return { companies: this.companies, tokenLifetimeMs: this.options.tokenLifetimeMs ?? 60_000, logins: this.logins };
	}

	protected resetState() {
		this.companies.length = 0;
		this.tokens.clear();
		this.refreshTokens.clear();
		this.operations.clear();
		const seeded = (companyId: string, parentCompanyId: string | null, name: string): EsetCompany => ({
			companyId, parentCompanyId, type: 1006, status: 'Active', created: '2020-01-01T00:00:00Z', modified: '2020-01-01T00:00:00Z',
			body: { name, address: { city: 'Bratislava' } }, licenses: [],
		});
		this.companies.push(seeded(ESET_ROOT_COMPANY, null, 'Sandbox MSP'), seeded(ESET_EXAMPLE_PARENT, ESET_ROOT_COMPANY, 'Example Managed MSP'));
	}

	protected configure(settings: Record<string, unknown>) {
		if (typeof settings.tokenLifetimeMs === 'number') this.options.tokenLifetimeMs = settings.tokenLifetimeMs;
		if (typeof settings.licenseListShape === 'string') this.options.licenseListShape = settings.licenseListShape as LicenseShapes['licenseListShape'];
		if (typeof settings.usageReportShape === 'string') this.options.usageReportShape = settings.usageReportShape as LicenseShapes['usageReportShape'];
		if (SEARCH_SHAPES.includes(settings.searchShape as SearchShape)) this.options.searchShape = settings.searchShape as SearchShape;
	}

	private issueTokens() {
		const expiresAt = Date.now() + (this.options.tokenLifetimeMs ?? 60_000);
		const payload = { sub: ESET_USER, exp: Math.floor(expiresAt / 1000), jti: randomUUID() };
		const accessToken = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(payload)}.c2lnbmF0dXJl`;
		const refreshToken = randomUUID();
		this.tokens.set(accessToken, expiresAt);
		this.refreshTokens.add(refreshToken);
		this.issuedTokens.push(accessToken);
		EsetServer.secretsIssued.add(accessToken).add(refreshToken);
		return ok({ [this.options.tokenKey ?? 'accessToken']: accessToken, refreshToken });
	}

	private find(companyId: unknown): EsetCompany | undefined {
		return this.companies.find((company) => company.companyId.toLowerCase() === String(companyId).toLowerCase());
	}

	private summary(company: EsetCompany) {
		return { publicId: company.companyId, name: company.body.name, type: company.type, email: company.body.email ?? null, status: company.status };
	}

	private detail(company: EsetCompany) {
		return { ...company.body, companyId: company.companyId, parentCompanyId: company.parentCompanyId, type: company.type, status: company.status, created: company.created, modified: company.modified };
	}

	protected lookupKey(request: RecordedRequest): string | undefined {
		const search = (request.body as { search?: unknown } | undefined)?.search;
		return request.path === '/api/Search/Companies' ? JSON.stringify(search).toLowerCase() : undefined;
	}

	protected answer(request: RecordedRequest): Answer {
		const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
		const route = `${request.method} ${request.path}`;
		if (route === 'POST /api/Token/Get') {
			return body.username === ESET_USER && body.password === ESET_PASSWORD ? this.issueTokens() : { status: 401 };
		}
		if (route === 'POST /api/Token/Renew') {
			if (!this.refreshTokens.delete(String(body.refreshToken))) return { status: 401 };
			return this.issueTokens();
		}
		if (route === 'POST /api/Token/Check') return ok((this.tokens.get(String(body.accessToken)) ?? 0) > Date.now());
		const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
		const expiresAt = this.tokens.get(token);
		if (expiresAt === undefined || expiresAt < Date.now()) return { status: 401 };
		return this.authorized(route, request.path, body);
	}

	private authorized(route: string, path: string, body: Record<string, unknown>): Answer {
		switch (route) {
			case 'GET /api/User/Current':
				return ok({ email: ESET_USER, company: { companyId: ESET_ROOT_COMPANY, name: 'Sandbox MSP', type: 1006 } });
			case 'GET /api/Enum/EntityTypes':
				return ok(ENTITY_TYPES.map(([id, name]) => ({ id, name })));
			case 'POST /api/Company/Create/customer':
				return this.createCustomer(body);
			case 'POST /api/Company/Children':
			case 'POST /api/Company/Descendants':
				return this.children(body, route.endsWith('Descendants'));
			case 'POST /api/Company/Detail': {
				const company = this.find(body.companyId);
				return company ? ok(this.detail(company)) : notFound();
			}
			case 'POST /api/Search/Companies':
				return this.search(body);
			case 'POST /api/Company/Update/customer':
				return this.updateCustomer(body);
			case 'POST /api/Company/Suspend':
			case 'POST /api/Company/Unsuspend': {
				const company = this.find(body.companyId);
				if (!company) return notFound();
				company.status = route.endsWith('/Suspend') ? 'Suspended' : 'Active';
				const operationId = randomUUID();
				this.operations.set(operationId, 'Finished');
				return ok(operationId);
			}
			case 'POST /api/Company/Delete': {
				const company = this.find(body.companyId);
				if (!company) return notFound();
				if (company.status !== 'Suspended') return { status: 400, body: { code: 20, subCode: 4, message: 'Only a suspended company can be deleted' } };
				this.companies.splice(this.companies.indexOf(company), 1);
				return { status: 200 };
			}
		}
		const license = this.licenseApi.answer(route, body);
		if (license) return license;
		const operation = /^GET \/api\/Operation\/(.+)$/.exec(route);
		if (operation && this.operations.has(operation[1])) return ok({ operationId: operation[1], state: this.operations.get(operation[1]) });
		return { status: 403, body: { code: 99, subCode: 1, message: `Page not found: ${path}` } };
	}

	private createCustomer(body: Record<string, unknown>): Answer {
		const errors: Record<string, string[]> = {};
		if (typeof body.name !== 'string' || body.name.trim() === '') errors.name = ['The Name field is required.'];
		const address = body.address as Record<string, unknown> | undefined;
		if (typeof address !== 'object' || address === null) errors.address = ['The Address field is required.'];
		if ('tags' in body && (!Array.isArray(body.tags) || body.tags.length === 0)) errors.tags = ['Tags must not be empty.'];
		const parentCompanyId = (body.parentCompanyId as string | undefined) ?? ESET_ROOT_COMPANY;
		if (!this.find(parentCompanyId)) errors.parentCompanyId = ['The parent company was not found.'];
		if (Object.keys(errors).length > 0) return badRequest(errors);
		const parent = this.find(parentCompanyId)!;
		if (this.companies.some((company) => company.parentCompanyId === parent.companyId && company.body.name === body.name)) {
			return badRequest({ name: ['A company with this name already exists.'] });
		}
		const now = new Date().toISOString();
		const companyId = randomUUID().toUpperCase();
		this.companies.push({ companyId, parentCompanyId: parent.companyId, type: 1007, status: 'Active', created: now, modified: now, body, licenses: [] });
		const shape = this.options.companyIdShape ?? 'string';
		return { ...ok(shape === 'string' ? companyId : { [shape]: companyId }), commit: true };
	}

	private paging(body: Record<string, unknown>): [number, number] | string {
		const skip = body.skip ?? 0;
		const take = body.take ?? 100;
		if (!Number.isInteger(skip) || (skip as number) < 0) return 'skip must be 0 or more';
		if (!Number.isInteger(take) || (take as number) < 1 || (take as number) > 100) return 'take must be 1..100';
		return [skip as number, take as number];
	}

	private children(body: Record<string, unknown>, descendants: boolean): Answer {
		const page = this.paging(body);
		if (typeof page === 'string') return badRequest({ take: [page] });
		const root = this.find(body.companyId ?? ESET_ROOT_COMPANY);
		if (!root) return notFound();
		const under = (parentId: string): EsetCompany[] =>
			this.companies.filter((company) => company.parentCompanyId === parentId).flatMap((company) => [company, ...(descendants ? under(company.companyId) : [])]);
		const all = under(root.companyId);
		return ok({ companies: all.slice(page[0], page[0] + page[1]).map((company) => this.summary(company)), totalCount: all.length });
	}

	private search(body: Record<string, unknown>): Answer {
		const page = this.paging(body);
		if (typeof page === 'string') return badRequest({ take: [page] });
		const search = (body.search ?? {}) as Record<string, unknown>;
		const columns: Record<number, (company: EsetCompany) => unknown> = {
			0: (company) => company.body.name, 1: (company) => company.companyId, 2: (company) => company.created,
			3: (company) => company.modified, 5: (company) => company.body.customIdentifier, 6: (company) => company.type,
		};
		const found = this.companies.filter((company) =>
			Object.entries(search).every(([keyword, cols]) =>
				(Array.isArray(cols) ? cols : [0]).some((column) =>
					String(columns[column as number]?.(company) ?? '').toLowerCase().includes(keyword.toLowerCase()),
				),
			),
		);
		const slice = found.slice(page[0], page[0] + page[1]);
		const entry = (company: EsetCompany) => ({
			name: company.body.name, state: company.status, companyId: company.companyId, email: company.body.email ?? null, type: company.type, description: company.body.description ?? null,
		});
		const pascal = (company: EsetCompany) => Object.fromEntries(Object.entries(entry(company)).map(([key, value]) => [key[0].toUpperCase() + key.slice(1), value]));
		switch (this.options.searchShape ?? 'search') {
			case 'search':
				return ok({ search: slice.map(entry), paging: { skip: page[0], take: page[1], totalCount: found.length } });
			case 'Search':
				return ok({ Search: slice.map(pascal), Paging: { Skip: page[0], Take: page[1], TotalCount: found.length } });
			case 'companies':
				return ok({ companies: slice.map((company) => this.detail(company)), totalCount: found.length });
			case 'bare':
				return ok(slice.map(entry));
		}
	}

	private updateCustomer(body: Record<string, unknown>): Answer {
		const company = this.find(body.companyId);
		if (!company) return notFound();
		if (company.type !== 1007) return { status: 403, body: { code: 20, subCode: 1, message: 'Not a customer' } };
		const stored = company.body;
		// A field sent empty erases the stored value; an omitted field is kept.
		for (const key of TEXT_KEYS) if (key in body) stored[key] = body[key] === '' ? null : body[key];
		if (typeof body.address === 'object' && body.address !== null) {
			const address = { ...((stored.address as Record<string, unknown>) ?? {}) };
			for (const key of ADDRESS_KEYS) {
				const value = (body.address as Record<string, unknown>)[key];
				if (value !== undefined) address[key] = value === '' ? null : value;
			}
			stored.address = address;
		}
		const tags = new Set(((stored.tags as Array<{ tag: string }>) ?? []).map((entry) => entry.tag));
		for (const entry of (body.tagsToAdd as Array<{ tag: string }>) ?? []) tags.add(entry.tag);
		for (const entry of (body.tagsToRemove as Array<{ tag: string }>) ?? []) tags.delete(entry.tag);
		stored.tags = [...tags].map((tag) => ({ tag }));
		company.modified = new Date().toISOString();
		return { status: 200 };
	}
}
