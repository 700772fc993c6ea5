import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fieldOf, idOf, ownCompanyId, readCompanies } from '../actions/common';
import { callEset } from '../transport/request';

const PAGE = 50;

/** The "From list" picker: the account's companies, searchable by name, paged by skip/take. */
export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0);
	const [path, body] = filter
		? ['/api/Search/Companies', { search: { [filter]: [0] }, skip, take: PAGE }]
		: ['/api/Company/Descendants', { companyId: await ownCompanyId(this), entityType: 'Any', skip, take: PAGE }];
	const { entries, totalCount } = readCompanies(this, await callEset(this, 'POST', path, body), path);
	const more = entries.length === PAGE && (totalCount === undefined || skip + PAGE < totalCount);
	return {
		results: entries.map((company) => ({ name: String(fieldOf(company, 'name') ?? idOf(company)), value: idOf(company) ?? '' })),
		paginationToken: more ? String(skip + PAGE) : undefined,
	};
}
