import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { COUNTRIES } from '../../nodes/GravityZone/data/countries';
import { INDUSTRIES } from '../../nodes/GravityZone/data/industries';
import { ESET_EXAMPLE_PARENT, ESET_ROOT_COMPANY } from '../sandbox/eset';
import { GZ_ROOT_COMPANY } from '../sandbox/gravityZone';
import { drawFields, ParameterSet, type Spec } from './parameterSets';
import { date, email, flag, formatted, integer, type Kind, oneOf, someOf, text } from './values';

/**
 * The two nodes' parameters as the vendor reference (shared/api/REFERENCE.md) documents their fields,
 * and the rules that tie fields together. Only the data lists (ISO countries, industries) are shared
 * with the nodes.
 */
export interface Sample {
	/** The node's resource: "company" unless said. */
	resource?: string;
	operation: string;
	parameters: INodeParameters;
	item: IDataObject;
	/** The request body the API must receive (create) or the company asked for (get). */
	body: IDataObject;
	problems: string[];
}

export const field = (key: string, kind: Kind, inclusion?: number): Spec => ({ key, kind, inclusion });
export const object = (key: string, children: Spec[], inclusion?: number): Spec => ({ key, children, inclusion });
const isSet = (value: unknown) => value != null && !(typeof value === 'string' && value.trim() === '');
const neverMissing = (kind: Kind): Kind => ({ ...kind, valid: kind.valid.filter(isSet), invalid: kind.invalid.filter(isSet) });

/** Request Options: always set, with a rate that keeps 10,000 runs quick (the pacing has tests of its own). */
const decimal = (min: number, valid: fc.Arbitrary<unknown>): Kind => ({
	ui: 'number',
	valid,
	invalid: fc.constantFrom<unknown>(min - 1, -5, 'fast', '', true),
	judge(raw) {
		const value = typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
		return typeof value === 'number' && value >= min ? { sent: value } : { sent: value, broken: `below ${min} or not a number` };
	},
});
export const REQUEST_OPTIONS: Spec = {
	key: 'requestOptions',
	inclusion: 1,
	children: [
		{ key: 'concurrency', kind: { ...integer(1), valid: fc.integer({ min: 1, max: 64 }) }, inclusion: 0.2 },
		{ key: 'requestsPerSecond', kind: decimal(0, fc.oneof(fc.constant(0), fc.constant('0'), fc.integer({ min: 5000, max: 100_000 }))), inclusion: 1 },
		{ key: 'timeoutMs', kind: decimal(1000, fc.integer({ min: 1000, max: 120_000 })), inclusion: 0.2 },
	],
};

// ---- GravityZone: createCompany and getCompanyDetails ----------------------------------------------

/** Create: an empty value is not sent (see Presence), for every field of both nodes. */
const onCreate = { omitBlank: true };

const GZ_ID = /^[0-9a-fA-F]{22,24}$/;
/** The Partner companies the sandbox starts with (the documented examples' parents) and the key's own. */
export const GZ_PARTNERS = [GZ_ROOT_COMPANY, '5518f5f3b1a43d357e7b23c6', '64259e19a1bf20af00069c', '64babaafab366c53d20c83ca'];
const gzId = (presence: { required?: boolean; omitBlank?: boolean } = {}) =>
	formatted(
		fc.constantFrom(...GZ_PARTNERS),
		fc.constantFrom('acme', '5518f5f3b1a43d357e7b2', '5518f5f3b1a43d357e7b23c6a', '5518f5f3b1a43d357e7b23g6', '5518f5f3-b1a4-3d35-7e7b'),
		(value) => GZ_ID.test(value),
		presence,
	);
