import type { INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';

/**
 * One declaration per API field: its n8n parameter (named by the JSON key), its place in the request
 * body (nesting follows `fields`) and its documented constraints. The UI (toNodeProperty), the body
 * builder (collectBody) and the validator (validateBody) all read these declarations.
 */
export type ApiFieldType =
	| 'string'
	| 'integer'
	| 'boolean'
	| 'options'
	| 'multiOptions'
	| 'object'
	| 'keyValueMap'
	| 'objectList'
	/** A list of texts: n8n's multiple-value text field, or comma-separated text from an expression; sent as a JSON array of strings. */
	| 'stringList';

export type StringFormat = 'email' | 'guid' | 'date';

export interface ApiField {
	/** JSON key in the request body; also the n8n parameter name. */
	key: string;
	displayName: string;
	type: ApiFieldType;
	description: string;
	/** Always sent: a node parameter of its own, outside the optional collections. */
	required?: boolean;
	default?: NodeParameterValueType;
	placeholder?: string;
	/** Values of `options` / `multiOptions` fields; the validator accepts exactly these. */
	options?: INodePropertyOptions[];
	/** Children of `object` and `objectList` fields, nested in the body as declared here. */
	fields?: ApiField[];
	/** objectList / keyValueMap: the label of one entry in the UI. */
	entryName?: string;
	// Documented constraints
	maxLength?: number;
	notBlank?: boolean;
	noHtml?: boolean;
	format?: StringFormat;
	/** format 'date': shown as n8n's date picker; a picked date-time is sent as its date (YYYY-MM-DD). */
	datePicker?: boolean;
	/** A pattern the value must match, with the rule in words for the error message. */
	pattern?: { regex: RegExp; rule: string };
	/** Accepted values that are too many for a dropdown. */
	allowedValues?: ReadonlySet<string>;
	/** options / allowedValues: what a value must be, in words, for the error message (instead of the list). */
	rule?: string;
	/** options / allowedValues: the accepted value a refused one was probably meant as ("USA" -> "US"). */
	suggest?: (value: string) => string | undefined;
	minValue?: number;
	/**
	 * A value picked "From list" (the node's listSearch method) or typed "By ID"; a company unless `noun`
	 * says otherwise (a language picked from the documented ones or typed as a code).
	 */
	locator?: { searchListMethod: string; idRegex: RegExp; idExample: string; noun?: string };
	/** A password: a password field in the UI, and its value is never repeated in a message or a Dry Run. */
	secret?: boolean;
	/** object: at least one child must be set. */
	atLeastOneField?: boolean;
	/**
	 * object: shown, once added, as a group of fields that are always there: `before`, then a
	 * collection of every other field (labelled `othersLabel`), then `after`. It puts a field such as
	 * the licence's Type first, where n8n sorts a collection's fields by name. The group and the
	 * collection are UI-only (FIRST_FIELDS, MORE_FIELDS); the body nests the fields as declared.
	 */
	grouped?: { before: string[]; othersLabel: string; after?: string[] };
	/** Left out of the body when it collects to nothing (no empty list, no empty object). */
	omitWhenEmpty?: boolean;
}

const byDisplayName = (a: { displayName: string }, b: { displayName: string }) =>
	a.displayName.localeCompare(b.displayName);

/** The n8n parameter for a field; object children become a collection sorted as n8n's linter wants. */
export function toNodeProperty(field: ApiField): INodeProperties {
	const base = {
		displayName: field.displayName,
		name: field.key,
		description: field.description,
		required: field.required || undefined,
		placeholder: field.placeholder,
	};
	switch (field.type) {
		case 'string':
			if (field.locator) return locatorProperty(field, base);
			return { ...base, type: field.datePicker ? 'dateTime' : 'string', default: field.default ?? '', ...(field.secret ? { typeOptions: { password: true } } : {}) };
		case 'integer':
			return {
				...base,
				type: 'number',
				default: field.default ?? 0,
				typeOptions: { numberPrecision: 0, minValue: field.minValue },
			};
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default ?? false };
		case 'options':
			return { ...base, type: 'options', options: field.options ?? [], default: field.default ?? '' };
		case 'multiOptions':
			return { ...base, type: 'multiOptions', options: field.options ?? [], default: field.default ?? [] };
		case 'object':
			if (field.grouped) return groupedProperty(field, field.grouped, base);
			return {
				...base,
				type: 'collection',
				placeholder: field.placeholder ?? 'Add Field',
				default: {},
				// n8n would ask for a required option even where the collection is hidden: the validator checks it.
				options: (field.fields ?? []).map((child) => ({ ...toNodeProperty(child), required: undefined })).sort(byDisplayName),
			};
		case 'keyValueMap':
			return {
				...base,
				...entryList(field, [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				]),
			};
		case 'objectList':
			return { ...base, ...entryList(field, (field.fields ?? []).map(toNodeProperty)) };
		case 'stringList':
			return {
				...base,
				type: 'string',
				default: [],
				typeOptions: { multipleValues: true, multipleValueButtonText: `Add ${field.entryName ?? 'Entry'}` },
			};
	}
}

