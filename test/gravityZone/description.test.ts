import { displaysParameter } from '../harness/n8nVersions';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { GravityZone } from '../../nodes/GravityZone/GravityZone.node';
import { COUNTRIES } from '../../nodes/GravityZone/data/countries';
import { subtitleOf } from '../harness/subtitle';
import { readJson } from '../harness/golden';
import { parameterPaths } from '../harness/parameterPaths';
import path from 'node:path';

const documented = [
	'type', 'name', 'parentId', 'address', 'country', 'state', 'phone', 'industry', 'canBeManagedByAbove', 'enforce2FA',
	'skip2FAPeriod', 'accountEmail', 'accountFullName', 'accountTimezone', 'accountLanguage',
	'contactPerson.fullName', 'contactPerson.email', 'contactPerson.phoneNumber', 'contactPerson.companyRole',
	...['type', 'licenseKey', 'reservedSlots', 'endSubscription', 'autoRenewPeriod', 'manageExchange', 'manageEncryption',
		'managePatchManagement', 'manageIntegrityMonitoring', 'manageEmailSecurity', 'manageMobileSecurity', 'imDataRetention',
		'edrDataRetention', 'manageRemoteEnginesScanning', 'manageHyperDetect', 'manageSandboxAnalyzer', 'manageEventCorrelator',
		'manageContainerProtection', 'managePHASR', 'manageEASM', 'manageComplianceManager', 'manageExtendedEmailSecurity',
		'ownUse.manageXDRIdentityProviders', 'ownUse.manageXDRProductivityApps', 'ownUse.manageXDRNetwork',
		'ownUse.manageXDRCloudWorkloads', 'ownUse.managePatchManagement', 'ownUse.manageComplianceManager', 'ownUse.manageHyperDetect',
		'resell.manageXDRResell', 'resell.manageRemoteEnginesScanningResell', 'resell.manageContainerProtectionResell',
		'resell.manageHyperDetectResell', 'resell.manageSandboxAnalyzerResell', 'resell.manageEventCorrelatorResell',
		'resell.managePHASRResell', 'resell.manageEASMResell', 'resell.manageComplianceManagerResell',
		'resell.manageExtendedEmailSecurityResell', 'minimumUsage.endpointMonthlyUsage', 'assignedProductType',
		'additionalProductTypes', 'assignedProtectionModel', 'additionalProtectionModels', 'licensedServices.mdrServiceOwnUse',
	].map((key) => `licenseSubscription.${key}`),
	'mdrContactInformation.phoneNumber.countryPrefix', 'mdrContactInformation.phoneNumber.subscriberNumber',
	'mdrContactInformation.fullName', 'mdrContactInformation.email', 'mdrContactInformation.emailVerificationCode',
	'customFields.name', 'customFields.value', 'duplicateClosedIncidentsOnUpdate',
];