const COUNTRY_CODES = COUNTRIES.map(([code]) => code);
const NEAR = ['US', 'DE', 'RO', 'GB'];
/** A dropdown of the ISO codes; an expression may bring anything, such as an alpha-3 code or a name. */
const countryCode = oneOf(COUNTRY_CODES, onCreate);
const country: Kind = {
	...countryCode,
	valid: fc.oneof(fc.constantFrom(...NEAR), countryCode.valid),
	invalid: fc.oneof(fc.constantFrom('USA', 'us', 'NZL', 'XX', 'U', 'Germany'), countryCode.invalid),
};
const state = formatted(
	fc.tuple(fc.constantFrom(...NEAR), fc.stringMatching(/^[A-Z0-9]{1,3}$/)).map(([code, subdivision]) => `${code}-${subdivision}`),
	fc.constantFrom('California', 'us-ca', 'US_CA', 'US-', 'US-ABCD'),
	(value) => /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(value),
	onCreate,
);
const language = formatted(
	fc.tuple(fc.stringMatching(/^[a-z]{2}$/), fc.stringMatching(/^[A-Z]{2}$/)).map(([ll, cc]) => `${ll}_${cc}`),
	fc.constantFrom('en-US', 'EN_us', 'english', 'en_USA'),
	(value) => /^[a-z]{2}_[A-Z]{2}$/.test(value),
	onCreate,
);
const verificationCode = formatted(
	fc.oneof(fc.stringMatching(/^\d{8}$/), fc.integer({ min: 10_000_000, max: 99_999_999 })),
	fc.constantFrom('1234', '123456789', 'abcdefgh', '1234 5678'),
	(value) => /^\d{8}$/.test(value),
	onCreate,
);

const ADD_ONS = ['manageExchange', 'manageEncryption', 'managePatchManagement', 'manageIntegrityMonitoring', 'manageEmailSecurity', 'manageMobileSecurity'];
const EITHER_LEVEL = ['manageRemoteEnginesScanning', 'manageHyperDetect', 'manageSandboxAnalyzer', 'manageEventCorrelator', 'manageContainerProtection', 'managePHASR', 'manageEASM', 'manageComplianceManager', 'manageExtendedEmailSecurity'];
const XDR = ['manageXDRIdentityProviders', 'manageXDRProductivityApps', 'manageXDRNetwork', 'manageXDRCloudWorkloads'];
const RESELL = ['XDR', 'RemoteEnginesScanning', 'ContainerProtection', 'HyperDetect', 'SandboxAnalyzer', 'EventCorrelator', 'PHASR', 'EASM', 'ComplianceManager', 'ExtendedEmailSecurity'].map((name) => `manage${name}Resell`);
const flags = (keys: string[], inclusion: number) => keys.map((key) => field(key, flag(onCreate), inclusion));
const MODELS = ['aLaCarte', 'mspSecure', 'mspSecurePlus', 'mspSecureExtra'];

const LICENSE: Spec = {
	key: 'licenseSubscription',
	inclusion: 0.35,
	// In the editor, Type, Own Use and Resell are always there once the licence is added; the others are added to it.
	grouped: ['type', 'ownUse', 'resell'],
	children: [
		// Whether a licence may leave its type out is not documented: these sets never leave it out.
		field('type', neverMissing(oneOf([1, 2, 3, 4, 5, 6], { required: true })), 1),
		field('licenseKey', text(onCreate)),
		field('reservedSlots', integer(0, onCreate), 0.2),
		field('endSubscription', date(onCreate), 0.2),
		field('autoRenewPeriod', integer(0, onCreate), 0.2),
		...flags([...ADD_ONS, ...EITHER_LEVEL], 0.08),
		field('imDataRetention', integer(0, onCreate), 0.1),
		field('edrDataRetention', integer(0, onCreate), 0.1),
		object('ownUse', flags([...ADD_ONS, ...EITHER_LEVEL, ...XDR], 0.08), 0.2),
		object('resell', flags(RESELL, 0.2), 0.15),
		object('minimumUsage', [field('endpointMonthlyUsage', integer(0, onCreate), 0.7)], 0.15),
		field('assignedProductType', oneOf([0, 3, 5], onCreate), 0.3),
		field('additionalProductTypes', someOf([0, 3, 5], onCreate), 0.25),
		field('assignedProtectionModel', oneOf(MODELS, onCreate), 0.3),
		field('additionalProtectionModels', someOf(MODELS, onCreate), 0.2),
		object('licensedServices', [field('mdrServiceOwnUse', integer(0, onCreate), 0.7)], 0.1),
	],
};

