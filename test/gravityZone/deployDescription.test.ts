import type { INodeProperties } from 'n8n-workflow';

import { GravityZone } from '../../nodes/GravityZone/GravityZone.node';
import { parameterPaths } from '../harness/parameterPaths';

const node = new GravityZone();
const shownFor = (resource: string, operation: string) =>
	node.description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes(resource) && (show.operation === undefined || show.operation.includes(operation));
	});
const pathsOf = (resource: string, operation: string) => parameterPaths(shownFor(resource, operation));
const operations = (resource: string) =>
	(node.description.properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource))?.options ?? []) as Array<{
		value: string;
		description: string;
	}>;

const MODULES = [
	'advancedThreatControl', 'firewall', 'contentControl', 'userControl', 'antiphishing', 'trafficScan', 'deviceControl', 'powerUser', 'edrSensor',
	'advancedAntiExploit', 'containerProtection', 'encryption', 'patchManagement', 'networkAttackDefense', 'integrityMonitoring', 'atc',
];
const DOCUMENTED: Record<string, string[]> = {
	'package create': [
		'packageName', 'companyId', 'description', 'language', ...MODULES.map((key) => `modules.${key}`), 'scanMode.type',
		...['computers', 'vms', 'ec2'].flatMap((target) => [`scanMode.${target}.main`, `scanMode.${target}.fallback`]),
		'settings.scanBeforeInstall', 'settings.uninstallPassword', 'settings.customInstallationPath', 'productType',
	],
	'package getInstallationLinks': ['companyId', 'packageName'],
	'package get': ['packageId'],
	'package getMany': ['companyId'],
	'package delete': ['packageId'],
	'account create': [
		'email', 'profile.fullName', 'profile.timezone', 'profile.language', 'password', 'companyId', 'role', 'targetIds',
		...['manageCompanies', 'manageNetworks', 'manageUsers', 'manageReports', 'companyManager'].map((key) => `rights.${key}`),
	],
	'account getMany': ['companyId'],
	'account delete': ['accountId'],
	'licensing setMonthlySubscription': [
		'companyId', 'reservedSlots', 'removeReservedSlots', 'endSubscription', 'autoRenewPeriod', 'manageExchange', 'manageEncryption',
		'manageRemoteEnginesScanning', 'manageHyperDetect', 'manageSandboxAnalyzer',
	],
	'licensing getMonthlyUsage': ['companyId', 'targetMonth', 'usageCoverageType', 'companyRegistrationStartDate', 'companyRegistrationEndDate'],
};

describe('GravityZone deploy operations: description', () => {
	it.each(Object.entries(DOCUMENTED))('%s has a parameter for every documented field, named and nested as the API nests it', (key, fields) => {
		const [resource, operation] = key.split(' ');
		const paths = pathsOf(resource, operation);
		expect(fields.filter((field) => !paths.has(field))).toStrictEqual([]);
	});

	it('offers the deprecated module keys and says they are deprecated', () => {
		const paths = pathsOf('package', 'create');
		for (const key of ['atc', 'contentControl']) {
			expect(paths.get(`modules.${key}`)?.displayName).toMatch(/\(Deprecated\)$/);
			expect(paths.get(`modules.${key}`)?.description).toMatch(/^Deprecated/);
		}
	});

	it('offers the documented languages in a picker and takes any ll_CC code', () => {
		const language = pathsOf('package', 'create').get('language') as INodeProperties & { modes: Array<{ name: string; validation?: Array<{ properties: { regex: string } }> }> };
		expect(language.type).toBe('resourceLocator');
		expect(language.modes.map((mode) => mode.name)).toStrictEqual(['list', 'id']);
		expect(new RegExp(language.modes[1].validation![0].properties.regex).test('en_EN')).toBe(true);
	});

	it('asks for passwords in password fields', () => {
		expect(pathsOf('package', 'create').get('settings.uninstallPassword')?.typeOptions?.password).toBe(true);
		expect(pathsOf('account', 'create').get('password')?.typeOptions?.password).toBe(true);
		expect(pathsOf('account', 'create').get('password')?.description).toMatch(/newer page asks for at least 12 characters/);
	});

	it.each([
		['account', 'create'],
		['account', 'delete'],
		['licensing', 'setMonthlySubscription'],
	])('%s %s says what 30 calls per minute mean for 100 items', (resource, operation) => {
		const notice = shownFor(resource, operation).find((property) => property.type === 'notice');
		expect(notice?.displayName).toMatch(/allows 30 \w+ calls per minute per API key.*100 items take about 3 min 20 s/);
	});

	it('tells AI agents what each operation does; the destructive ones say so', () => {
		const all = ['package', 'account', 'licensing'].flatMap(operations);
		expect(all.every((option) => option.description.length > 30)).toBe(true);
		expect(all.filter((option) => option.description.startsWith('DESTRUCTIVE')).map((option) => option.value)).toStrictEqual(['delete', 'delete']);
		expect(operations('package').find((option) => option.value === 'getInstallationLinks')?.description).toMatch(/only the installLink\* URLs/);
	});
});
