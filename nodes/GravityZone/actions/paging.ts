import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isPlainObject } from '../../shared/collectBody';
import { callGravityZone, type GravityZoneApi, type GravityZoneContext } from '../transport/jsonRpc';

/** The largest page GravityZone documents for its lists (the 2017 guide said 30: pages are followed either way). */
export const PER_PAGE = 100;

/** An answer that is not the documented list: never read as "nothing there". */
export function unreadableAnswer(ctx: GravityZoneContext, method: string, itemIndex?: number): NodeApiError {
	return new NodeApiError(ctx.getNode(), { message: `Unreadable ${method} answer` } as JsonObject, {
		message: `GravityZone's answer to ${method} could not be read (no list of items in it)`,
		description: 'Nothing was created or changed. Try again; if it persists, GravityZone may have changed this answer: please report it.',
		itemIndex,
	});
}

/**
 * Reads a paged list (`page`, `perPage` -> `items`, `pagesCount`) page by page, until `stop` says so,
 * the items run out or the last page is read.
 */
export async function readPages(
	ctx: GravityZoneContext,
	api: GravityZoneApi,
	method: string,
	params: IDataObject,
	stop: (items: IDataObject[]) => boolean,
	itemIndex?: number,
	perPage = PER_PAGE,
): Promise<void> {
	for (let page = 1; ; page++) {
		const result = await callGravityZone(ctx, api, method, { ...params, page, perPage }, itemIndex);
		if (!isPlainObject(result) || !Array.isArray(result.items)) throw unreadableAnswer(ctx, method, itemIndex);
		const items = result.items.filter(isPlainObject);
		if (stop(items)) return;
		const pagesCount = typeof result.pagesCount === 'number' ? result.pagesCount : undefined;
		if (items.length === 0 || (pagesCount !== undefined ? page >= pagesCount : items.length < perPage)) return;
	}
}

/** Up to `limit` items of a paged list (Infinity: all of them); a limit below a full page asks for just that many. */
export async function listItems(
	ctx: GravityZoneContext,
	api: GravityZoneApi,
	method: string,
	params: IDataObject,
	limit: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const found: IDataObject[] = [];
	const stop = (items: IDataObject[]) => {
		found.push(...items);
		return found.length >= limit;
	};
	await readPages(ctx, api, method, params, stop, itemIndex, Math.min(PER_PAGE, limit));
	return found.slice(0, limit);
}

/** The first item of a paged list that `matches`, reading no further pages than needed. */
export async function findInPages(
	ctx: GravityZoneContext,
	api: GravityZoneApi,
	method: string,
	params: IDataObject,
	matches: (item: IDataObject) => boolean,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	let match: IDataObject | undefined;
	await readPages(ctx, api, method, params, (items) => (match = items.find(matches)) !== undefined, itemIndex);
	return match;
}

/** Names compared as GravityZone users see them: ignoring case and surrounding spaces. */
export const sameText = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