const gzText = (rules: { maxLength?: number; noHtml?: boolean } = {}) => text({ ...rules, ...onCreate });

const GZ_ADDITIONAL: Spec[] = [
	{ key: 'parentId', locator: gzId(onCreate) },
	field('address', gzText({ maxLength: 128, noHtml: true })),
	field('country', country),
	field('state', state),
	field('phone', gzText({ maxLength: 32 })),
	field('industry', oneOf(INDUSTRIES.map(([value]) => value), onCreate)),
	field('canBeManagedByAbove', flag(onCreate), 0.25),
	field('enforce2FA', flag(onCreate), 0.2),
	field('skip2FAPeriod', oneOf([0, 1, 3, 7, 14, 30, 90], onCreate), 0.2),
	field('accountEmail', email(onCreate)),
	field('accountFullName', gzText()),
	field('accountTimezone', gzText(), 0.15),
	field('accountLanguage', language, 0.2),
	object('contactPerson', [field('fullName', gzText(), 0.5), field('email', email(onCreate), 0.5), field('phoneNumber', gzText(), 0.5), field('companyRole', gzText(), 0.5)], 0.25),
	object(
		'mdrContactInformation',
		[
			object('phoneNumber', [field('countryPrefix', gzText(), 0.6), field('subscriberNumber', gzText(), 0.6)], 0.5),
			field('fullName', gzText(), 0.5),
			field('email', email(onCreate), 0.5),
			field('emailVerificationCode', verificationCode, 0.5),
		],
		0.15,
	),
	{ key: 'customFields', entries: 'keyValue', inclusion: 0.2 },
	field('duplicateClosedIncidentsOnUpdate', flag(onCreate), 0.15),
];

const GZ_TOP: Spec[] = [
	field('type', oneOf([0, 1], { required: true, ...onCreate }), 1),
	field('name', text({ maxLength: 64, notBlank: true, required: true, ...onCreate }), 1),
];

const isFilled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** createCompany's rules across fields, as the reference states them. */
function gravityZoneCrossFieldProblems(body: IDataObject): string[] {
	const out: string[] = [];
	const { country: code, state: subdivision } = body;
	// A state is checked against a country only when that country is a real code.
	const knownCountry = typeof code === 'string' && COUNTRY_CODES.includes(code);
	if (knownCountry && typeof subdivision === 'string' && /^[A-Z]{2}-/.test(subdivision) && !subdivision.startsWith(`${code}-`)) out.push('state');
	if (body.canBeManagedByAbove === false) for (const key of ['accountEmail', 'accountFullName']) if (!isFilled(body[key])) out.push(key);
	const license = body.licenseSubscription as IDataObject | undefined;
	if (!license) return out;
	const at = (...keys: string[]) => ['licenseSubscription', ...keys].join('.');
	if (license.type === 2 && !isFilled(license.licenseKey)) out.push(at('licenseKey'));
	const ownUse = (license.ownUse ?? {}) as IDataObject;
	for (const key of Object.keys(ownUse)) if (key in license) out.push(at('ownUse', key));
	if (license.manageRemoteEnginesScanning === true && license.assignedProtectionModel !== 'aLaCarte') out.push(at('manageRemoteEnginesScanning'));
	if (ownUse.manageRemoteEnginesScanning === true && license.assignedProtectionModel !== 'aLaCarte') out.push(at('ownUse', 'manageRemoteEnginesScanning'));
	const additional = license.additionalProductTypes;
	if (Array.isArray(additional) && additional.length > 0) {
		if (license.assignedProductType === undefined) out.push(at('assignedProductType'));
		else if (!(additional as unknown[]).includes(license.assignedProductType)) out.push(at('additionalProductTypes'));
	}
	return out;
}

/** A Create: the fields of its own (and the Request Options), the "Additional Fields", "Create Anyway". */
export interface CreateOperation {
	resource?: string;
	operation: string;
	top: Spec[];
	additional: Spec[];
	crossFieldProblems?: (body: IDataObject) => string[];
}

