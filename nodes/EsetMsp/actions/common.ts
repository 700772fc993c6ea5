import type { IDataObject } from 'n8n-workflow';

import type { ApiField } from '../../shared/apiFields';
import { isPlainObject } from '../../shared/collectBody';
import { perExecution } from '../../shared/perExecution';
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

/** Lists in EMA 2 answers: `{companies: [...]}`, or a bare array. */
export function companiesOf(response: unknown): IDataObject[] {
	const list = isPlainObject(response) ? response.companies : response;
	return (Array.isArray(list) ? list : []).filter(isPlainObject);
}

/** The company ID of a list entry (`publicId` in lists, `companyId` in details). */
export const idOf = (company: IDataObject): string | undefined =>
	(company.companyId ?? company.publicId ?? company.id) as string | undefined;

/** Pages a skip/take call until fewer than a page come back or `limit` is reached. */
export async function collectPages(
	ctx: EsetContext,
	path: string,
	body: IDataObject,
	limit: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	for (let skip = 0; results.length < limit; skip += PAGE_SIZE) {
		const page = companiesOf(await callEset(ctx, 'POST', path, { ...body, skip, take: PAGE_SIZE }, itemIndex));
		results.push(...page);
		if (page.length < PAGE_SIZE) break;
	}
	return results.slice(0, limit);
}

/** The logged-in user's own company: the parent of a customer created without one. */
export async function ownCompanyId(ctx: EsetContext, itemIndex?: number): Promise<string> {
	// Asked once per execution, not once per item.
	return await perExecution(ctx, 'esetOwnCompanyId', async () => {
		const user = await callEset(ctx, 'GET', '/api/User/Current', undefined, itemIndex);
		const company = isPlainObject(user) && isPlainObject(user.company) ? user.company : {};
		return String(company.companyId ?? company.publicId ?? '');
	});
}

const same = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The existing customer a create would duplicate: by Custom Identifier when set (Search, column 5),
 * otherwise by exact name (ignoring case and surrounding spaces) under the same parent.
 */
export async function findExistingCustomer(
	ctx: EsetContext,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	if (typeof body.customIdentifier === 'string' && body.customIdentifier !== '') {
		const found = await collectPages(ctx, '/api/Search/Companies', { search: { [body.customIdentifier]: [5] } }, Infinity, itemIndex);
		return found.find((company) => company.customIdentifier === body.customIdentifier);
	}
	const name = String(body.name);
	const parent = typeof body.parentCompanyId === 'string' ? body.parentCompanyId : await ownCompanyId(ctx, itemIndex);
	// One search by name (column 0) instead of paging through all of the parent's children...
	const named = (await collectPages(ctx, '/api/Search/Companies', { search: { [name.trim()]: [0] } }, Infinity, itemIndex)).filter((company) =>
		same(company.name, name),
	);
	const isUnder = (company: IDataObject) => same(company.parentCompanyId, parent);
	if (named.every((company) => typeof company.parentCompanyId === 'string')) return named.find(isUnder);
	// ...unless the answer does not say where the companies sit (its shape is not documented).
	const children = await collectPages(ctx, '/api/Company/Children', { companyId: parent }, Infinity, itemIndex);
	return children.find((company) => same(company.name, name));
}
