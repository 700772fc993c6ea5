import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { isPlainObject } from '../../shared/collectBody';
import { PACKAGE_LANGUAGES } from '../actions/package/packageFields';
import { callGravityZone } from '../transport/jsonRpc';

/**
 * The "From list" picker: with a search text, companies whose name contains it (up to 100, the API's
 * cap); without one, the companies directly under your own company. GravityZone has no paging here.
 */
export async function searchCompanies(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const found = filter
		? await callGravityZone(this, 'companies', 'findCompaniesByName', { nameFilter: `*${filter}`, maxResults: 100 })
		: await callGravityZone(this, 'network', 'getCompaniesList', {});
	const companies = (Array.isArray(found) ? found : []).filter(isPlainObject);
	return { results: companies.map((company) => ({ name: String(company.name ?? company.id), value: String(company.id) })) };
}

/** The installer languages createPackage documents, for the Language picker (a code can be typed too). */
export async function searchPackageLanguages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').toLowerCase();
	const results = PACKAGE_LANGUAGES.filter((language) => `${language.name} ${String(language.value)}`.toLowerCase().includes(wanted));
	return { results: results.map((language) => ({ name: `${language.name} (${String(language.value)})`, value: String(language.value) })) };
}
