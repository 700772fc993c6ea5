import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiField } from '../../shared/apiFields';
import { describeShape, unreadableAnswer } from '../../shared/answerShape';
import { isPlainObject } from '../../shared/collectBody';
import { perExecution } from '../../shared/perExecution';
import { readListAnswer } from '../transport/listAnswer';
import { callEset, type EsetContext } from '../transport/request';

export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const ESET_COMPANY_LOCATOR = {
	searchListMethod: 'searchCompanies',
	idRegex: GUID,
	idExample: 'B8D40DEC-7773-45D2-A2B2-86642A7E5852',
};

export const esetCompanyIdField = (key: string, displayName: string, description: string): ApiField => ({
	key,
	displayName,
	type: 'string',
	format: 'guid',
	locator: ESET_COMPANY_LOCATOR,
	description,
});

export const COMPANY_ID = esetCompanyIdField('companyId', 'Company', 'The company, picked from the list or given by its ID (GUID)');

export const PAGE_SIZE = 100;

const SEARCH = '/api/Search/Companies';
const CHILDREN = '/api/Company/Children';

/** Where each list call's entries sit (REFERENCE.md: Search answers are read from `search` by the clients that met the API). */
const LIST_KEYS: Record<string, string[]> = {
	[SEARCH]: ['search', 'Search', 'companies', 'Companies'],
	[CHILDREN]: ['companies', 'Companies'],
	'/api/Company/Descendants': ['companies', 'Companies'],
};

/** The entries of a list call's answer (an error for an answer that holds no list). */
export const readCompanies = (ctx: EsetContext, response: unknown, path: string, itemIndex?: number) =>
	readListAnswer(ctx, response, path.replace(/^\/api\//, ''), LIST_KEYS[path] ?? ['companies'], itemIndex);

/** A field of an answer in either casing (`name` or `Name`): ESET's answers are seen in both. */
export const fieldOf = (entry: IDataObject, key: string): unknown => entry[key] ?? entry[key[0].toUpperCase() + key.slice(1)];

/** The company ID of a list entry (`publicId` in lists, `companyId` in details and searches). */
export const idOf = (company: IDataObject): string | undefined =>
	(fieldOf(company, 'companyId') ?? fieldOf(company, 'publicId') ?? fieldOf(company, 'id')) as string | undefined;

/** Pages a skip/take call until fewer than a page come back, the answer's total is reached, or `limit`. */
export async function collectPages(
	ctx: EsetContext,
	path: string,
	body: IDataObject,
	limit: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	for (let skip = 0; results.length < limit; skip += PAGE_SIZE) {
		const { entries, totalCount } = readCompanies(ctx, await callEset(ctx, 'POST', path, { ...body, skip, take: PAGE_SIZE }, itemIndex), path, itemIndex);
		results.push(...entries);
		if (entries.length < PAGE_SIZE || (totalCount !== undefined && skip + entries.length >= totalCount)) break;
	}
	return results.slice(0, limit);
}

/** The logged-in user's own company: the parent of a customer created without one. */
export async function ownCompanyId(ctx: EsetContext, itemIndex?: number): Promise<string> {
	// Asked once per execution, not once per item.
	return await perExecution(ctx, 'esetOwnCompanyId', async () => {
		const user = await callEset(ctx, 'GET', '/api/User/Current', undefined, itemIndex);
		const company = isPlainObject(user) ? fieldOf(user, 'company') : undefined;
		const companyId = isPlainObject(company) ? idOf(company) : undefined;
		if (typeof companyId === 'string' && companyId !== '') return companyId;
		// Without it a look-up by name could not tell which siblings to compare with.
		throw new NodeApiError(ctx.getNode(), { shape: describeShape(user) } as JsonObject, {
			message: `ESET answered User/Current with ${describeShape(user)}, which holds no company ID of the user`,
			description: "Set Additional Fields > Parent Company ID, or report the shape above to the node's maintainers.",
			itemIndex,
		});
	});
}

const same = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();
const carries = (entry: IDataObject, key: string) => fieldOf(entry, key) !== undefined && fieldOf(entry, key) !== null;

/**
 * A list entry with `key` filled in: as it is when it carries the key, otherwise merged with its
 * Company/Detail (the public clients' models of the Search answer have no customIdentifier or
 * parentCompanyId). Undefined when the company is gone since the list was read.
 */
async function withField(ctx: EsetContext, entry: IDataObject, key: string, itemIndex?: number): Promise<IDataObject | undefined> {
	if (carries(entry, key)) return entry;
	const companyId = idOf(entry);
	if (typeof companyId !== 'string' || companyId === '') {
		throw new NodeApiError(ctx.getNode(), { shape: describeShape(entry) } as JsonObject, {
			message: `ESET answered Search/Companies with an entry that has neither "${key}" nor a company ID (${describeShape(entry)})`,
			description: 'The node cannot tell whether this is the company it looks for, so it stopped the item rather than create a duplicate. Please report the shape above to the node\'s maintainers.',
			itemIndex,
		});
	}
	let detail: unknown;
	let failed: unknown;
	try {
		detail = await callEset(ctx, 'POST', '/api/Company/Detail', { companyId }, itemIndex);
	} catch (error) {
		failed = error;
	}
	// Deleted since the search: not the company looked for.
	if ((failed as { httpCode?: string } | undefined)?.httpCode === '404') return undefined;
	if (failed !== undefined) throw failed;
	if (!isPlainObject(detail)) {
		throw unreadableAnswer(ctx.getNode(), { vendor: 'ESET', call: 'Company/Detail' }, detail, 'a company', {
			description: 'The item stopped rather than decide from an answer it could not read.',
			itemIndex,
		});
	}
	return { ...entry, ...detail };
}

/**
 * The existing customer a create would duplicate: by Custom Identifier when set (Search, column 5),
 * otherwise by exact name (ignoring case and surrounding spaces) under the same parent. A keyword
 * search also matches longer values, and its entries may not say the Custom Identifier or the parent:
 * a hit counts only once its own fields, or its Company/Detail, confirm it.
 */
export async function findExistingCustomer(
	ctx: EsetContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	if (typeof body.customIdentifier === 'string' && body.customIdentifier !== '') {
		const hits = await collectPages(ctx, SEARCH, { search: { [body.customIdentifier]: [5] } }, Infinity, itemIndex);
		for (const hit of hits) {
			const company = await withField(ctx, hit, 'customIdentifier', itemIndex);
			if (company && fieldOf(company, 'customIdentifier') === body.customIdentifier) return company;
		}
		return undefined;
	}
	const name = String(body.name);
	const parent = typeof body.parentCompanyId === 'string' ? body.parentCompanyId : await ownCompanyId(ctx, itemIndex);
	// One search by name (column 0) instead of paging through all of the parent's children...
	const hits = await collectPages(ctx, SEARCH, { search: { [name.trim()]: [0] } }, Infinity, itemIndex);
	let unplaced = false;
	for (const hit of hits) {
		const named = await withField(ctx, hit, 'name', itemIndex);
		if (!named || !same(fieldOf(named, 'name'), name)) continue;
		const company = await withField(ctx, named, 'parentCompanyId', itemIndex);
		if (company && !carries(company, 'parentCompanyId')) unplaced = true;
		else if (company && same(fieldOf(company, 'parentCompanyId'), parent)) return company;
	}
	if (!unplaced) return undefined;
	// ...unless neither the search nor the company's Detail says where it sits.
	const children = await collectPages(ctx, CHILDREN, { companyId: parent }, Infinity, itemIndex);
	return children.find((company) => same(fieldOf(company, 'name'), name));
}
