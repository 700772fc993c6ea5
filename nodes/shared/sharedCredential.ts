import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { askForFullAnswer, bodyOfSuccess, findCredentialStepError, httpFailure, ownFailure } from './httpFailure';
import { perExecution } from './perExecution';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * One decrypted copy of a credential per node execution, shared by all its items. It is handed to
 * n8n's httpRequestWithAuthentication, which then skips its per-request credential look-up and
 * decryption, and writes a fresh token (the credential's preAuthentication) into this copy, so that
 * every item sends the new token from then on.
 */
interface SharedCredential {
	decrypted: ICredentialsDecrypted & { data: ICredentialDataDecryptedObject };
	/** The login in progress: the other requests wait until it has a token (or has failed). */
	login?: { done: Promise<void>; finish: () => void };
	/** Whether the token field reports its changes (see watchToken). */
	watched?: boolean;
	/** A login the API refused: the remaining items fail with it instead of trying the secret again. */
	refused?: unknown;
}

function beginLogin(credential: SharedCredential) {
	let settle = () => {};
	const done = new Promise<void>((resolve) => (settle = resolve));
	const login = {
		done,
		finish: () => {
			if (credential.login === login) credential.login = undefined;
			settle();
		},
	};
	credential.login = login;
	return login;
}

/**
 * n8n writes the new token into the shared copy (Object.assign) as soon as the login has answered,
 * before it sends the request that logged in: an accessor on the token field lets the waiting
 * requests go then, one round trip earlier than that request's answer. Should n8n ever copy the
 * fields instead, they go when that request has its answer.
 */
function watchToken(credential: SharedCredential, field: string) {
	if (credential.watched) return;
	credential.watched = true;
	const fields = credential.decrypted.data;
	let token = fields[field];
	Object.defineProperty(fields, field, {
		enumerable: true,
		configurable: true,
		get: () => token,
		set: (value: ICredentialDataDecryptedObject[string]) => {
			token = value;
			if (value !== '' && value !== undefined) credential.login?.finish();
		},
	});
}

async function sharedCredential(ctx: Context, type: string): Promise<SharedCredential> {
	return await perExecution(ctx, `credential:${type}`, async () => {
		const data = await ctx.getCredentials(type);
		const details = ctx.getNode().credentials?.[type];
		return { decrypted: { id: details?.id ?? '', name: details?.name ?? '', type, data } };
	});
}

/** The credential's fields (read once per execution). */
export const credentialFields = async <T extends object = ICredentialDataDecryptedObject>(ctx: Context, type: string): Promise<T> =>
	(await sharedCredential(ctx, type)).decrypted.data as unknown as T;

export interface LoginStep {
	/** The credential's expirable field: n8n runs its preAuthentication (the login) when it is empty. */
	expirableField: string;
	/** The name of the error the credential's preAuthentication throws. */
	loginErrorName: string;
}

/** A login the API answered with a refusal (wrong secret, no access), not a network or server failure. */
function isLoginRefusal(error: unknown, loginErrorName: string): boolean {
	const status = findCredentialStepError(error, loginErrorName)?.httpStatus;
	return typeof status === 'number' && status < 500 && status !== 408 && status !== 429;
}

/**
 * Sends with n8n's httpRequestWithAuthentication and the execution's shared credential. By default
 * n8n logs in for every request that finds the token field empty or comes back 401: with items in
 * flight in parallel that is one login per item, and a wrong password tried once per item. Here one
 * request logs in while the others wait; a 401 empties the token once for all (unless another item
 * has already replaced it) and the request is sent again once; a refused login ends the others too.
 */
export async function sendAuthenticated(ctx: Context, type: string, login: LoginStep, request: IHttpRequestOptions): Promise<unknown> {
	const credential = await sharedCredential(ctx, type);
	watchToken(credential, login.expirableField);
	const fields = credential.decrypted.data;
	for (let attempt = 0; ; attempt++) {
		while (credential.login) await credential.login.done;
		if (credential.refused !== undefined) throw credential.refused;
		const tokenSent = fields[login.expirableField];
		const logsIn = tokenSent === '' || tokenSent === undefined;
		const ownLogin = logsIn ? beginLogin(credential) : undefined;
		let failed: unknown;
		try {
			// Every answer comes back (n8n neither throws on an HTTP error nor logs in again on its own
			// for a 401): status, headers and body are read here, the same in n8n 1.x and 2.x.
			const answer = await ctx.helpers.httpRequestWithAuthentication.call(ctx, type, askForFullAnswer(request), {
				credentialsDecrypted: credential.decrypted,
			});
			return bodyOfSuccess(answer);
		} catch (error) {
			failed = ownFailure(error, fields);
		} finally {
			ownLogin?.finish();
		}
		if (logsIn && isLoginRefusal(failed, login.loginErrorName)) credential.refused = failed;
		// A token that was fresh when refused, or a second 401, will not get better by logging in again.
		if (httpFailure(failed).status !== 401 || logsIn || attempt > 0) throw failed;
		if (fields[login.expirableField] === tokenSent) fields[login.expirableField] = '';
	}
}
