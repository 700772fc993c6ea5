import type { INodePropertyOptions } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import { gzCompanyIdField } from '../common';

/** createPackage's documented languages (the 2017 guide lists the first six); any ll_CC value is accepted. */
export const PACKAGE_LANGUAGES: INodePropertyOptions[] = [
	{ name: 'English (United States)', value: 'en_US' },
	{ name: 'Spanish', value: 'es_ES' },
	{ name: 'German', value: 'de_DE' },
	{ name: 'French', value: 'fr_FR' },
	{ name: 'Romanian', value: 'ro_RO' },
	{ name: 'Polish', value: 'pl_PL' },
	{ name: 'Portuguese (Brazil)', value: 'pt_BR' },
	{ name: 'Italian', value: 'it_IT' },
	{ name: 'Russian', value: 'ru_RU' },
];

const LANGUAGE_CODE = /^[a-z]{2}_[A-Z]{2}$/;

const ON_OFF: INodePropertyOptions[] = [
	{ name: 'Disabled (0)', value: 0 },
	{ name: 'Enabled (1)', value: 1 },
];

const moduleField = (key: string, displayName: string, description: string): ApiField => ({
	key,
	displayName,
	type: 'options',
	options: ON_OFF,
	default: 1,
	description,
});

/** Every module key of every page revision (REFERENCE-deploy.md 1.1); deprecated ones say so. */
export const MODULES: ApiField[] = [
	moduleField('advancedThreatControl', 'Advanced Threat Control', 'Advanced Threat Control (replaces the deprecated "atc")'),
	moduleField('firewall', 'Firewall', 'The firewall module'),
	moduleField('contentControl', 'Content Control (Deprecated)', 'Deprecated: its value is copied to userControl, antiphishing and trafficScan; sending a different value for any of those together with it is an error. Prefer the three modules.'),
	moduleField('userControl', 'User Control', 'User control (web access and application blacklisting), one successor of contentControl'),
	moduleField('antiphishing', 'Antiphishing', 'Antiphishing, one successor of contentControl'),
	moduleField('trafficScan', 'Traffic Scan', 'Web traffic scan, one successor of contentControl'),
	moduleField('deviceControl', 'Device Control', 'The device control module'),
	moduleField('powerUser', 'Power User', 'The Power User module'),
	moduleField('edrSensor', 'EDR Sensor', 'The EDR sensor'),
	moduleField('advancedAntiExploit', 'Advanced Anti-Exploit', 'Advanced Anti-Exploit'),
	moduleField('containerProtection', 'Container Protection', 'Container Protection'),
	moduleField('encryption', 'Encryption', 'Full Disk Encryption'),
	moduleField('patchManagement', 'Patch Management', 'Patch Management'),
	moduleField('networkAttackDefense', 'Network Attack Defense', 'Network Attack Defense'),
	moduleField('integrityMonitoring', 'Integrity Monitoring', 'Integrity Monitoring (newest Partners page only)'),
	moduleField('atc', 'ATC (Deprecated)', 'Deprecated name of Advanced Threat Control (2017 guide): use advancedThreatControl'),
];

/** The modules whose value contentControl (deprecated) is copied to. */
export const CONTENT_CONTROL_SUCCESSORS = ['userControl', 'antiphishing', 'trafficScan'];

const MAIN_SCAN: INodePropertyOptions[] = [
	{ name: 'Central Scanning (Security Server)', value: 1 },
	{ name: 'Hybrid Scanning (Light Engines)', value: 2 },
	{ name: 'Local Scanning (Full Engines)', value: 3 },
];

const scanTarget = (key: string, displayName: string, mainOptions: INodePropertyOptions[], note: string): ApiField => ({
	key,
	displayName,
	type: 'object',
	placeholder: 'Add Scan Engine',
	description: `Scan engines for ${note} (only with Type: Custom)`,
	fields: [
		{ key: 'main', displayName: 'Main', type: 'options', options: mainOptions, default: mainOptions[0].value, description: 'The main scan engine' },
		{
			key: 'fallback',
			displayName: 'Fallback',
			type: 'options',
			options: MAIN_SCAN.slice(1),
			default: 3,
			description: 'The engine used when the main one is not available; GravityZone ignores it when the main one is Hybrid or Local',
		},
	],
});

