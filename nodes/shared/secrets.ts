import type { IDataObject } from 'n8n-workflow';

import type { ApiField } from './apiFields';
import { isPlainObject } from './collectBody';

/** What a Dry Run shows instead of a password. */
export const MASKED = '********';

/** Walks the declared secret fields of a body: `visit(value, holder, key)` for each one that is set. */
function eachSecret(fields: ApiField[], body: IDataObject, visit: (value: unknown, holder: IDataObject, key: string) => void) {
	for (const field of fields) {
		const value = body[field.key];
		if (value === undefined) continue;
		if (field.secret) visit(value, body, field.key);
		else if (field.type === 'object' && isPlainObject(value)) eachSecret(field.fields ?? [], value, visit);
	}
}

/** A copy of the body with every declared secret (a password) masked: what a Dry Run shows. */
export function maskSecrets(fields: ApiField[], body: IDataObject): IDataObject {
	const copy = JSON.parse(JSON.stringify(body)) as IDataObject;
	eachSecret(fields, copy, (_value, holder, key) => (holder[key] = MASKED));
	return copy;
}

/** The secret values set in a body (texts only; an empty one hides nothing). */
export function secretValues(fields: ApiField[], body: IDataObject): string[] {
	const values: string[] = [];
	eachSecret(fields, body, (value) => {
		if (typeof value === 'string' && value !== '') values.push(value);
	});
	return values;
}

/** The keys of every declared secret field (at any depth). */
export function secretKeys(fields: ApiField[]): Set<string> {
	const keys = new Set<string>();
	const visit = (level: ApiField[]) => level.forEach((field) => (field.secret ? keys.add(field.key) : visit(field.fields ?? [])));
	visit(fields);
	return keys;
}

/**
 * The secrets typed into a node as fixed values: texts under one of `keys` anywhere in its parameters
 * (an expression is left out: its text is no secret, and its value is not in the parameters).
 */
export function typedSecrets(parameters: unknown, keys: Set<string>): string[] {
	const found: string[] = [];
	const visit = (value: unknown) => {
		if (typeof value !== 'object' || value === null) return;
		for (const [key, child] of Object.entries(value)) {
			if (keys.has(key) && typeof child === 'string' && child !== '' && !child.startsWith('=')) found.push(child);
			else visit(child);
		}
	};
	visit(parameters);
	return found;
}

/**
 * Below this length a value cannot be a password the node sends (both documented rules ask for at least
 * 6 characters): masking it in a text would only garble the message ("l" in every word).
 */
const SHORTEST_SENT_SECRET = 6;

/**
 * Removes secrets from an error before n8n shows, stores or logs it: every text in the error and what it
 * carries (message, description, stack, cause, the vendor's answer), in case a vendor repeats a password
 * it refused; and the node n8n attaches (a copy of the workflow's node, whose parameters hold what was
 * typed into the password fields) is replaced by a copy with the values under `keys` masked.
 */
export function redactSecrets<T>(error: T, secrets: string[], keys: Set<string> = new Set()): T {
	const sent = secrets.filter((secret) => secret.length >= SHORTEST_SENT_SECRET);
	const redact = (text: string) => sent.reduce((current, secret) => current.split(secret).join(MASKED), text);
	const seen = new WeakSet<object>();
	const walk = (holder: Record<string, unknown>, inNode: boolean) => {
		if (seen.has(holder)) return;
		seen.add(holder);
		for (const key of new Set([...Object.keys(holder), 'message', 'description', 'stack', 'cause'])) {
			const value = holder[key];
			if (typeof value === 'string') {
				const clean = inNode && keys.has(key) && value !== '' && !value.startsWith('=') ? MASKED : redact(value);
				if (clean !== value) holder[key] = clean;
			} else if (key === 'node' && !inNode && isPlainObject(value)) {
				const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
				walk(copy, true);
				holder[key] = copy;
			} else if (typeof value === 'object' && value !== null) {
				walk(value as Record<string, unknown>, inNode);
			}
		}
	};
	if (typeof error === 'object' && error !== null && (sent.length > 0 || keys.size > 0)) walk(error as Record<string, unknown>, false);
	return error;
}
