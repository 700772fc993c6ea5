import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { randomUUID } from 'node:crypto';

import { gravityZoneEndpoint } from '../nodes/GravityZone/transport/jsonRpc';
import { LoginStepError, loginStepAnswer, recordLoginFailure } from '../nodes/shared/httpFailure';
import { insecureUrlProblem, REQUEST_TIMEOUT_MS } from '../nodes/shared/requestPolicy';

/** A login-step error: carries the status the key check got (not `response`, which would make n8n retry it). */
const keyCheckError = (message: string, httpStatus?: number) => new LoginStepError(message, 'ApiKeyCheckError', httpStatus);

export class GravityZoneApi implements ICredentialType {
	name = 'gravityZoneApi';

	displayName = 'Bitdefender GravityZone API';

	icon = { light: 'file:../icons/gravityzone.svg', dark: 'file:../icons/gravityzone.dark.svg' } as const;

	documentationUrl =
		'https://www.bitdefender.com/business/support/en/77209-125277-public-api.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Access URL',
			name: 'accessUrl',
			type: 'string',
			default: 'https://cloud.gravityzone.bitdefender.com/api',
			required: true,
			description:
				'The Access URL shown in GravityZone under My Account > API keys (it differs per cloud, e.g. cloudgz. or cloudap.)',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An API key from My Account > API keys with the Companies API enabled (and the General API for the connection test; the Packages, Accounts and Licensing APIs for those operations). Creating companies needs the key of a Partner company.',
		},
		{
			// Filled by preAuthentication: the declarative credential test cannot read a JSON-RPC error
			// that comes back with HTTP 200, but preAuthentication can and fails with GravityZone's message.
			displayName: 'API Key Verified',
			name: 'apiKeyVerified',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await recordLoginFailure(credentials, async () => await checkApiKey(this, credentials));
	}

	// A function rather than {{ }} expressions, which n8n would evaluate for every request (about a
	// millisecond of CPU each in n8n 2.x). Basic auth: the API key as user name, an empty password.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, auth: { username: credentials.apiKey as string, password: '' } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.accessUrl.replace(/\\/+$/, "")}}',
			url: '/v1.0/jsonrpc/general',
			method: 'POST',
			body: { id: 'n8n-credential-test', jsonrpc: '2.0', method: 'getApiKeyDetails', params: {} },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'GravityZone refused the API key: check the key and the Access URL' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The API key may not use the General API: enable it under My Account > API keys',
				},
			},
		],
	};
}

/** getApiKeyDetails on the General API; reads the answer itself, whatever its status. */
async function checkApiKey(http: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
	const url = gravityZoneEndpoint(credentials.accessUrl as string, 'general');
	const insecure = insecureUrlProblem(url);
	if (insecure) throw keyCheckError(`The Access URL ${insecure}: the API key is not sent over it`);
	const { statusCode: status, body } = await loginStepAnswer<{ error?: { message?: string; data?: { details?: string } } }>(
		async (request) => await http.helpers.httpRequest(request),
		{
			method: 'POST',
			url,
			timeout: REQUEST_TIMEOUT_MS,
			auth: { username: credentials.apiKey as string, password: '' },
			body: { id: randomUUID(), jsonrpc: '2.0', method: 'getApiKeyDetails', params: {} },
			json: true,
		},
		'ApiKeyCheckError',
		(problem) => `Could not reach GravityZone: ${problem}. Check the Access URL`,
	);
	if (status === 401) {
		throw keyCheckError('GravityZone refused the API key (HTTP 401): check the key and that it belongs to the instance of this Access URL', 401);
	}
	if (status === 403) {
		throw keyCheckError('The API key may not use the General API (HTTP 403): enable it for this key under My Account > API keys', 403);
	}
	if (status < 200 || status >= 300) throw keyCheckError(`GravityZone answered HTTP ${status} to the API key check: check the Access URL`, status);
	const rpcError = body?.error;
	if (rpcError) {
		const details = rpcError.data?.details;
		throw keyCheckError(`GravityZone: ${rpcError.message ?? 'unknown error'}${details ? ` - ${details}` : ''}`, 200);
	}
	return { apiKeyVerified: new Date().toISOString() };
}
