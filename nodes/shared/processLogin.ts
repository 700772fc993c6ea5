import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * The login of a credential, shared by every execution in this n8n process whose credential has the
 * same contents (type, URL, user, secret...): one login per token lifetime and process, however many
 * executions run at once. The key is a hash of the contents, so an edited password or another
 * tenant's credential never gets this token. The token stays in this process's memory; n8n still
 * writes it into the stored credential (the preAuthentication result), as before. Other processes
 * (queue-mode workers) log in on their own.
 */
export interface ProcessLogin {
	/** The token the latest login in this process brought; undefined when none is known (or it expired). */
	token?: unknown;
	/** The login in progress: the other requests wait for its token instead of logging in themselves. */
	inProgress?: { done: Promise<void>; finish: () => void };
}

const logins = new Map<string, ProcessLogin>();

/** The process's login for credentials with these contents (the expirable token field left out). */
export function processLoginFor(type: string, data: ICredentialDataDecryptedObject, tokenField: string): ProcessLogin {
	const contents = Object.keys(data)
		.filter((key) => key !== tokenField)
		.sort()
		.map((key) => [key, data[key]]);
	const key = createHash('sha256').update(JSON.stringify([type, contents])).digest('hex');
	let login = logins.get(key);
	if (!login) logins.set(key, (login = {}));
	return login;
}

export function beginLogin(login: ProcessLogin) {
	let settle = () => {};
	const done = new Promise<void>((resolve) => (settle = resolve));
	const inProgress = {
		done,
		finish: () => {
			if (login.inProgress === inProgress) login.inProgress = undefined;
			settle();
		},
	};
	login.inProgress = inProgress;
	return inProgress;
}
