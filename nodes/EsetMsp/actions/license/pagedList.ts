import type { IDataObject } from 'n8n-workflow';

import { callEset, type EsetContext } from '../../transport/request';
import { PAGE_SIZE } from '../common';

/** Reads one page of answer: its entries and, when the answer says, the total. */
export type PageReader = (response: unknown) => { entries: IDataObject[]; totalCount?: number };

/**
 * Pages a skip/take call (take at most 100) until `limit` entries, a short page, or the total the
 * answer states has been reached.
 */
export async function pagedList(
	ctx: EsetContext,
	path: string,
	body: IDataObject,
	readPage: PageReader,
	limit: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const entries: IDataObject[] = [];
	let skip = 0;
	while (entries.length < limit) {
		const take = Math.min(PAGE_SIZE, limit - entries.length);
		const page = readPage(await callEset(ctx, 'POST', path, { ...body, skip, take }, itemIndex));
		entries.push(...page.entries);
		skip += page.entries.length;
		if (page.entries.length < take || (page.totalCount !== undefined && skip >= page.totalCount)) break;
	}
	return entries.slice(0, limit);
}
