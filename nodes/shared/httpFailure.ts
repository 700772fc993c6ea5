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
