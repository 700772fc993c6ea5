import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isPlainObject } from '../../shared/collectBody';
import type { EsetContext } from './request';

/** A whole number of 0 or more, or undefined. */
const count = (value: unknown): number | undefined =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;

/** The total of a paged list, wherever public clients read it: `paging.totalCount`, `Paging.TotalCount`, or top level. */
function totalCountOf(answer: IDataObject): number | undefined {
	const holders = [answer.paging, answer.Paging, answer].filter(isPlainObject);
	for (const holder of holders) {
		const total = count(holder.totalCount) ?? count(holder.TotalCount);
		if (total !== undefined) return total;
	}
	return undefined;
}

const typeName = (value: unknown): string =>
	value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value === 'object' ? 'object' : typeof value;

/** What an answer looked like, without its values: `an object {search: null, paging: object}`. */
function describeShape(value: unknown): string {
	if (value === undefined || value === '') return 'an empty answer';
	if (value === null) return 'null';
	if (Array.isArray(value)) {
		const kinds = [...new Set(value.map(typeName))].join(', ');
		return `a list of ${value.length} ${value.length === 1 ? 'entry' : 'entries'}${kinds ? ` (${kinds})` : ''}`;
	}
	if (isPlainObject(value)) {
		const keys = Object.keys(value);
		const shown = keys.slice(0, 12).map((key) => `${key}: ${typeName(value[key])}`);
		return `an object {${shown.join(', ')}${keys.length > 12 ? `, ... (${keys.length} keys)` : ''}}`;
	}
	return typeof value === 'string' ? `text (${value.length} characters)` : `${typeName(value)} ${JSON.stringify(value)}`;
}

/**
 * The entries of an EMA 2 list answer: a bare list, or a list under the first of `keys` that holds
 * one (ESET does not document these layouts). An answer that is neither is an error naming the call
 * and what came back, never an empty result: a look-up must not report "not found" because it could
 * not read the answer.
 */
export function readListAnswer(
	ctx: EsetContext,
	response: unknown,
	call: string,
	keys: string[],
	itemIndex?: number,
): { entries: IDataObject[]; totalCount?: number } {
	let list: unknown;
	let totalCount: number | undefined;
	if (Array.isArray(response)) {
		list = response;
	} else if (isPlainObject(response)) {
		const key = keys.find((candidate) => Array.isArray(response[candidate]));
		list = key === undefined ? undefined : response[key];
		totalCount = totalCountOf(response);
	}
	if (Array.isArray(list) && list.every(isPlainObject)) return { entries: list, totalCount };
	const shape = describeShape(response);
	throw new NodeApiError(ctx.getNode(), { call, shape } as JsonObject, {
		message: `ESET's answer to ${call} could not be read: expected a list${keys.length > 0 ? ` under ${keys.join(' / ')}` : ''}, got ${shape}`,
		description:
			'Nothing was concluded from it (in particular not "nothing found"). EMA 2 does not document the layout of this answer: run the same call with Custom API Call to see it, and report it to the maintainers of this node.',
		itemIndex,
	});
}
