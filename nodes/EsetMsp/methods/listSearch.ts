import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { companiesOf, idOf, ownCompanyId } from '../actions/common';
import { callEset } from '../transport/request';

const PAGE = 50;

/** The "From list" picker: the account's companies, searchable by name, paged by skip/take. */
export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0);
	const response = filter
		? await callEset(this, 'POST', '/api/Search/Companies', { search: { [filter]: [0] }, skip, take: PAGE })
		: await callEset(this, 'POST', '/api/Company/Descendants', { companyId: await ownCompanyId(this), entityType: 'Any', skip, take: PAGE });
	const companies = companiesOf(response);
	return {
		results: companies.map((company) => ({ name: String(company.name ?? idOf(company)), value: idOf(company) ?? '' })),
		paginationToken: companies.length === PAGE ? String(skip + PAGE) : undefined,
	};
}
