import { randomUUID } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, JsonObject } from 'n8n-workflow';
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
import { RATE_CLASSES, rateClassOf } from './rateClasses';
import { panelDescription } from '../../shared/errorText';

/** GravityZone's documented limit per API key (the default class; see rateClasses.ts for the others). */
export const GZ_REQUESTS_PER_SECOND = RATE_CLASSES.default.perSecond;

/** Methods that only read: sent again after a transient failure. */
const READ_METHODS = new Set([
	'findCompaniesByName',
	'getCompanyDetails',
	'getCompaniesList',
	'getLicenseInfo',
	'getApiKeyDetails',
	'getPackagesList',
	'getPackageDetails',
	'getInstallationLinks',
	'getAccountsList',
	'getMonthlyUsage',
	'getMonthlyUsagePerProductType',
]);

export type GravityZoneApi = 'companies' | 'general' | 'network' | 'licensing' | 'packages' | 'accounts';

const API_NAMES: Record<GravityZoneApi, string> = {
	companies: 'Companies API',
	general: 'General API',
	network: 'Network API',
	licensing: 'Licensing API',
	packages: 'Packages API',
	accounts: 'Accounts API',
};

const JSON_RPC_HINTS: Record<number, string> = {
	[-32700]: 'GravityZone could not parse the request: please report this as a bug of the node.',
	[-32600]: 'GravityZone found the request malformed: please report this as a bug of the node.',
	[-32601]: `The method is unknown at this Access URL: check the credential's Access URL and that the key has this API enabled.`,
	[-32602]: 'A parameter was rejected: check the field named in the details above.',
	[-32000]: 'GravityZone refused the request: the details above say why (for example, a name already in use).',
};

export function gravityZoneEndpoint(accessUrl: string, api: GravityZoneApi): string {
	return `${withoutTrailingSlashes(accessUrl)}/v1.0/jsonrpc/${api}`;
}

/** Calls one JSON-RPC 2.0 method and returns its `result`; every failure becomes a NodeApiError. */
export type GravityZoneContext = IExecuteFunctions | ILoadOptionsFunctions;

/** The request a call would send (for dry runs): no credentials in it. */
export async function gravityZoneRequest(ctx: GravityZoneContext, api: GravityZoneApi, method: string, params: IDataObject) {
	const { accessUrl } = await credentialFields<{ accessUrl: string }>(ctx, 'gravityZoneApi');
	const insecure = insecureUrlProblem(gravityZoneEndpoint(accessUrl, api));
	if (insecure) {
		throw new NodeOperationError(ctx.getNode(), `The credential's Access URL ${insecure}`, {
			description: "The API key travels with every request: use the https Access URL from GravityZone's My Account > API keys.",
		});
	}
	return {
		method: 'POST' as const,
		url: gravityZoneEndpoint(accessUrl, api),
		body: { id: randomUUID(), jsonrpc: '2.0', method, params },
	};
}

export async function callGravityZone(
	ctx: GravityZoneContext,
	api: GravityZoneApi,
	method: string,
	params: IDataObject,
	itemIndex?: number,
): Promise<unknown> {
	const request = await gravityZoneRequest(ctx, api, method, params);
	const { accessUrl, apiKey } = await credentialFields<{ accessUrl: string; apiKey: string }>(ctx, 'gravityZoneApi');
	const settings = await requestSettings(ctx, GZ_REQUESTS_PER_SECOND);
	const rateClass = rateClassOf(api, method);
	const bucket = credentialKey('gravityZone', accessUrl, apiKey, rateClass.name);
	let response: unknown;
	try {
		response = await sendWithPolicy(ctx, request, {
			credentialType: 'gravityZoneApi',
			bucket,
			perSecond: settings.requestsPerSecond * rateClass.share,
			timeoutMs: settings.timeoutMs,
			rateLimitWaitMs: settings.rateLimitWaitMs,
			isRead: READ_METHODS.has(method),
			login: { expirableField: 'apiKeyVerified', loginErrorName: 'ApiKeyCheckError' },
		});
	} catch (error) {
		throw gravityZoneError(ctx, error, api, method, itemIndex);
	}
	// JSON-RPC errors come back with HTTP 200: always look for `error`.
	if (isPlainObject(response) && isPlainObject(response.error)) {
		throw jsonRpcError(ctx, response.error, 200, method, itemIndex);
	}
	return isPlainObject(response) ? response.result : response;
}

