import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * Failed requests are classified from what the vendor answered (status, headers, body) and from the
 * credentials' own login errors, never from the errors n8n wraps them in: their shape changed within
 * n8n 1.x (n8n-workflow 1.102-1.120 wipe the wrapped error), and so would what we read from them.
 * Every request asks n8n for the whole answer whatever its status (`askForFullAnswer`), so an HTTP
 * error reaches us as an answer, before n8n wraps anything; what n8n throws is then either a login
 * step error (handed over by `recordLoginFailure`) or a request that got no answer.
 */

/** What a failed request left behind. Holds no request data (headers, credentials). */
export interface HttpFailure {
	/** HTTP status, when an answer came back (or the login step said which one it got). */
	status?: number;
	/** The answer's body, parsed when it was JSON. */
	body?: unknown;
	retryAfter?: string;
	/** No answer came back (refused, reset, timed out...): the request may or may not have been processed. */
	noAnswer: boolean;
	/** Network error code such as ECONNREFUSED or ETIMEDOUT, when one could be read (for the wording only). */
	networkCode?: string;
	/** A short description of the failure (never contains the request). */
	message: string;
}

/** n8n's answer with `returnFullResponse` (the same in n8n 1.x and 2.x). */
interface FullAnswer {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** The same request, answered in full whatever the status: n8n throws only when no answer came back. */
export const askForFullAnswer = (request: IHttpRequestOptions): IHttpRequestOptions => ({
	...request,
	returnFullResponse: true,
	ignoreHttpStatusErrors: true,
});

const parseBody = (body: unknown): unknown => {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
};

/** The vendor answered with an HTTP error status. */
export class VendorAnswerError extends Error {
	readonly body: unknown;

	constructor(
		readonly status: number,
		body: unknown,
		readonly retryAfter?: string,
	) {
		super(`HTTP ${status}`);
		this.name = 'VendorAnswerError';
		this.body = parseBody(body);
	}
}

const isFullAnswer = (value: unknown): value is FullAnswer =>
	typeof value === 'object' && value !== null && typeof (value as FullAnswer).statusCode === 'number';

/** n8n answered in a form this package does not know: a bug to report, not a vendor failure. */
class UnexpectedAnswerError extends Error {}

/** The body of a 2xx answer; any other status becomes a VendorAnswerError. */
export function bodyOfSuccess(answer: unknown): unknown {
	if (!isFullAnswer(answer)) throw new UnexpectedAnswerError('n8n returned no full answer (returnFullResponse was not honoured)');
	if (answer.statusCode >= 200 && answer.statusCode < 300) return answer.body;
	const retryAfter = answer.headers?.['retry-after'];
	throw new VendorAnswerError(answer.statusCode, answer.body, retryAfter === undefined ? undefined : String(retryAfter));
}

/** The request got no answer. Keeps none of the HTTP client's error (its request data holds secrets). */
export class NoAnswerError extends Error {
	constructor(
		message: string,
		readonly networkCode?: string,
	) {
		super(message);
		this.name = 'NoAnswerError';
	}
}

const NETWORK_CODE = /^E[A-Z_]+$/;

/**
 * What n8n threw for a request without an answer. The network code only chooses the words: it is
 * found on the HTTP client's error (`code`) or on n8n's wrapper (`httpCode` in n8n-workflow 1.x).
 */
export function noAnswerError(error: unknown): NoAnswerError {
	let current = error as { message?: unknown; code?: unknown; httpCode?: unknown; cause?: unknown } | undefined;
	let message = '';
	let networkCode: string | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		for (const code of [current.code, current.httpCode]) {
			if (typeof code === 'string' && NETWORK_CODE.test(code)) networkCode = code;
		}
		if (typeof current.message === 'string' && current.message !== '') message = current.message;
		current = current.cause as typeof current;
	}
	return new NoAnswerError(message || 'no response came back', networkCode);
}

/** The error a credential's login step (its preAuthentication) throws. */
export class LoginStepError extends Error {
	constructor(
		message: string,
		name: string,
		/** The status the login got, when it got an answer. */
		readonly httpStatus?: number,
		/** The login got no answer: worth another try later. */
		readonly noAnswer = false,
		readonly code?: string,
	) {
		super(message);
		this.name = name;
	}
}

/**
 * A login step's request, answered in full whatever its status. No answer becomes the step's own
 * error `name` (never the HTTP client's error, whose request data holds the secret), in the words of
 * `unreachable`.
 */
export async function loginStepAnswer<Body>(
	send: (request: IHttpRequestOptions) => Promise<unknown>,
	request: IHttpRequestOptions,
	name: string,
	unreachable: (problem: string) => string,
): Promise<{ statusCode: number; body?: Body }> {
	let answer: unknown;
	let noAnswer: NoAnswerError | undefined;
	try {
		answer = await send(askForFullAnswer(request));
	} catch (error) {
		noAnswer = noAnswerError(error);
	}
	if (noAnswer) {
		const { networkCode } = noAnswer;
		throw new LoginStepError(unreachable(networkProblem({ networkCode })), name, undefined, true, networkCode);
	}
	if (!isFullAnswer(answer)) throw new LoginStepError('n8n returned no full answer (returnFullResponse was not honoured)', name);
	return answer as { statusCode: number; body?: Body };
}

/**
 * n8n wraps what a preAuthentication throws, and some 1.x versions drop it on the way: the login step
 * hands its error over here, keyed by the credential data n8n passed it (the node's shared copy).
 */
const loginFailures = new WeakMap<object, LoginStepError>();

export async function recordLoginFailure<T>(credentials: object, login: () => Promise<T>): Promise<T> {
	const attempt = login();
	attempt.catch((error: unknown) => {
		if (error instanceof LoginStepError) loginFailures.set(credentials, error);
	});
	return await attempt;
}

/**
 * Our own account of what n8n's httpRequestWithAuthentication threw for a request sent with the
 * credential data `credentials`: the answer's error, the login step's error, or no answer at all.
 */
export function ownFailure(error: unknown, credentials: object): Error {
	if (error instanceof VendorAnswerError || error instanceof UnexpectedAnswerError) return error;
	const loginFailure = loginFailures.get(credentials);
	if (loginFailure) {
		loginFailures.delete(credentials);
		return loginFailure;
	}
	return noAnswerError(error);
}

/** Reads one of our own failures (a VendorAnswerError, a LoginStepError, a NoAnswerError). */
export function httpFailure(error: unknown): HttpFailure {
	if (error instanceof VendorAnswerError) {
		return { status: error.status, body: error.body, retryAfter: error.retryAfter, noAnswer: false, message: error.message };
	}
	if (error instanceof LoginStepError) {
		return { status: error.httpStatus, noAnswer: error.noAnswer, networkCode: error.code, message: error.message };
	}
	if (error instanceof NoAnswerError) return { noAnswer: true, networkCode: error.networkCode, message: error.message };
	return { noAnswer: false, message: error instanceof Error ? error.message : String(error) };
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
export const networkProblem = (failure: Pick<HttpFailure, 'networkCode'>): string =>
	(failure.networkCode && NETWORK_WORDS[failure.networkCode]) ??
	(failure.networkCode ? 'the network request failed' : 'no response came back');

/** The credential's login step error of this name, or undefined. */
export function findCredentialStepError(error: unknown, name: string): LoginStepError | undefined {
	return error instanceof LoginStepError && error.name === name ? error : undefined;
}
