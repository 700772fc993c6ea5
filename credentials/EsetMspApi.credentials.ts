import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { LoginStepError, loginStepAnswer, recordLoginFailure, withoutTrailingSlashes } from '../nodes/shared/httpFailure';
import { insecureUrlProblem, REQUEST_TIMEOUT_MS } from '../nodes/shared/requestPolicy';

/** A login error: carries the status the login got (not `response`, which would make n8n log in again). */
const loginError = (message: string, httpStatus?: number) => new LoginStepError(message, 'EsetLoginError', httpStatus);

export const ESET_LOGIN_REFUSED =
	'ESET MSP Administrator 2 refused the login: wrong e-mail or password, or the user is not API-enabled (the API does not say which; API access is enabled by your ESET distributor)';

export class EsetMspApi implements ICredentialType {
	name = 'esetMspApi';

	displayName = 'ESET MSP Administrator 2 API';

	icon = { light: 'file:../icons/eset.svg', dark: 'file:../icons/eset.dark.svg' } as const;

	documentationUrl = 'https://help.eset.com/ema2/en-US/api.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://mspapi.eset.com',
			required: true,
			description: 'The EMA 2 API address; keep the default unless ESET gave you another one',
		},
		{
			displayName: 'Username (Email)',
			name: 'username',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'E-mail of an EMA 2 user that is API-enabled (your ESET distributor enables API access)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			// Access tokens live about a minute: n8n fills this through preAuthentication when it is empty;
			// the node empties it when a request comes back 401 (nodes/shared/sharedCredential.ts).
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await recordLoginFailure(credentials, async () => await logIn(this, credentials));
	}

	// A function rather than {{ }} expressions, which n8n would evaluate for every request (about a
	// millisecond of CPU each in n8n 2.x).
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken as string}` } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/User/Current',
			method: 'GET',
		},
	};
}

/** POST /api/Token/Get; reads the answer itself, whatever its status. */
async function logIn(http: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
	const insecure = insecureUrlProblem(credentials.baseUrl as string);
	if (insecure) throw loginError(`The Base URL ${insecure}: the password is not sent over it`);
	const { statusCode: status, body } = await loginStepAnswer<{ accessToken?: string; AccessToken?: string }>(
		async (request) => await http.helpers.httpRequest(request),
		{
			method: 'POST',
			url: `${withoutTrailingSlashes(credentials.baseUrl as string)}/api/Token/Get`,
			body: { username: credentials.username, password: credentials.password },
			json: true,
			timeout: REQUEST_TIMEOUT_MS,
		},
		'EsetLoginError',
		(problem) => `Could not reach ESET MSP: ${problem}. Check the Base URL`,
	);
	if (status === 401 || status === 400 || status === 403) throw loginError(`${ESET_LOGIN_REFUSED} (HTTP ${status})`, status);
	if (status < 200 || status >= 300) {
		throw loginError(`ESET MSP login failed with HTTP ${status}: check the Base URL${status === 503 ? ', or try later (maintenance)' : ''}`, status);
	}
	const accessToken = body?.accessToken ?? body?.AccessToken;
	if (typeof accessToken !== 'string' || accessToken === '') {
		throw loginError('ESET MSP login answered without an access token: check the Base URL');
	}
	return { accessToken };
}
