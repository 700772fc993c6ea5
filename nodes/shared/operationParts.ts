import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ApiField } from './apiFields';
import { toNodeProperty } from './apiFields';
import { collectBody } from './collectBody';
import { throwIfInvalid } from './processItems';
import { validateBody } from './validateBody';

export type Show = { resource: string[]; operation: string[] };

/** "If it already exists" on the Create operations. */
export type IfExists = 'returnExisting' | 'fail' | 'createAnyway';

const capitalized = (word: string) => word[0].toUpperCase() + word.slice(1);
const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

const ifExistsChoices = (noun: string): INodePropertyOptions[] => [
	{ name: `Return the Existing ${capitalized(noun)}`, value: 'returnExisting', description: 'Output it with outcome "existing"; nothing is created' },
	{ name: 'Fail', value: 'fail', description: `Stop this item with an error naming the existing ${noun}` },
	{ name: 'Create Anyway', value: 'createAnyway', description: 'Skip the lookup and always send the create' },
];

export const ifExistsOption = (keyDescription: string, noun = 'company'): INodeProperties => ({
	displayName: 'If It Already Exists',
	name: 'ifExists',
	type: 'options',
	default: 'returnExisting',
	description: `How to treat ${withArticle(noun)} that exists already (${keyDescription}). Webhooks that fire twice and "Retry On Fail" then create no duplicate.`,
	options: ifExistsChoices(noun),
});

export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only validate the item (and run the lookup of a create) and return the request that would be sent, without sending it',
};

/** The Options collection of a write operation; `extra` goes before Dry Run. */
export const writeOptions = (show: Show, extra: INodeProperties[] = []): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show },
	options: [...extra, dryRunOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
});

export const isDryRun = (ctx: IExecuteFunctions, itemIndex: number) =>
	ctx.getNodeParameter('options.dryRun', itemIndex, false) === true;

/** A single company-ID parameter (a resource locator) read as the API's JSON key `key`. */
export function companyIdParameter(field: ApiField, show: Show): INodeProperties {
	return { ...toNodeProperty({ ...field, required: true }), displayOptions: { show } };
}

/** Reads fields that are all parameters of their own (empty ones left out), validated against their declarations. */
export function readParameters(ctx: IExecuteFunctions, itemIndex: number, fields: ApiField[]): IDataObject {
	const body = collectBody(ctx, itemIndex, {
		fields,
		topLevel: fields.map((field) => field.key),
		collection: '',
		collectionDisplayName: '',
		omitEmptyStrings: true,
	});
	throwIfInvalid(ctx, itemIndex, fields, validateBody(fields, body));
	return body;
}

/** Reads one required company ID parameter; `{[field.key]: id}`. */
export const readCompanyId = (ctx: IExecuteFunctions, itemIndex: number, field: ApiField): IDataObject =>
	readParameters(ctx, itemIndex, [{ ...field, required: true }]);

/**
 * The node's subtitle: the action of the chosen operation ("Create a customer") instead of its
 * internal values ("createCustomer: company"), read from the node's own Operation parameters.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as Array<{ value: unknown; name: string; action?: string }>) {
				actions[`${resource}:${String(option.value)}`] = option.action ?? option.name;
			}
		}
	}
	return `={{ (${JSON.stringify(actions)})[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
}

export const returnAllProperties = (show: Show): INodeProperties[] => [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show, returnAll: [false] } },
	},
];

export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	return ctx.getNodeParameter('returnAll', itemIndex, false) ? Infinity : (ctx.getNodeParameter('limit', itemIndex, 50) as number);
}
