import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { askForFullAnswer, bodyOfSuccess, findCredentialStepError, httpFailure, ownFailure } from './httpFailure';
import { perExecution } from './perExecution';
import { beginLogin, type ProcessLogin, processLoginFor } from './processLogin';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * One decrypted copy of a credential per node execution, shared by all its items. It is handed to
 * n8n's httpRequestWithAuthentication, which then skips its per-request credential look-up and
 * decryption, and writes a fresh token (the credential's preAuthentication) into this copy. The login
 * itself is shared wider, by every execution in this process with the same credential (processLogin.ts).
 */
interface SharedCredential {
	decrypted: ICredentialsDecrypted & { data: ICredentialDataDecryptedObject };
	/** The process-wide login of credentials with these contents; set by watchToken. */
	login?: ProcessLogin;
	/** A login the API refused: the remaining items fail with it instead of trying the secret again. */
	refused?: unknown;
}

/**
 * n8n writes the new token into the execution's copy (Object.assign) as soon as the login has
 * answered, before it sends the request that logged in: an accessor on the token field makes it the
 * process's token then and lets the waiting requests go, one round trip earlier than that request's
 * answer. Should n8n ever copy the fields instead, they go when that request has its answer.
 */
function watchToken(credential: SharedCredential, field: string): ProcessLogin {
	if (credential.login) return credential.login;
	const fields = credential.decrypted.data;
	const login = processLoginFor(credential.decrypted.type, fields, field);
	credential.login = login;
	let token = fields[field];
	Object.defineProperty(fields, field, {
		enumerable: true,
		configurable: true,
		get: () => token,
		set: (value: ICredentialDataDecryptedObject[string]) => {
			token = value;
			if (value === '' || value === undefined || value === login.token) return;
			login.token = value;
			login.inProgress?.finish();
		},
	});
	return login;
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

/** How often one request renews a token that other requests' logins got before it gives up. */
const MAX_TOKEN_RENEWALS = 4;

/** The pacing of the request's bucket (pacing.ts): a login is a request with the same key too. */
export interface Pacer {
	turn(): Promise<void>;
	/** A login's turn, ahead of the requests waiting for its token. */
	loginTurn(): Promise<void>;
	/** The login answered: the request that logged in leaves right behind it. */
	loggedIn(): void;
}

/**
 * Sends with n8n's httpRequestWithAuthentication and the execution's shared credential. By default
 * n8n logs in for every request that finds the token field empty or comes back 401: with items (and
 * executions) in flight in parallel that is one login per item, and a wrong password tried once per
 * item. Here one request logs in while the others of this process wait; a 401 empties the token once
 * for all (unless another request has already replaced it) and the request is sent again once; a
 * refused login ends the execution's other items too.
 */
export async function sendAuthenticated(
	ctx: Context,
	type: string,
	login: LoginStep,
	request: IHttpRequestOptions,
	pacer?: Pacer,
): Promise<unknown> {
	const credential = await sharedCredential(ctx, type);
	const shared = watchToken(credential, login.expirableField);
	const fields = credential.decrypted.data;
	for (let attempt = 0; ; attempt++) {
		// No login of this process in progress, and the request's turn. A turn that came while another
		// request logged in is given up for a new one: the token would release all such turns at once.
		do {
			while (shared.inProgress) await shared.inProgress.done;
			await pacer?.turn();
		} while (shared.inProgress);
		if (credential.refused !== undefined) throw credential.refused;
		// The process's latest token (maybe another execution's login) beats the one this execution read.
		if (shared.token !== undefined) fields[login.expirableField] = shared.token as ICredentialDataDecryptedObject[string];
		const tokenSent = fields[login.expirableField];
		const logsIn = tokenSent === '' || tokenSent === undefined;
		const ownLogin = logsIn ? beginLogin(shared) : undefined;
		let failed: unknown;
		try {
			if (ownLogin && pacer) {
				await pacer.loginTurn();
				void ownLogin.done.then(() => pacer.loggedIn());
			}
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
		// A token this request's own login just got will not get better by logging in again. A token another
		// request got may have expired while this one waited for its turn (a 429 pause can outlast a token):
		// it is renewed, a few times at most.
		if (httpFailure(failed).status !== 401 || logsIn || attempt >= MAX_TOKEN_RENEWALS) throw failed;
		if (fields[login.expirableField] === tokenSent) fields[login.expirableField] = '';
		if (shared.token === tokenSent) shared.token = undefined;
	}
}
