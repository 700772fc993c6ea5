import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { type HttpFailure, httpFailure } from './httpFailure';

/** No request waits longer than this for an answer. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** 429 handling: how long one request may keep waiting out 429s, and the longest Retry-After honoured. */
export const RATE_LIMIT_BUDGET_MS = 120_000;
export const MAX_RETRY_AFTER_MS = 30_000;

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Secrets travel with every request, so vendor URLs must be https; plain http is accepted only for a
 * loopback host (a local sandbox). Returns the broken rule, or undefined.
 */
export function insecureUrlProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `is not a URL (got "${url}")`;
	}
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol === 'http:' && isLoopback(parsed.hostname.replace(/^\[|\]$/g, ''))) return undefined;
	return `must start with https:// (plain http only for localhost), got "${parsed.protocol}//${parsed.host}"`;
}

/** Retry-After in seconds or as an HTTP date; 1 s when absent; never more than MAX_RETRY_AFTER_MS. */
export function retryAfterMs(retryAfter: string | undefined): number {
	if (retryAfter === undefined) return 1000;
	const seconds = Number(retryAfter);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
	return Math.min(Math.max(Number.isFinite(ms) ? ms : 1000, 0), MAX_RETRY_AFTER_MS);
}

/** Sends; after a failure, `waitBeforeRetry` says how long to wait before sending again, or to stop. */
async function retrying<T>(send: () => Promise<T>, waitBeforeRetry: (error: unknown, attempt: number) => number | undefined): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		let failed: unknown;
		try {
			return await send();
		} catch (error) {
			failed = error;
		}
		const wait = waitBeforeRetry(failed, attempt);
		if (wait === undefined) throw failed;
		await sleep(wait);
	}
}

/**
 * Sends, and on HTTP 429 tells `onRateLimited` (which pauses the request's bucket for the Retry-After)
 * and sends again, for up to `budgetMs` from the first 429 on; then the 429 surfaces. A 429 means the
 * request was not processed, so repeating it is safe, creates included.
 */
export async function retryWhenRateLimited<T>(
	send: () => Promise<T>,
	onRateLimited: (retryAfterMs: number) => void,
	budgetMs = RATE_LIMIT_BUDGET_MS,
): Promise<T> {
	let firstAt: number | undefined;
	return await retrying(send, (error) => {
		const failure = httpFailure(error);
		if (failure.status !== 429) return undefined;
		const wait = retryAfterMs(failure.retryAfter);
		firstAt ??= Date.now();
		if (Date.now() - firstAt + wait > budgetMs) return undefined;
		onRateLimited(wait);
		// The bucket's pause holds the next send back; `send` waits for it.
		return 0;
	});
}

/** Reads that fail with a 5xx, a reset or a timeout are sent again this many times, backing off. */
export const MAX_TRANSIENT_RETRIES = 3;

/** No answer (reset, timeout, refused) or a server error: the request may or may not have been processed. */
export function isTransient(failure: HttpFailure): boolean {
	return failure.status === undefined ? failure.noAnswer : failure.status >= 500;
}

/** Exponential backoff with jitter: about 0.25 s, 0.5 s, 1 s... never above 8 s. */
export const backoffMs = (attempt: number) => Math.min(8000, 250 * 2 ** attempt) * (0.5 + Math.random() / 2);

/**
 * Sends again after a transient failure, when `safeToRepeat` says so: for reads always; for writes only
 * when the failure came from the credential's login step, before the write itself went out.
 */
export async function retryTransientFailures<T>(send: () => Promise<T>, safeToRepeat: (error: unknown) => boolean = () => true): Promise<T> {
	return await retrying(send, (error, attempt) =>
		isTransient(httpFailure(error)) && safeToRepeat(error) && attempt < MAX_TRANSIENT_RETRIES ? backoffMs(attempt) : undefined,
	);
}

/** Marks a mapped API error whose request may have been processed although no answer said so. */
export const markAmbiguous = (error: { context: Record<string, unknown> }, failure: HttpFailure) => {
	if (isTransient(failure)) error.context.ambiguous = true;
};

export const isAmbiguous = (error: unknown) =>
	(error as { context?: { ambiguous?: unknown } } | undefined)?.context?.ambiguous === true;

/** How often a create whose outcome was unknown is looked up and, when absent, sent again. */
export const MAX_AMBIGUOUS_CREATE_RETRIES = 3;

/**
 * Statuses that refuse the request before the vendor could judge the company (credential, permission,
 * address, rate limit): a look-up after them could not find what the create would have duplicated.
 */
const NOT_A_JUDGEMENT = new Set([401, 403, 404, 405, 407, 408, 429]);

/** The vendor answered the create and refused it (a JSON-RPC error, a 4xx...), whatever its words. */
export function isRefusal(error: unknown): boolean {
	const httpCode = Number((error as { httpCode?: unknown } | undefined)?.httpCode);
	return Number.isInteger(httpCode) && !NOT_A_JUDGEMENT.has(httpCode) && !isAmbiguous(error);
}

/**
 * After a refusal, when to look again (ms from the refusal): another process's create of the same
 * company may still be on its way to being visible.
 */
export const LOOKUPS_AFTER_REFUSAL_MS = [0, 300, 900, 2000];

async function findAfterRefusal(lookup: () => Promise<IDataObject | undefined>, refusal: unknown): Promise<IDataObject> {
	const refusedAt = Date.now();
	for (const at of LOOKUPS_AFTER_REFUSAL_MS) {
		const wait = refusedAt + at - Date.now();
		if (wait > 0) await sleep(wait);
		let existing: IDataObject | undefined;
		try {
			existing = await lookup();
		} catch (lookupError) {
			const error = refusal as { description?: string | null };
			error.description = `${error.description ?? ''} (Looking for an existing company after the refusal failed too: ${(lookupError as Error).message})`.trim();
			throw refusal;
		}
		if (existing) return existing;
	}
	throw refusal;
}

/**
 * Creates are never repeated blindly: after a failure that leaves the outcome unknown (no answer, or a
 * 5xx), the company is looked up by its find-or-create key; found, it is returned; absent, the create
 * is sent again. Without a lookup (Create Anyway), or when the tries run out, the item stops with the
 * API error and a note that the company may exist (`howToCheck` says how to find it).
 *
 * The vendor's own uniqueness rule is the lock that all n8n processes share: when the vendor refuses
 * the create (whatever its words; neither vendor documents its duplicate refusal), the company is
 * looked up again for a couple of seconds. Found, it is returned as existing (`afterRefusal`: another
 * process created it since our look-up); not found, the refusal stands.
 */
export async function createWithoutDuplicates<T>(
	send: () => Promise<T>,
	lookup: (() => Promise<IDataObject | undefined>) | undefined,
	howToCheck: string,
): Promise<{ created: T } | { existing: IDataObject; afterRefusal: boolean }> {
	for (let attempt = 0; ; attempt++) {
		let failed: unknown;
		try {
			return { created: await send() };
		} catch (error) {
			failed = error;
		}
		if (lookup && isRefusal(failed)) return { existing: await findAfterRefusal(lookup, failed), afterRefusal: true };
		if (!isAmbiguous(failed)) throw failed;
		// Looked up after every unknown outcome, the last try's too: its create may be the one that went through.
		const existing = lookup ? await lookup() : undefined;
		if (existing) return { existing, afterRefusal: false };
		if (!lookup || attempt >= MAX_AMBIGUOUS_CREATE_RETRIES) {
			const error = failed as { description?: string | null };
			error.description = `${error.description ?? ''} The create may have gone through: ${howToCheck} before running this item again.`.trim();
			throw failed;
		}
	}
}
