import type { IDataObject } from 'n8n-workflow';

import { unreadableAnswer } from '../../shared/answerShape';
import { isPlainObject } from '../../shared/collectBody';
import type { EsetContext } from './request';

/** Where EMA 2 list answers put their total: `paging.totalCount`, `Paging.TotalCount` (either casing), or at the top. */
const PAGING_KEYS = ['paging', 'Paging'];
const COUNT_KEYS = ['totalCount', 'TotalCount'];

function totalCountOf(response: IDataObject): number | undefined {
	const holders = [...PAGING_KEYS.map((key) => response[key]).filter(isPlainObject), response];
	for (const holder of holders) {
		for (const key of COUNT_KEYS) {
			const count = holder[key];
			if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return count;
		}
	}
	return undefined;
}

/**
 * The entries of an EMA 2 list answer. ESET documents few of its answer shapes: `keys` are where this
 * call's list may sit, in the order they are tried (Search/Companies: `search`, `Search`, `companies`);
 * a bare list is read too. Any other answer is an error that names the call and the shape it got,
 * never an empty list: a look-up that read "nothing found" from an answer it did not understand would
 * create a duplicate.
 */
export function readListAnswer(
	ctx: EsetContext,
	response: unknown,
	call: string,
	keys: string[],
	itemIndex?: number,
): { entries: IDataObject[]; totalCount?: number } {
	if (Array.isArray(response) && response.every(isPlainObject)) return { entries: response };
	if (isPlainObject(response)) {
		const key = keys.find((candidate) => Array.isArray(response[candidate]));
		const list = key === undefined ? undefined : (response[key] as unknown[]);
		if (list?.every(isPlainObject)) return { entries: list, totalCount: totalCountOf(response) };
	}
	const expected = [...keys.map((key) => `"${key}"`), 'a bare list'].join(', ');
	throw unreadableAnswer(ctx.getNode(), { vendor: 'ESET', call }, response, 'a list', { description: `Expected a list under one of ${expected}.`, itemIndex });
}
