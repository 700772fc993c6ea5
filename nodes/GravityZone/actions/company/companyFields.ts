import type { ApiField } from '../../../shared/apiFields';
import { gzCompanyIdField } from '../common';
import {
	COMPANY_TYPE_OPTIONS,
	COUNTRY_OPTIONS,
	INDUSTRY_OPTIONS,
	LICENSE_TYPE_OPTIONS,
	PRODUCT_TYPE_OPTIONS,
	PROTECTION_MODEL_OPTIONS,
	SKIP_2FA_OPTIONS,
	suggestCountryCode,
} from '../../data/options';

const flag = (key: string, displayName: string, description: string, defaultValue = false): ApiField => ({
	key,
	displayName,
	type: 'boolean',
	description,
	default: defaultValue,
});

/** Add-ons that are only set at the top level of licenseSubscription (or inside ownUse). */
const BASE_ADD_ONS: ApiField[] = [
	flag('manageExchange', 'Security for Exchange', 'Whether the company gets Security for Exchange'),
	flag('manageEncryption', 'Full Disk Encryption', 'Whether the company gets Full Disk Encryption'),
	flag('managePatchManagement', 'Patch Management', 'Whether the company gets Patch Management'),
	flag('manageIntegrityMonitoring', 'Integrity Monitoring', 'Whether the company gets Integrity Monitoring'),
	flag('manageEmailSecurity', 'Email Security', 'Whether the company gets Email Security'),
	flag('manageMobileSecurity', 'Mobile Security', 'Whether the company gets Mobile Security'),
];

/** Add-ons allowed EITHER at the top level of licenseSubscription OR inside ownUse, never both. */
export const EXCLUSIVE_ADD_ONS: ApiField[] = [
	flag(
		'manageRemoteEnginesScanning',
		'Remote Scanning',
		'Whether the company gets Remote Engines Scanning (needs the A La Carte protection model)',
	),
	flag('manageHyperDetect', 'HyperDetect', 'Whether the company gets HyperDetect'),
	flag('manageSandboxAnalyzer', 'Sandbox Analyzer', 'Whether the company gets Sandbox Analyzer'),
	flag('manageEventCorrelator', 'Event Correlator (XDR)', 'Whether the company gets the XDR event correlator'),
	flag('manageContainerProtection', 'Container Protection', 'Whether the company gets Container Protection'),
	flag('managePHASR', 'PHASR', 'Whether the company gets PHASR (attack surface reduction)'),
	flag('manageEASM', 'EASM', 'Whether the company gets External Attack Surface Management (EASM)'),
	flag('manageComplianceManager', 'Compliance Manager', 'Whether the company gets Compliance Manager'),
	flag('manageExtendedEmailSecurity', 'Ext. Email Security', 'Whether the company gets Extended Email Security'),
];

const XDR_SENSORS: ApiField[] = [
	flag('manageXDRIdentityProviders', 'XDR Identity Providers', 'Own use: XDR sensor for identity providers'),
	flag('manageXDRProductivityApps', 'XDR Productivity Apps', 'Own use: XDR sensor for productivity apps'),
	flag('manageXDRNetwork', 'XDR Network', 'Own use: XDR network sensor'),
	flag('manageXDRCloudWorkloads', 'XDR Cloud Workloads', 'Own use: XDR sensor for cloud workloads'),
];

// Labelled without "Resell": they sit in the Resell section (and n8n's panel has little room there).
const RESELL_FLAGS: ApiField[] = [
	['manageXDRResell', 'XDR', 'XDR'],
	['manageRemoteEnginesScanningResell', 'Remote Scanning', 'Remote Engines Scanning'],
	['manageContainerProtectionResell', 'Container Protection', 'Container Protection'],
	['manageHyperDetectResell', 'HyperDetect', 'HyperDetect'],
	['manageSandboxAnalyzerResell', 'Sandbox Analyzer', 'Sandbox Analyzer'],
	['manageEventCorrelatorResell', 'Event Correlator', 'Event Correlator'],
	['managePHASRResell', 'PHASR', 'PHASR'],
	['manageEASMResell', 'EASM', 'External Attack Surface Management (EASM)'],
	['manageComplianceManagerResell', 'Compliance Manager', 'Compliance Manager'],
	['manageExtendedEmailSecurityResell', 'Ext. Email Security', 'Extended Email Security'],
].map(([key, label, product]) => flag(key, label, `Whether this Partner may resell ${product} to its own companies`));

const email = (key: string, displayName: string, description: string): ApiField => ({
	key,
	displayName,
	type: 'string',
	format: 'email',
	placeholder: 'name@email.com',
	description,
});

