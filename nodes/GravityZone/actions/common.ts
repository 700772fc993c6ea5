import type { ApiField } from '../../shared/apiFields';

/** GravityZone company IDs: 24 hex characters in practice (one documented example has 22). */
export const GZ_COMPANY_LOCATOR = {
	searchListMethod: 'searchCompanies',
	idRegex: /^[0-9a-fA-F]{22,24}$/,
	idExample: '5518f5f3b1a43d357e7b23c6',
};

export const gzCompanyIdField = (key: string, description: string): ApiField => ({
	key,
	displayName: 'Company',
	type: 'string',
	notBlank: true,
	pattern: { regex: GZ_COMPANY_LOCATOR.idRegex, rule: 'must be a GravityZone company ID (22 to 24 hex characters)' },
	locator: GZ_COMPANY_LOCATOR,
	description,
});

export const COMPANY_ID = gzCompanyIdField('companyId', 'The company, picked from the list or given by its ID');