function jsonRpcError(
	ctx: GravityZoneContext,
	rpcError: IDataObject,
	status: number,
	method: string,
	itemIndex?: number,
): NodeApiError {
	const code = typeof rpcError.code === 'number' ? rpcError.code : undefined;
	const data = isPlainObject(rpcError.data) ? rpcError.data : {};
	const details = typeof data.details === 'string' ? data.details : undefined;
	const vendorMessage = typeof rpcError.message === 'string' ? rpcError.message : 'Unknown error';
	const error = new NodeApiError(ctx.getNode(), { code, message: vendorMessage, data } as JsonObject, {
		message: `GravityZone ${method} failed: ${vendorMessage}${details ? ` - ${details}` : ''}`,
		description: panelDescription(
			...[details && `Details: ${details}`, `JSON-RPC error ${code ?? '(no code)'}. ${(code !== undefined && JSON_RPC_HINTS[code]) || ''}`.trim()].filter(
				(line): line is string => Boolean(line),
			),
		),
		httpCode: String(status),
		itemIndex,
	});
	error.context.code = code;
	return error;
}

function gravityZoneError(
	ctx: GravityZoneContext,
	error: unknown,
	api: GravityZoneApi,
	method: string,
	itemIndex?: number,
): NodeApiError {
	const failure = httpFailure(error);
	// A 4xx may still carry a JSON-RPC error body: it says the most.
	if (failure.status !== undefined && isPlainObject(failure.body) && isPlainObject(failure.body.error)) {
		return jsonRpcError(ctx, failure.body.error, failure.status, method, itemIndex);
	}
	const apiName = API_NAMES[api];
	let message: string;
	let description: string;
	const keyCheck = findCredentialStepError(error, 'ApiKeyCheckError');
	if (keyCheck) {
		return new NodeApiError(ctx.getNode(), { status: failure.status ?? null } as JsonObject, {
			message: keyCheck.message,
			description: "Check the 'Bitdefender GravityZone API' credential (Access URL and API key).",
			httpCode: failure.status !== undefined ? String(failure.status) : undefined,
			itemIndex,
		});
	}
	switch (failure.status) {
		case 401:
			message = 'GravityZone refused the API key (HTTP 401)';
			description =
				"Check the API key in the 'Bitdefender GravityZone API' credential: it must be a key of the GravityZone instance of the credential's Access URL.";
			break;
		case 403:
			message = `The API key may not use the ${apiName} (HTTP 403)`;
			description = `In GravityZone open My Account > API keys and enable the ${apiName} for this key${
				api === 'companies' ? '; creating companies needs the key of a Partner company' : ''
			}.`;
			break;
		case 404:
		case 405:
			message = `GravityZone did not find the ${apiName} (HTTP ${failure.status})`;
			description =
				"Check the credential's Access URL: copy it from My Account > API keys, e.g. https://cloud.gravityzone.bitdefender.com/api.";
			break;
		case 429:
			message = 'GravityZone rate limit reached (HTTP 429)';
			description = `GravityZone allows about 10 requests per second per API key${
				failure.retryAfter ? `; it asked to retry after ${failure.retryAfter} s` : ''
			}. Run fewer items at once or retry later.`;
			break;
		case undefined:
			message = failure.noAnswer
				? `Could not reach GravityZone: ${networkProblem(failure)}`
				: `GravityZone ${method} failed: ${failure.message}`;
			description = failure.noAnswer
				? `Check the credential's Access URL and this machine's network access to it${failure.networkCode ? ` (${failure.networkCode})` : ''}.`
				: 'Please report this as a bug of the node, with the n8n version.';
			break;
		default:
			message = `GravityZone ${method} failed (HTTP ${failure.status})`;
			description =
				failure.status >= 500
					? 'GravityZone had a server error. Try again later; if it persists, contact Bitdefender support.'
					: 'GravityZone refused the request.';
	}
	const nodeError = new NodeApiError(
		ctx.getNode(),
		{ status: failure.status ?? null } as JsonObject,
		{ message, description, httpCode: failure.status !== undefined ? String(failure.status) : undefined, itemIndex },
	);
	markAmbiguous(nodeError, failure);
	return nodeError;
}
