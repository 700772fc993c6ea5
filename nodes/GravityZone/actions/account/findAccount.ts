import type { IDataObject } from 'n8n-workflow';

import type { GravityZoneContext } from '../../transport/jsonRpc';
import { findInPages, sameText } from '../paging';

/**
 * The account with this e-mail (ignoring case) among the accounts getAccountsList shows in the company
 * (the key's own when `companyId` is undefined). The key's own account is never listed.
 */
export async function findAccountByEmail(
	ctx: GravityZoneContext,
	email: string,
	companyId: string | undefined,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const params = companyId === undefined ? {} : { companyId };
	return await findInPages(ctx, 'accounts', 'getAccountsList', params, (item) => sameText(item.email, email), itemIndex);
}
