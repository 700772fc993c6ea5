import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isPlainObject } from '../../shared/collectBody';
import {
	findCredentialStepError,
	httpFailure,
	networkProblem,
	withoutTrailingSlashes,
} from '../../shared/httpFailure';
import { credentialKey, requestSettings, sendWithPolicy } from '../../shared/pacing';
import { credentialFields } from '../../shared/sharedCredential';
import { insecureUrlProblem, markAmbiguous } from '../../shared/requestPolicy';

/** POST calls that only read: sent again after a transient failure (as are all GETs). */
const READ_PATHS = new Set(['/api/Company/Detail', '/api/Company/Children', '/api/Company/Descendants', '/api/Search/Companies', '/api/Token/Check',
	'/api/Search/Licenses', '/api/License/Detail', '/api/UsageReport/Monthly/products', '/api/UsageReport/Monthly/categories',
	'/api/UsageReport/Daily/categories', '/api/UsageReport/SelectedCompanies/categories', '/api/UsageReport/AllCompanies/categories']);

/**
 * Calls the EMA 2 API with the credential's bearer token. n8n fetches the token through the
 * credential's preAuthentication; on a 401 one request logs in again for all the items in flight
 * and each refused request is sent once more (sendAuthenticated).
 */
export type EsetContext = IExecuteFunctions | ILoadOptionsFunctions;

/** The request a call would send (for dry runs): the bearer token is added only when sending. */
export async function esetRequest(ctx: EsetContext, method: IHttpRequestMethods, path: string, body?: IDataObject) {
	const { baseUrl } = await credentialFields<{ baseUrl: string }>(ctx, 'esetMspApi');
	const insecure = insecureUrlProblem(baseUrl);
	if (insecure) {
		throw new NodeOperationError(ctx.getNode(), `The credential's Base URL ${insecure}`, {
			description: 'The access token travels with every request: use https://mspapi.eset.com.',
		});
	}
	return { method, url: `${withoutTrailingSlashes(baseUrl)}${path}`, ...(body === undefined ? {} : { body }) };
}

export async function callEset(
	ctx: EsetContext,
	method: IHttpRequestMethods,
	path: string,
	body: IDataObject | undefined,
	itemIndex?: number,
): Promise<unknown> {
	const request = await esetRequest(ctx, method, path, body);
	const { baseUrl, username } = await credentialFields<{ baseUrl: string; username: string }>(ctx, 'esetMspApi');
	// EMA 2 documents no rate limit: no pacing unless the user sets one.
	const settings = await requestSettings(ctx, 0);
	const bucket = credentialKey('eset', baseUrl, username);
	try {
		return await sendWithPolicy(ctx, request, {
			credentialType: 'esetMspApi',
			bucket,
			perSecond: settings.requestsPerSecond,
			timeoutMs: settings.timeoutMs,
			rateLimitWaitMs: settings.rateLimitWaitMs,
			isRead: method === 'GET' || READ_PATHS.has(path),
			login: { expirableField: 'accessToken', loginErrorName: 'EsetLoginError' },
		});
	} catch (error) {
		throw esetError(ctx, error, path, itemIndex);
	}
}

/** Keys of an error body that are not field names. */
const ENVELOPE_KEYS = ['code', 'subCode', 'message', 'title', 'detail', 'status', 'type', 'traceId', 'instance'];

/** "name: Name is required; address.city: ..." from an ASP.NET-style `{"field": ["message"]}` map. */
function listFieldErrors(body: unknown): string | undefined {
	if (!isPlainObject(body)) return undefined;
	const map = isPlainObject(body.errors) ? body.errors : body;
	const lines = Object.entries(map)
		.filter(([key]) => !ENVELOPE_KEYS.includes(key))
		.filter(([, messages]) => Array.isArray(messages) || typeof messages === 'string')
		.map(([field, messages]) => `${field}: ${([] as unknown[]).concat(messages).join(' ')}`);
	return lines.length > 0 ? lines.join('; ') : undefined;
}

function esetError(ctx: EsetContext, error: unknown, path: string, itemIndex?: number): NodeApiError {
	const failure = httpFailure(error);
	const body = isPlainObject(failure.body) ? failure.body : {};
	const code = typeof body.code === 'number' ? body.code : undefined;
	const subCode = typeof body.subCode === 'number' ? body.subCode : undefined;
	const vendorText = [body.message, body.title, body.detail].find((text) => typeof text === 'string') as
		| string
		| undefined;
	const login = findCredentialStepError(error, 'EsetLoginError');
	let message: string;
	let description: string;
	if (login) {
		message = login.message;
		description = "Check the e-mail and password in the 'ESET MSP Administrator 2 API' credential.";
	} else if (failure.status === 400) {
		const fields = listFieldErrors(failure.body);
		message = `ESET rejected the request${fields ? `: ${fields}` : vendorText ? `: ${vendorText}` : ''}`;
		description = 'Fix the fields ESET named (HTTP 400) and run the item again.';
	} else if (failure.status === 401) {
		message = 'ESET refused the access token even after a fresh login (HTTP 401)';
		description =
			'Check the e-mail and password in the credential and that API access is enabled for this user (your ESET distributor enables it).';
	} else if (failure.status === 403 && code === 99 && subCode === 1) {
		message = `ESET did not find ${path} (HTTP 403, code 99/1)`;
		description = "Check the credential's Base URL (default https://mspapi.eset.com).";
	} else if (failure.status === 403) {
		message = 'This ESET user may not do this (HTTP 403)';
		description =
			'The user needs Write permission on the company concerned (for a new customer: on its parent company).';
	} else if (failure.status === 404) {
		message = `ESET did not find ${path} (HTTP 404)`;
		description = "Check the credential's Base URL (default https://mspapi.eset.com).";
	} else if (failure.status === 503 && code === 99 && subCode === 2) {
		message = 'ESET MSP Administrator 2 is in maintenance (HTTP 503, code 99/2)';
		description = 'Try again later.';
	} else if (failure.status === 429) {
		message = 'ESET rate limit reached (HTTP 429)';
		description = `Run fewer items at once or retry later${failure.retryAfter ? ` (ESET asked to wait ${failure.retryAfter} s)` : ''}.`;
	} else if (failure.status !== undefined) {
		message = `ESET request ${path} failed (HTTP ${failure.status})${vendorText ? `: ${vendorText}` : ''}`;
		description =
			failure.status === 500
				? 'ESET had a server error; it can also mean the user is not allowed to do this. Check the permissions, then retry.'
				: 'ESET refused the request.';
	} else if (!failure.noAnswer) {
		message = `ESET request ${path} failed: ${failure.message}`;
		description = 'Please report this as a bug of the node, with the n8n version.';
	} else {
		message = `Could not reach ESET MSP: ${networkProblem(failure)}`;
		description = `Check the credential's Base URL and this machine's network access to it${
			failure.networkCode ? ` (${failure.networkCode})` : ''
		}.`;
	}
	if (code !== undefined) description += ` ESET error code ${code}${subCode !== undefined ? `/${subCode}` : ''}.`;
	const nodeError = new NodeApiError(
		ctx.getNode(),
		{ status: failure.status ?? null, code: code ?? null, subCode: subCode ?? null } as JsonObject,
		{ message, description, httpCode: failure.status !== undefined ? String(failure.status) : undefined, itemIndex },
	);
	nodeError.context.code = code;
	nodeError.context.subCode = subCode;
	if (!login) markAmbiguous(nodeError, failure);
	return nodeError;
}