export const SCAN_MODE: ApiField = {
	key: 'scanMode',
	displayName: 'Scan Mode',
	type: 'object',
	placeholder: 'Add Scan Mode Field',
	description: 'Which scan engines the agent uses. Left out, the automatic mode is stored.',
	fields: [
		{
			key: 'type',
			displayName: 'Type',
			type: 'options',
			options: [
				{ name: 'Automatic', value: 1, description: 'GravityZone picks the engines' },
				{ name: 'Custom', value: 2, description: 'Set Computers and Virtual Machines (and EC2 Instances with the AWS integration)' },
			],
			default: 1,
			description: 'Automatic, or custom engines per kind of endpoint',
		},
		scanTarget('computers', 'Computers', MAIN_SCAN, 'physical computers'),
		scanTarget('vms', 'Virtual Machines', MAIN_SCAN, 'virtual machines'),
		scanTarget('ec2', 'EC2 Instances', MAIN_SCAN.slice(0, 1), 'Amazon EC2 instances (only with the AWS integration set up; the main engine can only be Central Scanning)'),
	],
};

export const UNINSTALL_PASSWORD_RULE = 'must be at least 6 characters with an upper-case letter, a lower-case letter, a digit and a special character';
const STRONG_PASSWORD = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{6,}$/s;
export const strongPassword = (rule: string) => ({ regex: STRONG_PASSWORD, rule });

export const SETTINGS: ApiField = {
	key: 'settings',
	displayName: 'Settings',
	type: 'object',
	placeholder: 'Add Setting',
	description: 'Installation settings (the keys of the 2017 guide; newer keys through Extra Params)',
	fields: [
		{
			key: 'scanBeforeInstall',
			displayName: 'Scan Before Install',
			type: 'options',
			options: [
				{ name: 'No (0)', value: 0 },
				{ name: 'Yes (1)', value: 1 },
			],
			default: 1,
			description: 'Whether the installer scans the endpoint before installing',
		},
		{
			key: 'uninstallPassword',
			displayName: 'Uninstall Password',
			type: 'string',
			secret: true,
			pattern: strongPassword(UNINSTALL_PASSWORD_RULE),
			description: 'Password needed to uninstall the agent: at least 6 characters with an upper-case letter, a lower-case letter, a digit and a special character. Never shown in outputs, Dry Run or errors.',
		},
		{
			key: 'customInstallationPath',
			displayName: 'Custom Installation Path',
			type: 'string',
			placeholder: 'C:\\Program Files\\Bitdefender',
			pattern: { regex: /^[A-Za-z]:\\(?:[^<>:"/\\|?*\u0000-\u001f]+\\?)*$/, rule: 'must be an absolute Windows path such as C:\\Program Files\\Bitdefender' },
			description: 'Where the agent is installed on Windows (Windows only)',
		},
	],
};

/** Every documented createPackage parameter (roles and deploymentOptions: undocumented keys, Extra Params). */
export const CREATE_PACKAGE_FIELDS: ApiField[] = [
	{ key: 'packageName', displayName: 'Package Name', type: 'string', required: true, notBlank: true, placeholder: 'Acme Dental - Endpoints', description: 'The name of the package; used to find it again (find or create)' },
	gzCompanyIdField('companyId', 'The company that gets the package; leave out for your own company'),
	{ key: 'description', displayName: 'Description', type: 'string', description: 'A description of the package' },
	{
		key: 'language',
		displayName: 'Language',
		type: 'string',
		pattern: { regex: LANGUAGE_CODE, rule: 'must be a language of the form ll_CC, such as en_US' },
		locator: { searchListMethod: 'searchPackageLanguages', idRegex: LANGUAGE_CODE, idExample: 'en_US', noun: 'language' },
		description: 'Language of the installer: one of the documented languages, or any ll_CC code GravityZone accepts (GravityZone uses en_US when left out)',
	},
	{ key: 'modules', displayName: 'Modules', type: 'object', placeholder: 'Add Module', description: 'Modules to install (1) or leave out (0); a module not sent counts as disabled', fields: MODULES },
	SCAN_MODE,
	SETTINGS,
	{
		key: 'productType',
		displayName: 'Product Type',
		type: 'options',
		options: [
			{ name: 'Detection and Prevention', value: 0, description: 'Every module defaults to 0 (disabled)' },
			{ name: 'EDR (Report Only)', value: 3, description: 'Modules must be exactly edrSensor, contentControl, networkAttackDefense and advancedThreatControl' },
			{ name: 'PHASR Standalone', value: 5 },
		],
		default: 0,
		description: 'Operating mode of the agent; which ones a company may create depends on its licence',
	},
];
