import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from './apiFields';
import { ENTRIES, FIRST_FIELDS, MORE_FIELDS, toNodeProperty } from './apiFields';

/**
 * Where an operation's fields sit in the UI: a few as parameters of their own (the required ones and
 * objects worth seeing at once, such as a licence), the rest inside one optional collection.
 */
export interface FieldLayout {
	fields: ApiField[];
	/** Keys shown as parameters of their own, in this order. */
	topLevel: string[];
	/** Name of the UI-only collection that holds every other field. */
	collection: string;
	collectionDisplayName: string;
	/**
	 * Create operations: an empty value (text that is empty or spaces: a field added and left empty,
	 * which n8n saves as "", or an expression that found an empty cell) is not sent, nor an object
	 * left with nothing in it. Without it (GravityZone's Update) what the user added is sent as given.
	 */
	omitEmptyStrings: boolean;
}

const OMIT = Symbol('omit');
type Collected = unknown | typeof OMIT;

export const isPlainObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The node parameters of an operation, derived from its field declarations. */
export function layoutProperties(
	layout: FieldLayout,
	show: { resource: string[]; operation: string[] },
): INodeProperties[] {
	const displayOptions = { show };
	const topLevel = layout.topLevel.map((key) => {
		const field = layout.fields.find((candidate) => candidate.key === key);
		if (!field) throw new Error(`No declaration for top-level field ${key}`);
		return { ...toNodeProperty(field), displayOptions };
	});
	const rest = layout.fields.filter((field) => !layout.topLevel.includes(field.key));
	const collection: INodeProperties = {
		displayName: layout.collectionDisplayName,
		name: layout.collection,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: rest
			.map(toNodeProperty)
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
	return layout.collection ? [...topLevel, collection] : topLevel;
}

/** Reads what the user set for one item and shapes it as the API's JSON body. */
export function collectBody(ctx: IExecuteFunctions, itemIndex: number, layout: FieldLayout): IDataObject {
	const raw: IDataObject = {};
	for (const key of layout.topLevel) {
		const value = ctx.getNodeParameter(key, itemIndex, undefined) as IDataObject[string];
		const field = layout.fields.find((candidate) => candidate.key === key);
		// A top-level object the user left empty was not "added": it is not sent.
		if (field?.type === 'object' && isPlainObject(value) && Object.keys(value).length === 0) continue;
		if (value !== undefined) raw[key] = value;
	}
	if (layout.collection) Object.assign(raw, ctx.getNodeParameter(layout.collection, itemIndex, {}) as IDataObject);
	return collectObject(layout.fields, raw, layout.omitEmptyStrings);
}

function collectObject(fields: ApiField[], raw: IDataObject, omitEmptyStrings: boolean): IDataObject {
	const body: IDataObject = {};
	for (const field of fields) {
		if (!(field.key in raw)) continue;
		const value = collectValue(field, raw[field.key], omitEmptyStrings);
		if (value !== OMIT) body[field.key] = value as IDataObject[string];
	}
	return body;
}

/** `{ fields: { type, moreFields: { ... } } }` (see ApiField.grouped) as `{ type, ... }`; a flat object as it is. */
function withoutUiContainers(raw: IDataObject): IDataObject {
	const group = raw[FIRST_FIELDS];
	if (!isPlainObject(group)) return raw;
	const { [MORE_FIELDS]: others, ...first } = group;
	return { ...first, ...(isPlainObject(others) ? others : {}) };
}

const NUMERIC = /^\s*-?\d+\s*$/;

const isBlank = (value: unknown) => typeof value === 'string' && value.trim() === '';

function coerceOption(field: ApiField, value: unknown): unknown {
	const numeric = field.options?.some((option) => typeof option.value === 'number');
	return numeric && typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
}

/** The date part of what n8n's date picker (or a date expression) gives: "2025-03-01T00:00:00" -> "2025-03-01". */
function dateOf(value: unknown): unknown {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString().slice(0, 10);
	const luxon = value as { toISODate?: () => string | null } | null;
	if (typeof luxon?.toISODate === 'function') return luxon.toISODate() ?? value;
	return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]/.test(value.trim()) ? value.trim().slice(0, 10) : value;
}

/**
 * Shapes one value. Expressions from webhooks bring strings, so unambiguous text is turned into the
 * declared type ("3" for a whole number, "true" for a flag); anything else is left for the validator.
 */
function collectValue(field: ApiField, raw: unknown, omitEmptyStrings: boolean): Collected {
	if (raw === undefined || raw === null) return OMIT;
	if (omitEmptyStrings && isBlank(raw)) return OMIT;
	switch (field.type) {
		case 'string': {
			const picked = isPlainObject(raw) && raw.__rl === true ? raw.value : raw;
			if (picked === undefined || picked === null) return OMIT;
			const value = typeof picked === 'number' || typeof picked === 'boolean' ? String(picked) : field.datePicker ? dateOf(picked) : picked;
			return omitEmptyStrings && isBlank(value) ? OMIT : value;
		}
		case 'stringList': {
			// An expression may bring one text with commas, as from a webhook or a CSV cell.
			const list = typeof raw === 'string' ? raw.split(',') : raw;
			if (!Array.isArray(list)) return raw;
			const entries = list
				.map((entry) => (typeof entry === 'number' || typeof entry === 'boolean' ? String(entry) : typeof entry === 'string' ? entry.trim() : entry))
				.filter((entry) => entry !== '');
			return entries.length === 0 && (field.omitWhenEmpty || omitEmptyStrings) ? OMIT : entries;
		}
		case 'integer':
			return typeof raw === 'string' && NUMERIC.test(raw) ? Number(raw) : raw;
		case 'boolean':
			if (raw === 'true') return true;
			if (raw === 'false') return false;
			return raw;
		case 'options':
			return coerceOption(field, raw);
		case 'multiOptions': {
			const list =
				typeof raw === 'string'
					? raw
							.split(',')
							.map((part) => part.trim())
							.filter((part) => part !== '')
					: raw;
			return Array.isArray(list) ? list.map((entry) => coerceOption(field, entry)) : list;
		}
		case 'object': {
			if (!isPlainObject(raw)) return raw;
			const body = collectObject(field.fields ?? [], field.grouped ? withoutUiContainers(raw) : raw, omitEmptyStrings);
			const empty = Object.keys(body).length === 0;
			return empty && (field.omitWhenEmpty || omitEmptyStrings) ? OMIT : body;
		}
		case 'keyValueMap': {
			// A fixedCollection cannot tell "added, no entries" from "not added": empty is not sent.
			const entries = isPlainObject(raw) ? raw[ENTRIES] : undefined;
			if (!Array.isArray(entries)) return OMIT;
			const map: IDataObject = {};
			for (const entry of entries as IDataObject[]) {
				const name = typeof entry.name === 'string' ? entry.name.trim() : '';
				if (name !== '') map[name] = entry.value;
			}
			return Object.keys(map).length === 0 ? OMIT : map;
		}
		case 'objectList': {
			const entries = isPlainObject(raw) ? raw[ENTRIES] : raw;
			if (!Array.isArray(entries)) return OMIT;
			const list = (entries as unknown[])
				.map((entry) =>
					isPlainObject(entry) ? collectObject(field.fields ?? [], entry, omitEmptyStrings) : entry,
				)
				.filter((entry) => !isPlainObject(entry) || Object.keys(entry).length > 0);
			return list.length === 0 ? OMIT : list;
		}
	}
}
