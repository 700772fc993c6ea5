import type { IDataObject } from 'n8n-workflow';

import type { ApiField } from './apiFields';
import { isPlainObject } from './collectBody';

/** One broken rule: where in the body, and the rule in words ("must be at most 64 characters"). */
export interface Violation {
	path: string[];
	rule: string;
}

// local@domain; no TLD list (the vendors' own examples use ".local").
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HTML_TAG = /<\/?[a-z!][^>]*>/i;

function isRealDate(value: string): boolean {
	const match = DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const FORMAT_RULES = {
	email: { test: (value: string) => EMAIL.test(value), rule: 'must be an e-mail address of the form local@domain' },
	guid: {
		test: (value: string) => GUID.test(value),
		rule: 'must be a GUID such as B8D40DEC-7773-45D2-A2B2-86642A7E5852',
	},
	date: { test: isRealDate, rule: 'must be a date of the form YYYY-MM-DD' },
};

function listOptions(field: ApiField): string {
	const options = field.options ?? [];
	const shown = options.slice(0, 8).map((option) => `${JSON.stringify(option.value)} (${option.name})`);
	return shown.join(', ') + (options.length > 8 ? `, ... (${options.length} values)` : '');
}

/** "needs at least one of its fields: Street Address, City, ZIP Code or State" (the labels the user sees). */
function needsOneOf(field: ApiField): string {
	const labels = (field.fields ?? []).map((child) => child.displayName);
	const list = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}` : labels.join('');
	return `needs at least one of its fields: ${list}`;
}

/** A value outside the accepted ones: the field's own rule in words when it has one, and a close accepted value. */
function notAccepted(field: ApiField, value: unknown, listed: string): string {
	const suggestion = typeof value === 'string' ? field.suggest?.(value) : undefined;
	const got = `got ${JSON.stringify(value)}${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ''}`;
	return `${field.rule ?? listed} (${got})`;
}

function validateString(field: ApiField, value: unknown, path: string[], out: Violation[]) {
	if (typeof value !== 'string') return out.push({ path, rule: 'must be text' });
	// A password is never repeated in a message.
	const got = field.secret ? '' : ` (got "${value}")`;
	if (field.notBlank && value.trim() === '') return out.push({ path, rule: 'must not be empty' });
	if (field.maxLength !== undefined && value.length > field.maxLength) {
		out.push({ path, rule: `must be at most ${field.maxLength} characters (it has ${value.length})` });
	}
	if (field.noHtml && HTML_TAG.test(value)) out.push({ path, rule: 'must not contain HTML tags' });
	if (field.format && !FORMAT_RULES[field.format].test(value)) {
		out.push({ path, rule: `${FORMAT_RULES[field.format].rule}${got}` });
	}
	if (field.pattern && !field.pattern.regex.test(value)) {
		out.push({ path, rule: `${field.pattern.rule}${got}` });
	}
	if (field.allowedValues && !field.allowedValues.has(value)) {
		out.push({ path, rule: notAccepted(field, value, 'is not one of the documented values') });
	}
	return out.length;
}

function validateValue(field: ApiField, value: unknown, path: string[], out: Violation[]): void {
	switch (field.type) {
		case 'string':
			validateString(field, value, path, out);
			return;
		case 'integer':
			if (typeof value !== 'number' || !Number.isInteger(value)) {
				out.push({ path, rule: `must be a whole number (got ${JSON.stringify(value)})` });
			} else if (field.minValue !== undefined && value < field.minValue) {
				out.push({ path, rule: `must be at least ${field.minValue} (got ${value})` });
			}
			return;
		case 'boolean':
			if (typeof value !== 'boolean') out.push({ path, rule: `must be true or false (got ${JSON.stringify(value)})` });
			return;
		case 'options':
			if (!field.options?.some((option) => option.value === value)) {
				out.push({ path, rule: notAccepted(field, value, `must be one of ${listOptions(field)}`) });
			}
			return;
		case 'multiOptions':
			if (!Array.isArray(value)) {
				out.push({ path, rule: 'must be a list' });
				return;
			}
			for (const entry of value) {
				if (!field.options?.some((option) => option.value === entry)) {
					out.push({ path, rule: `may only contain ${listOptions(field)} (got ${JSON.stringify(entry)})` });
				}
			}
			return;
		case 'object':
			if (!isPlainObject(value)) {
				out.push({ path, rule: 'must be an object' });
				return;
			}
			validateFields(field.fields ?? [], value, path, out);
			if (field.atLeastOneField && !(field.fields ?? []).some((child) => child.key in value)) {
				out.push({ path, rule: needsOneOf(field) });
			}
			return;
		case 'keyValueMap':
			if (!isPlainObject(value)) out.push({ path, rule: 'must be an object of name/value pairs' });
			return;
		case 'stringList':
			if (!Array.isArray(value)) {
				out.push({ path, rule: 'must be a list (or comma-separated text)' });
				return;
			}
			value.forEach((entry, index) => {
				const broken: Violation[] = [];
				validateString(field, entry, path, broken);
				out.push(...broken.map((violation) => ({ path, rule: `entry ${index + 1} ${violation.rule}` })));
			});
			return;
		case 'objectList':
			if (!Array.isArray(value)) {
				out.push({ path, rule: 'must be a list' });
				return;
			}
			value.forEach((entry, index) => {
				const entryPath = [...path, String(index)];
				if (!isPlainObject(entry)) out.push({ path: entryPath, rule: 'must be an object' });
				else validateFields(field.fields ?? [], entry, entryPath, out);
			});
			return;
	}
}

function validateFields(fields: ApiField[], body: IDataObject, path: string[], out: Violation[]) {
	for (const field of fields) {
		const fieldPath = [...path, field.key];
		if (!(field.key in body) || body[field.key] === undefined) {
			if (field.required) {
				out.push({ path: fieldPath, rule: field.atLeastOneField ? needsOneOf(field) : 'is required' });
			}
			continue;
		}
		validateValue(field, body[field.key], fieldPath, out);
	}
}

/** Checks a body against its declarations: presence, types, lengths, formats, allowed values. */
export function validateBody(fields: ApiField[], body: IDataObject): Violation[] {
	const out: Violation[] = [];
	validateFields(fields, body, [], out);
	return out;
}
