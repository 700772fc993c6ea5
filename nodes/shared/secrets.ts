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

/**
 * Removes secrets from an error before n8n shows or logs it: every text in the error and what it
 * carries (message, description, stack, cause, the vendor's answer), in case a vendor repeats a
 * password it refused.
 */
export function redactSecrets<T>(error: T, secrets: string[]): T {
	if (secrets.length === 0) return error;
	const redact = (text: string) => secrets.reduce((current, secret) => current.split(secret).join(MASKED), text);
	const seen = new WeakSet<object>();
	const walk = (holder: Record<string, unknown>) => {
		if (seen.has(holder)) return;
		seen.add(holder);
		for (const key of new Set([...Object.keys(holder), 'message', 'description', 'stack', 'cause'])) {
			// `node` is the workflow's node definition (n8n hands out a copy): not the error's text.
			if (key === 'node') continue;
			const value = holder[key];
			if (typeof value === 'string') {
				const clean = redact(value);
				if (clean !== value) holder[key] = clean;
			} else if (typeof value === 'object' && value !== null) {
				walk(value as Record<string, unknown>);
			}
		}
	};
	if (typeof error === 'object' && error !== null) walk(error as Record<string, unknown>);
	return error;
}
