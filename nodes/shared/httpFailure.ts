/** What a failed request left behind, whatever layer of n8n wrapped it. Holds no request data. */
export interface HttpFailure {
	/** HTTP status, when a response came back (or the login step said which one it got). */
	status?: number;
	/** The response body, parsed when it was JSON. */
	body?: unknown;
	retryAfter?: string;
	/** Network error code such as ECONNREFUSED or ETIMEDOUT. */
	networkCode?: string;
	/** The innermost error message (never contains the request: that is not read here). */
	message: string;
}

type ErrorLike = {
	message?: string;
	cause?: unknown;
	code?: string;
	httpStatus?: number;
	response?: { status?: number; data?: unknown; body?: unknown; headers?: Record<string, unknown> };
};

const parseBody = (body: unknown): unknown => {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
};

/** Walks the cause chain of n8n's NodeApiError down to the HTTP client's error. */
export function httpFailure(error: unknown): HttpFailure {
	let current = error as ErrorLike | undefined;
	const failure: HttpFailure = { message: '' };
	for (let depth = 0; current && depth < 6; depth++) {
		if (current.response?.status !== undefined && failure.status === undefined) {
			failure.status = current.response.status;
			failure.body = parseBody(current.response.data ?? current.response.body);
			const retryAfter = current.response.headers?.['retry-after'];
			if (retryAfter !== undefined) failure.retryAfter = String(retryAfter);
		}
		if (typeof current.httpStatus === 'number' && failure.status === undefined) {
			failure.status = current.httpStatus;
		}
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) {
			failure.networkCode = current.code;
		}
		if (typeof current.message === 'string' && current.message !== '') failure.message = current.message;
		current = current.cause as ErrorLike | undefined;
	}
	return failure;
}

/** "https://host/api/" -> "https://host/api": the credential's URL may end in slashes. */
export const withoutTrailingSlashes = (url: string): string => url.trim().replace(/\/+$/, '');

const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved',
	ETIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	EHOSTUNREACH: 'the host is unreachable',
};

/**
 * Network failures in words. n8n's NodeApiError replaces any message that contains a raw code such
 * as ECONNREFUSED with a generic text, so the code itself belongs in the description only.
 */
export const networkProblem = (failure: HttpFailure): string =>
	(failure.networkCode && NETWORK_WORDS[failure.networkCode]) ??
	(failure.networkCode ? 'the network request failed' : 'no response came back');

/** The error a credential's login step threw (found by name), wherever n8n wrapped it. */
export function findCredentialStepError(error: unknown, name: string): Error | undefined {
	let current = error as (Error & { cause?: unknown }) | undefined;
	for (let depth = 0; current && depth < 6; depth++) {
		if (current.name === name) return current;
		current = current.cause as (Error & { cause?: unknown }) | undefined;
	}
	return undefined;
}