export const LICENSE_SUBSCRIPTION: ApiField = {
	key: 'licenseSubscription',
	displayName: 'License Subscription',
	type: 'object',
	placeholder: 'Add License Field',
	description: 'The licence the company gets: add it and choose its Type. Without it GravityZone creates a TRIAL company.',
	grouped: { before: ['type'], othersLabel: 'More License Fields', after: ['ownUse', 'resell'] },
	fields: [
		{ key: 'type', displayName: 'Type', type: 'options', options: LICENSE_TYPE_OPTIONS, default: 3, description: 'The kind of licence' },
		{ key: 'licenseKey', displayName: 'License Key', type: 'string', description: 'The yearly licence key (required for type License Key)' },
		{ key: 'reservedSlots', displayName: 'Reserved Slots', type: 'integer', minValue: 0, description: "Seats reserved for this company from your pool (monthly subscriptions)" },
		{
			key: 'endSubscription',
			displayName: 'End Subscription',
			type: 'string',
			format: 'date',
			placeholder: '2028-04-14',
			description: 'Last day of the monthly subscription, as YYYY-MM-DD',
		},
		{ key: 'autoRenewPeriod', displayName: 'Auto-Renew (Months)', type: 'integer', minValue: 0, default: 12, description: 'Months the subscription renews by; 0 turns auto-renew off (GravityZone uses 12 when End Subscription is set)' },
		...BASE_ADD_ONS,
		...EXCLUSIVE_ADD_ONS,
		{ key: 'imDataRetention', displayName: 'IM Data Retention', type: 'integer', minValue: 0, default: 2, description: 'Incident data retention option (the documented examples use 2)' },
		{ key: 'edrDataRetention', displayName: 'EDR Data Retention', type: 'integer', minValue: 0, default: 2, description: 'EDR data retention option (the documented examples use 2)' },
		{
			key: 'ownUse',
			displayName: 'Own Use',
			type: 'object',
			placeholder: 'Add Own-Use Add-On',
			description: "Add-ons for the company's own endpoints. An add-on set here must not also be set at the licence's top level.",
			fields: [...BASE_ADD_ONS, ...EXCLUSIVE_ADD_ONS, ...XDR_SENSORS],
		},
		{
			key: 'resell',
			displayName: 'Resell',
			type: 'object',
			placeholder: 'Add Resell Right',
			description: 'What a Partner may resell to the companies it manages',
			fields: RESELL_FLAGS,
		},
		{
			key: 'minimumUsage',
			displayName: 'Minimum Usage',
			type: 'object',
			placeholder: 'Add Minimum Usage',
			description: 'Committed minimum usage (monthly subscriptions)',
			fields: [{ key: 'endpointMonthlyUsage', displayName: 'Endpoints', type: 'integer', minValue: 0, description: 'Endpoint monthly usage: endpoints billed at least, each month' }],
		},
		{ key: 'assignedProductType', displayName: 'Product Type', type: 'options', options: PRODUCT_TYPE_OPTIONS, default: 0, description: 'The assigned product type: the main product the company gets' },
		{
			key: 'additionalProductTypes',
			displayName: 'Additional Products',
			type: 'multiOptions',
			options: PRODUCT_TYPE_OPTIONS,
			default: [],
			description: 'Additional product types; when not empty it must include the Product Type (an empty list is allowed)',
		},
		{ key: 'assignedProtectionModel', displayName: 'Protection Model', type: 'options', options: PROTECTION_MODEL_OPTIONS, default: 'aLaCarte', description: 'The assigned protection model of the company' },
		{ key: 'additionalProtectionModels', displayName: 'Additional Models', type: 'multiOptions', options: PROTECTION_MODEL_OPTIONS, default: [], description: 'Additional protection models the company may use' },
		{
			key: 'licensedServices',
			displayName: 'Licensed Services',
			type: 'object',
			placeholder: 'Add Service',
			description: 'Services such as MDR',
			fields: [{ key: 'mdrServiceOwnUse', displayName: 'MDR Own Use', type: 'integer', minValue: 0, default: 1, description: 'MDR service for own use (the documented example uses 1)' }],
		},
	],
};

