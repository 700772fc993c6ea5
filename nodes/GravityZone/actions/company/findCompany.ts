import type { IDataObject } from 'n8n-workflow';

import { unreadableAnswer } from '../../../shared/answerShape';
import { isPlainObject } from '../../../shared/collectBody';
import { callGravityZone, type GravityZoneContext } from '../../transport/jsonRpc';

const FIND_LIMIT = 100;
const sameName = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The companies in a look-up's result: a list of company objects, each with its name. Anything else
 * is an error naming the method and the shape, never "not found" (which would create a duplicate).
 */
function companiesIn(ctx: GravityZoneContext, result: unknown, method: string, itemIndex?: number): IDataObject[] {
	if (Array.isArray(result) && result.every((company) => isPlainObject(company) && typeof company.name === 'string')) return result as IDataObject[];
	throw unreadableAnswer(ctx.getNode(), { vendor: 'GravityZone', call: method }, result, 'a list of companies', {
		description: 'Expected a list of companies, each with its name.',
		itemIndex,
	});
}

/**
 * The company with exactly this name (case-insensitive, trimmed), under `parentId` when given.
 * findCompaniesByName is a prefix match capped at 100 results: at the cap the match may be beyond it,
 * so the one-level list under the parent (Network API) is searched instead.
 */
export async function findCompanyByExactName(
	ctx: GravityZoneContext,
	name: string,
	parentId: string | undefined,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const method = 'findCompaniesByName';
	const companies = companiesIn(ctx, await callGravityZone(ctx, 'companies', method, { nameFilter: name.trim(), maxResults: FIND_LIMIT }, itemIndex), method, itemIndex);
	const match = companies.find(
		(company) => sameName(company.name, name) && (parentId === undefined || company.parentId === undefined || company.parentId === parentId),
	);
	if (match || companies.length < FIND_LIMIT) return match;
	const listed = await callGravityZone(ctx, 'network', 'getCompaniesList', parentId ? { parentId } : {}, itemIndex);
	return companiesIn(ctx, listed, 'getCompaniesList', itemIndex).find((company) => sameName(company.name, name));
}
