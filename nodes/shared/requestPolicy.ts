import { sleep } from 'n8n-workflow';

import { httpFailure } from './httpFailure';

/** No request waits longer than this for an answer. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** 429 handling: how often to wait and send again, and the longest Retry-After honoured. */
export const MAX_RATE_LIMIT_RETRIES = 5;
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

/**
 * Sends, and on HTTP 429 waits for Retry-After and sends again (up to MAX_RATE_LIMIT_RETRIES times).
 * A 429 means the request was not processed, so repeating it is safe, creates included.
 */
export async function retryWhenRateLimited<T>(send: () => Promise<T>): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		let failed: unknown;
		try {
			return await send();
		} catch (error) {
			failed = error;
		}
		const failure = httpFailure(failed);
		if (failure.status !== 429 || attempt >= MAX_RATE_LIMIT_RETRIES) throw failed;
		await sleep(retryAfterMs(failure.retryAfter));
	}
}
