import { GravityZone } from '../../nodes/GravityZone/GravityZone.node';
import { COUNTRIES } from '../../nodes/GravityZone/data/countries';
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
});
