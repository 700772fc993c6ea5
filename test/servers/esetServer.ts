import { randomUUID } from 'node:crypto';

import { LoopbackServer, type RecordedRequest, type ScriptedResponse } from './loopbackServer';

export const ESET_USER = 'api-user@msp.example';
export const ESET_PASSWORD = 'S3cret-Eset-Pa55word!';
export const ESET_ROOT_COMPANY = '11111111-2222-3333-4444-555555555555';

export interface EsetServerOptions {
	/** How long an access token lives (the docs say 1 minute). */
	tokenLifetimeMs?: number;
	/** The create call's answer: a bare JSON string (default) or an object with this key. */
	companyIdShape?: 'string' | 'companyId' | 'publicId' | 'id';
	/** Some client code reads `AccessToken`: the login answer's key casing. */
	tokenKey?: 'accessToken' | 'AccessToken';
}

export interface EsetCompany {
	companyId: string;
	parentCompanyId: string;
	body: Record<string, unknown>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** EMA 2 as documented: Token/Get, bearer tokens that expire, User/Current and Create/customer. */
export class EsetServer extends LoopbackServer {
	readonly companies: EsetCompany[] = [];

	readonly issuedTokens: string[] = [];

	private readonly tokens = new Map<string, number>();

	constructor(private readonly options: EsetServerOptions = {}) {
		super((request) => this.answer(request));
	}

	get logins(): number {
		return this.requests.filter((request) => request.path === '/api/Token/Get').length;
	}

	calls(path: string): RecordedRequest[] {
		return this.requests.filter((request) => request.path === path);
	}

	private issueToken(): string {
		const expiresAt = Date.now() + (this.options.tokenLifetimeMs ?? 60_000);
		const token = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url({
			sub: ESET_USER,
			exp: Math.floor(expiresAt / 1000),
			jti: randomUUID(),
		})}.c2lnbmF0dXJl`;
		this.tokens.set(token, expiresAt);
		this.issuedTokens.push(token);
		return token;
	}

	private answer(request: RecordedRequest): ScriptedResponse {
		const body = (request.body ?? {}) as Record<string, unknown>;
		if (request.path === '/api/Token/Get' && request.method === 'POST') {
			if (body.username !== ESET_USER || body.password !== ESET_PASSWORD) return { status: 401 };
			return { status: 200, body: { [this.options.tokenKey ?? 'accessToken']: this.issueToken(), refreshToken: randomUUID() } };
		}
		const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
		const expiresAt = this.tokens.get(token);
		if (expiresAt === undefined || expiresAt < Date.now()) return { status: 401 };
		if (request.path === '/api/User/Current' && request.method === 'GET') {
			return {
				status: 200,
				body: { email: ESET_USER, company: { companyId: ESET_ROOT_COMPANY, name: 'Test MSP', type: 1006 } },
			};
		}
		if (request.path === '/api/Company/Create/customer' && request.method === 'POST') {
			return this.createCustomer(body);
		}
		return { status: 403, body: { code: 99, subCode: 1, message: 'Page not found' } };
	}

	private createCustomer(body: Record<string, unknown>): ScriptedResponse {
		const errors: Record<string, string[]> = {};
		if (typeof body.name !== 'string' || body.name.trim() === '') errors.name = ['The Name field is required.'];
		if (typeof body.address !== 'object' || body.address === null) errors.address = ['The Address field is required.'];
		if (Array.isArray(body.tags) && body.tags.length === 0) errors.tags = ['Tags must not be empty.'];
		if (Object.keys(errors).length > 0) return { status: 400, body: errors };
		const parentCompanyId = (body.parentCompanyId as string | undefined) ?? ESET_ROOT_COMPANY;
		const sibling = this.companies.find(
			(company) => company.parentCompanyId === parentCompanyId && company.body.name === body.name,
		);
		if (sibling) return { status: 400, body: { name: ['A company with this name already exists.'] } };
		const companyId = randomUUID().toUpperCase();
		this.companies.push({ companyId, parentCompanyId, body });
		const shape = this.options.companyIdShape ?? 'string';
		return { status: 200, body: shape === 'string' ? companyId : { [shape]: companyId } };
	}
}
