import type { IDataObject } from 'n8n-workflow';

import type { GravityZoneContext } from '../../transport/jsonRpc';
import { findInPages, sameText } from '../paging';

/**
 * The package of this name (ignoring case and surrounding spaces) in the company (the key's own when
 * `companyId` is undefined). getPackagesList has no name filter: its pages are read until a match.
 */
export async function findPackageByName(
	ctx: GravityZoneContext,
	packageName: string,
	companyId: string | undefined,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const params = companyId === undefined ? {} : { companyId };
	return await findInPages(ctx, 'packages', 'getPackagesList', params, (item) => sameText(item.name, packageName), itemIndex);
}