/** Every createCompany parameter of the Companies API, as documented. */
export const CREATE_COMPANY_FIELDS: ApiField[] = [
	{ key: 'type', displayName: 'Company Type', type: 'options', options: COMPANY_TYPE_OPTIONS, default: 1, required: true, description: 'Customer for an end customer, Partner for a reseller or MSP' },
	{ key: 'name', displayName: 'Name', type: 'string', required: true, notBlank: true, maxLength: 64, description: 'The company name: unique in GravityZone, at most 64 characters' },
	{
		...gzCompanyIdField('parentId', 'The Partner company that directly manages the new company; leave out for your own company'),
		displayName: 'Parent Company',
	},
	{ key: 'address', displayName: 'Address', type: 'string', maxLength: 128, noHtml: true, description: 'Physical address, at most 128 characters, no HTML' },
	{
		key: 'country',
		displayName: 'Country',
		type: 'options',
		options: COUNTRY_OPTIONS,
		default: '',
		rule: 'must be a 2-letter ISO 3166-1 country code such as US or DE',
		suggest: suggestCountryCode,
		description: 'The country; sent as its ISO 3166-1 alpha-2 code, such as US or DE (an expression must give that code)',
	},
	{
		key: 'state',
		displayName: 'State',
		type: 'string',
		pattern: { regex: /^[A-Z]{2}-[A-Z0-9]{1,3}$/, rule: 'must be an ISO 3166-2 code of the form CC-XXX, such as US-CA' },
		placeholder: 'US-CA',
		description: 'ISO 3166-2 subdivision such as US-CA; its first two letters must be the country',
	},
	{ key: 'phone', displayName: 'Phone', type: 'string', maxLength: 32, description: 'Phone number, at most 32 characters' },
	{ key: 'industry', displayName: 'Industry', type: 'options', options: INDUSTRY_OPTIONS, default: 0, description: 'The industry the company works in' },
	{ key: 'canBeManagedByAbove', displayName: 'Can Be Managed By Above', type: 'boolean', default: true, description: 'Whether you (the Partner above) may manage the security of this company. Must stay on for MDR; when off, set Account Email and Account Full Name.' },
	{ key: 'enforce2FA', displayName: 'Enforce 2FA', type: 'boolean', default: true, description: 'Whether two-factor authentication is enforced for all users of the company (always on in the cloud console)' },
	{ key: 'skip2FAPeriod', displayName: 'Skip 2FA Period', type: 'options', options: SKIP_2FA_OPTIONS, default: 0, description: 'Days a user may exempt a device from the two-factor code' },
	email('accountEmail', 'Account Email', "E-mail of the company's first user account (required when Can Be Managed By Above is off)"),
	{ key: 'accountFullName', displayName: 'Account Full Name', type: 'string', description: "Full name of the company's first user account (required when Can Be Managed By Above is off)" },
	{ key: 'accountTimezone', displayName: 'Account Timezone', type: 'string', placeholder: 'Europe/Bucharest', description: 'Timezone of the first user account; GravityZone uses "GMT (UTC)" when left out' },
	{
		key: 'accountLanguage',
		displayName: 'Account Language',
		type: 'string',
		placeholder: 'en_US',
		pattern: { regex: /^[a-z]{2}_[A-Z]{2}$/, rule: 'must be a language of the form ll_CC, such as en_US' },
		description: 'Interface language of the first user account, such as en_US (the default)',
	},
	{
		key: 'contactPerson',
		displayName: 'Contact Person',
		type: 'object',
		placeholder: 'Add Contact Field',
		description: "The company's designated contact person",
		fields: [
			{ key: 'fullName', displayName: 'Full Name', type: 'string', description: 'Name of the contact person' },
			email('email', 'Email', 'E-mail of the contact person'),
			{ key: 'phoneNumber', displayName: 'Phone Number', type: 'string', description: 'Phone number of the contact person' },
			{ key: 'companyRole', displayName: 'Company Role', type: 'string', placeholder: 'Owner / President', description: 'Role of the contact person in the company' },
		],
	},
	LICENSE_SUBSCRIPTION,
	{
		key: 'mdrContactInformation',
		displayName: 'MDR Contact Information',
		type: 'object',
		placeholder: 'Add MDR Contact Field',
		description: 'Emergency contact for the MDR team; required for Customers with a yearly MDR licence. Get the code with Generate Email Verification Code first. For the documented alternatives, use Extra Params (JSON).',
		fields: [
			{
				key: 'phoneNumber',
				displayName: 'Phone Number',
				type: 'object',
				placeholder: 'Add Phone Field',
				description: 'Phone number of the MDR contact',
				fields: [
					{ key: 'countryPrefix', displayName: 'Country Prefix', type: 'string', placeholder: '+40', description: 'International prefix, such as +40' },
					{ key: 'subscriberNumber', displayName: 'Number', type: 'string', description: 'The subscriber number, without the country prefix' },
				],
			},
			{ key: 'fullName', displayName: 'Full Name', type: 'string', description: 'Name of the MDR contact' },
			email('email', 'Email', 'E-mail of the MDR contact'),
			{
				key: 'emailVerificationCode',
				displayName: 'Verification Code',
				type: 'string',
				pattern: { regex: /^\d{8}$/, rule: 'must be the 8-digit code GravityZone e-mailed' },
				description: 'The 8-digit code GravityZone e-mailed to the MDR contact',
			},
		],
	},
	{
		key: 'customFields',
		displayName: 'Custom Fields',
		type: 'keyValueMap',
		entryName: 'Custom Field',
		description: 'Values of custom fields defined in GravityZone, by field name',
	},
	{ key: 'duplicateClosedIncidentsOnUpdate', displayName: 'Duplicate Closed Incidents', type: 'boolean', default: false, description: 'Whether an update to a closed incident opens a duplicate of it (duplicateClosedIncidentsOnUpdate)' },
];