function locatorProperty(field: ApiField, base: Omit<INodeProperties, 'type' | 'default'>): INodeProperties {
	const locator = field.locator!;
	const noun = locator.noun ?? 'company';
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod: locator.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: locator.idExample,
				validation: [
					{
						type: 'regex',
						properties: { regex: locator.idRegex.source, errorMessage: `Not a valid ${locator.noun ?? 'ID'} (such as ${locator.idExample})` },
					},
				],
			},
		],
	};
}

/** UI-only names of a grouped object (see ApiField.grouped): `{ fields: { ...shown, moreFields: { ...others } } }`. */
export const FIRST_FIELDS = 'fields';
export const MORE_FIELDS = 'moreFields';

/** A single-entry fixedCollection: the fields always shown, and a collection of the others (sorted by name). */
function groupedProperty(
	field: ApiField,
	grouped: NonNullable<ApiField['grouped']>,
	base: Omit<INodeProperties, 'type' | 'default'>,
): INodeProperties {
	const children = field.fields ?? [];
	const shownKeys = [...grouped.before, ...(grouped.after ?? [])];
	const shown = (keys: string[]) =>
		keys.map((key) => {
			const child = children.find((candidate) => candidate.key === key);
			if (!child) throw new Error(`No declaration for ${field.key}.${key}`);
			return toNodeProperty(child);
		});
	const others: INodeProperties = {
		displayName: grouped.othersLabel,
		name: MORE_FIELDS,
		type: 'collection',
		placeholder: field.placeholder ?? 'Add Field',
		default: {},
		options: children
			.filter((child) => !shownKeys.includes(child.key))
			.map(toNodeProperty)
			.sort(byDisplayName),
	};
	return {
		...base,
		type: 'fixedCollection',
		placeholder: `Add ${field.displayName}`,
		default: {},
		options: [{ name: FIRST_FIELDS, displayName: field.displayName, values: [...shown(grouped.before), others, ...shown(grouped.after ?? [])] }],
	};
}

/** A fixedCollection of repeatable entries; its group name is UI-only and never reaches the body. */
function entryList(field: ApiField, values: INodeProperties[]) {
	return {
		type: 'fixedCollection' as const,
		typeOptions: { multipleValues: true },
		placeholder: field.placeholder ?? `Add ${field.entryName ?? 'Entry'}`,
		default: {},
		options: [{ name: ENTRIES, displayName: field.entryName ?? 'Entry', values }],
	};
}

/** The UI-only group name of fixedCollection entries (it is not part of the body). */
export const ENTRIES = 'entries';

/** Finds the declaration of a body path such as ['licenseSubscription', 'ownUse', 'managePHASR']. */
export function findField(fields: ApiField[], path: string[]): ApiField | undefined {
	let current: ApiField | undefined;
	let level: ApiField[] | undefined = fields;
	for (const key of path) {
		current = level?.find((field) => field.key === key);
		if (!current) return undefined;
		level = current.fields;
	}
	return current;
}

/** "licenseSubscription.licenseKey (License Subscription > License Key)" for error messages. */
export function describePath(fields: ApiField[], path: string[]): string {
	const names: string[] = [];
	let level: ApiField[] | undefined = fields;
	for (const key of path) {
		const field: ApiField | undefined = level?.find((candidate) => candidate.key === key);
		if (!field) break;
		names.push(field.displayName);
		level = field.fields;
	}
	const jsonPath = path.join('.');
	return names.length === path.length ? `"${jsonPath}" (${names.join(' > ')})` : `"${jsonPath}"`;
}