describe('GravityZone node description', () => {
	const node = new GravityZone();
	const paths = parameterPaths(node.description.properties);

	it.each(documented)('has a parameter for %s, named and nested as the API nests it', (jsonPath) => {
		expect(paths.has(jsonPath)).toBe(true);
	});

	it('offers readable dropdowns for the enumerations', () => {
		const options = (jsonPath: string) => (paths.get(jsonPath)?.options ?? []) as Array<{ name: string; value: unknown }>;
		expect(options('type').map((option) => option.value).sort()).toStrictEqual([0, 1]);
		expect(options('skip2FAPeriod').map((option) => option.value)).toStrictEqual([0, 1, 3, 7, 14, 30, 90]);
		expect(options('licenseSubscription.type').map((option) => option.value)).toStrictEqual([1, 2, 3, 4, 5, 6]);
		expect(options('licenseSubscription.assignedProductType').map((option) => option.value).sort()).toStrictEqual([0, 3, 5]);
		expect(options('licenseSubscription.assignedProtectionModel').map((option) => option.value).sort()).toStrictEqual(
			['aLaCarte', 'mspSecure', 'mspSecureExtra', 'mspSecurePlus'],
		);
		const industries = readJson<Array<{ value: number }>>(path.resolve(__dirname, '../../../shared/api/gravityzone-industries.json'));
		expect(options('industry').map((option) => option.value).sort()).toStrictEqual(industries.map((entry) => entry.value).sort());
		expect(options('industry')).toHaveLength(173);
		expect(options('industry').find((option) => option.value === 203)?.name).toBe('Agriculture: Farm Machinery');
	});

	it('ships the 249 ISO 3166-1 alpha-2 country codes', () => {
		expect(COUNTRIES).toHaveLength(249);
		expect(new Set(COUNTRIES.map(([code]) => code)).size).toBe(249);
		expect(COUNTRIES.map(([code]) => code)).toEqual(expect.arrayContaining(['US', 'DE', 'RO', 'GB', 'AX', 'SS']));
	});

	it('tells the user that no licence means a trial, and is usable as a tool', () => {
		expect(paths.get('licenseSubscription')?.description).toMatch(/TRIAL/);
		expect(node.description.properties.some((property) => property.type === 'notice' && /TRIAL/.test(property.displayName))).toBe(true);
		expect(node.description.usableAsTool).toBe(true);
	});

	const notice = node.description.properties.find((property) => property.name === 'trialNotice')!;
	const create = { resource: 'company', operation: 'create', type: 1, name: 'Acme' };
	// How the editor decides (n8n-workflow's displayParameter, with the node's values and their defaults).
	const withDefaults = (values: Record<string, unknown>) => NodeHelpers.getNodeParameters(node.description.properties, values as never, true, false, null, node.description)!;
	// The node's values with n8n's defaults over them (n8n-workflow 1.83 leaves the licence out of its defaults).
	const shows = (parameter: INodeProperties, values: Record<string, unknown>) =>
		displaysParameter({ ...(values as INodeParameters), ...withDefaults(values) }, parameter, node.description);

	it('shows the TRIAL notice while no licence is added, and hides it once the licence has its Type', () => {
		expect(shows(notice, create)).toBe(true);
		expect(shows(notice, { ...create, licenseSubscription: {} })).toBe(true);
		// Added in the editor: the Type holds its default until changed (where n8n-workflow computes that default).
		const added = { ...create, licenseSubscription: { fields: {} } };
		if (withDefaults(added).licenseSubscription !== undefined) expect(shows(notice, added)).toBe(false);
		expect(shows(notice, { ...create, licenseSubscription: { fields: { type: 1 } } })).toBe(false);
		expect(shows(notice, { ...create, licenseSubscription: { fields: { type: '={{ $json.licence }}' } } })).toBe(false);
	});

	it('puts the licence Type first, then the other licence fields (sorted by name), Own Use and Resell', () => {
		const licence = node.description.properties.find((property) => property.name === 'licenseSubscription')!;
		expect(licence.type).toBe('fixedCollection');
		const [group] = licence.options as Array<{ name: string; values: INodeProperties[] }>;
		expect(group.values.map((value) => value.displayName)).toStrictEqual(['Type', 'More License Fields', 'Own Use', 'Resell']);
		const others = (group.values[1].options as INodeProperties[]).map((option) => option.displayName);
		expect(others).toStrictEqual([...others].sort((a, b) => a.localeCompare(b)));
		expect(others).toEqual(expect.arrayContaining(['License Key', 'Reserved Slots', 'End Subscription', 'Product Type']));
		expect(others).not.toEqual(expect.arrayContaining(['Type']));
	});

	it('offers the 249 countries as a dropdown, searchable by name and code', () => {
		const country = paths.get('country')!;
		expect(country.type).toBe('options');
		expect(country.noDataExpression).toBeFalsy();
		const options = country.options as Array<{ name: string; value: string }>;
		expect(options).toHaveLength(249);
		expect(options.find((option) => option.value === 'NZ')?.name).toBe('New Zealand (NZ)');
		expect(options.map((option) => option.value).sort()).toStrictEqual(COUNTRIES.map(([code]) => code).sort());
	});

	it('shows the chosen operation as the subtitle, in words', () => {
		const subtitle = (resource: string, operation: string) =>
			subtitleOf('n8n-nodes-msp-security.gravityZone', node.description, { resource, operation });
		expect(subtitle('company', 'create')).toBe('Create a company');
		expect(subtitle('company', 'findByName')).toBe('Find companies by name');
		expect(subtitle('general', 'generateEmailVerificationCode')).toBe('Generate an email verification code');
		expect(subtitle('custom', 'apiCall')).toBe('Make an API call');
	});
});