export function createSamples(create: CreateOperation, clean: boolean): fc.Arbitrary<Sample> {
	const top = [...create.top, REQUEST_OPTIONS];
	return fc.record({ top: drawFields(top, clean), additional: drawFields(create.additional, clean) }).map((drawn) => {
		const set = new ParameterSet();
		const main = set.buildAll(top, drawn.top);
		const rest = set.buildAll(create.additional, drawn.additional);
		const { requestOptions: _options, ...body } = { ...main.body, ...rest.body };
		set.problems.push(...(create.crossFieldProblems?.(body) ?? []));
		return {
			resource: create.resource,
			operation: create.operation,
			parameters: { ...main.parameters, additionalFields: rest.parameters, options: { ifExists: 'createAnyway' } },
			item: set.item,
			body,
			problems: set.problems,
		};
	});
}

const GZ_CREATE: CreateOperation = {
	operation: 'create',
	top: [...GZ_TOP, LICENSE],
	additional: GZ_ADDITIONAL,
	crossFieldProblems: gravityZoneCrossFieldProblems,
};

function companyIdSample(operation: string, kind: Kind, clean: boolean): fc.Arbitrary<Sample> {
	const specs: Spec[] = [{ key: 'companyId', locator: kind, inclusion: 1 }, REQUEST_OPTIONS];
	return drawFields(specs, clean).map((drawn) => {
		const set = new ParameterSet();
		const { parameters, body } = set.buildAll(specs, drawn);
		return { operation, parameters, item: set.item, body: { companyId: body.companyId }, problems: set.problems };
	});
}

/** Three sets in ten are clean; Create gets most sets, as it has most fields. */
export const mixOf = (build: (clean: boolean) => fc.Arbitrary<Sample>) =>
	fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 7, arbitrary: fc.constant(false) }).chain((clean) => build(clean));

export const gravityZoneSamples = fc.oneof(
	{ weight: 17, arbitrary: mixOf((clean) => createSamples(GZ_CREATE, clean)) },
	{ weight: 3, arbitrary: mixOf((clean) => companyIdSample('get', gzId({ required: true, omitBlank: true }), clean)) },
);

// ---- ESET: Company/Create/customer and Company/Detail ----------------------------------------------

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const esetId = (presence: { required?: boolean } = {}) =>
	formatted(
		fc.constantFrom(ESET_ROOT_COMPANY, ESET_EXAMPLE_PARENT).chain((id) => fc.constantFrom(id, id.toLowerCase(), id.toUpperCase())),
		fc.constantFrom('B8D40DEC-7773-45D2-A2B2', 'not-a-guid', '{B8D40DEC-7773-45D2-A2B2-86642A7E5852}', 'G8D40DEC-7773-45D2-A2B2-86642A7E5852'),
		(value) => GUID.test(value),
		{ ...presence, omitBlank: true },
	);
const esetText = () => text({ omitBlank: true });

const ESET_TOP: Spec[] = [
	field('name', text({ notBlank: true, required: true, omitBlank: true }), 1),
	{
		key: 'address',
		required: true,
		inclusion: 1,
		children: ['streetAddress', 'city', 'zipCode', 'state'].map((key) => field(key, esetText(), 0.5)),
	},
];

const ESET_ADDITIONAL: Spec[] = [
	{ key: 'parentCompanyId', locator: esetId() },
	field('email', email({ omitBlank: true })),
	{ key: 'tags', entries: 'list', item: { key: 'tag', kind: esetText() }, inclusion: 0.3 },
	field('customIdentifier', esetText()),
	field('vatId', esetText()),
	field('comment', esetText()),
	field('description', esetText()),
];

const ESET_CREATE: CreateOperation = { operation: 'createCustomer', top: ESET_TOP, additional: ESET_ADDITIONAL };

export const esetSamples = fc.oneof(
	{ weight: 17, arbitrary: mixOf((clean) => createSamples(ESET_CREATE, clean)) },
	{ weight: 3, arbitrary: mixOf((clean) => companyIdSample('get', esetId({ required: true }), clean)) },
);
