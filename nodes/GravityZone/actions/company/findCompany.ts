import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../../../shared/collectBody';
import { callGravityZone, type GravityZoneContext } from '../../transport/jsonRpc';

const FIND_LIMIT = 100;
const sameName = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

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
	const found = await callGravityZone(ctx, 'companies', 'findCompaniesByName', { nameFilter: name.trim(), maxResults: FIND_LIMIT }, itemIndex);
	const companies = (Array.isArray(found) ? found : []).filter(isPlainObject);
	const match = companies.find(
		(company) => sameName(company.name, name) && (parentId === undefined || company.parentId === undefined || company.parentId === parentId),
	);
	if (match || companies.length < FIND_LIMIT) return match;
	const listed = await callGravityZone(ctx, 'network', 'getCompaniesList', parentId ? { parentId } : {}, itemIndex);
	return (Array.isArray(listed) ? listed : []).filter(isPlainObject).find((company) => sameName(company.name, name));
}
