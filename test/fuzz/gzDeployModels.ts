import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { DEPLOY_SEEDED_COMPANIES } from '../sandbox/gzDeploy';
import { type CreateOperation, createSamples, field, GZ_PARTNERS, mixOf, object } from './models';
import type { Spec } from './parameterSets';
import { email, flag, formatted, type Kind, oneOf, text } from './values';

/**
 * GravityZone's createPackage and createAccount as REFERENCE-deploy.md section 1 documents them: the
 * fuzzing's own reading, written apart from the node's declarations (only the sandbox's seeded company
 * IDs are shared, so that valid sets name a company that exists).
 */

/** Create: a value left empty is not sent (see Presence), nor an object left with nothing in it. */
const onCreate = { omitBlank: true };

const GZ_ID = /^[0-9a-fA-F]{22,24}$/;
const KNOWN_COMPANIES = [...GZ_PARTNERS, ...DEPLOY_SEEDED_COMPANIES.map(([id]) => id)];
const company = formatted(
	fc.constantFrom(...KNOWN_COMPANIES),
	fc.constantFrom('acme', '54a1a1d3b1a43d2b347b2', '54a1a1d3b1a43d2b347b23c1f', '54a1a1d3-b1a4-3d2b-347b'),
	(value) => GZ_ID.test(value),
	onCreate,
);

/** Documented: at least 6 characters with an upper-case and a lower-case letter, a digit and a special character. */
const isStrong = (value: string) => value.length >= 6 && /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value) && /[^A-Za-z0-9]/.test(value);
const token = fc.stringMatching(/^[A-Za-z0-9]{2,12}$/);
const password: Kind = {
	...formatted(
		// Each valid password is one of its own (a token in it), so that the secrets scan never mistakes another value for it.
		fc.tuple(fc.constantFrom('A', 'Z'), fc.constantFrom('a', 'q'), fc.integer({ min: 0, max: 9 }), fc.constantFrom('!', '@', '#', ' ', '-', 'ä'), token).map((parts) => parts.join('')),
		fc.oneof(
			fc.constantFrom('Ab1!x', 'nouppercase1!', 'NOLOWERCASE1!', 'NoDigits!!', 'NoSpecial123', '', '      '),
			fc.integer({ min: 100_000, max: 9_999_999 }),
			fc.string({ maxLength: 5 }),
		),
		isStrong,
		onCreate,
	),
	secret: true,
};

const LANGUAGES = ['en_US', 'es_ES', 'de_DE', 'fr_FR', 'ro_RO', 'pl_PL', 'pt_BR', 'it_IT', 'ru_RU'];
const language = formatted(
	fc.oneof(fc.constantFrom(...LANGUAGES, 'en_EN'), fc.tuple(fc.stringMatching(/^[a-z]{2}$/), fc.stringMatching(/^[A-Z]{2}$/)).map(([ll, cc]) => `${ll}_${cc}`)),
	fc.constantFrom('english', 'en-US', 'EN_us', 'en_USA', 'e_US'),
	(value) => /^[a-z]{2}_[A-Z]{2}$/.test(value),
	onCreate,
);

/** An absolute Windows path: drive, colon, backslash, then names without <>:"/\|?* or control characters. */
const isWindowsPath = (value: string) => {
	if (!/^[A-Za-z]:\\/.test(value)) return false;
	const names = value.slice(3).split('\\');
	return names.every((name, index) => (name === '' ? index === names.length - 1 : !/[<>:"/\\|?*\u0000-\u001f]/.test(name)));
};
const windowsPath = formatted(
	fc.tuple(fc.constantFrom('C', 'd'), fc.array(fc.stringMatching(/^[A-Za-z0-9 _.()-]{1,10}$/), { maxLength: 3 }), fc.boolean()).map(
		([drive, names, trailing]) => `${drive}:\\${names.join('\\')}${trailing && names.length ? '\\' : ''}`,
	),
	fc.constantFrom('Program Files\\BD', 'C:/Program Files', 'C:\\a|b', '\\\\server\\share', 'C:\\a\\\\b', 'c:', 'C:\\x:y'),
	isWindowsPath,
	onCreate,
);

const ON_OFF = oneOf([1, 0], onCreate);
const MODULE_KEYS = [
	'advancedThreatControl', 'firewall', 'contentControl', 'userControl', 'antiphishing', 'trafficScan', 'deviceControl', 'powerUser',
	'edrSensor', 'advancedAntiExploit', 'containerProtection', 'encryption', 'patchManagement', 'networkAttackDefense', 'integrityMonitoring', 'atc',
];
const engines = (key: string, main: Kind): Spec => object(key, [field('main', main, 0.85), field('fallback', oneOf([2, 3], onCreate), 0.4)], 0.55);

const PACKAGE_TOP: Spec[] = [
	field('packageName', text({ notBlank: true, required: true, ...onCreate }), 1),
	{ key: 'modules', children: MODULE_KEYS.map((key) => field(key, ON_OFF, 0.25)), inclusion: 0.6 },
];

const PACKAGE_ADDITIONAL: Spec[] = [
	{ key: 'companyId', locator: company, inclusion: 0.6 },
	field('description', text(onCreate), 0.25),
	{ key: 'language', locator: language, inclusion: 0.3 },
	object('scanMode', [field('type', oneOf([1, 2], onCreate), 0.85), engines('computers', oneOf([1, 2, 3], onCreate)), engines('vms', oneOf([1, 2, 3], onCreate)), engines('ec2', oneOf([1], onCreate))], 0.35),
	object('settings', [field('scanBeforeInstall', ON_OFF, 0.5), field('uninstallPassword', password, 0.5), field('customInstallationPath', windowsPath, 0.4)], 0.4),
	field('productType', oneOf([0, 3, 5], onCreate), 0.25),
];

const asObject = (value: unknown) => (typeof value === 'object' && value !== null ? (value as IDataObject) : {});

/** createPackage's rules across fields; a broken rule lists every field the node may name for it. */
function packageProblems(body: IDataObject): string[] {
	const out: string[] = [];
	const modules = asObject(body.modules);
	const at = (key: string) => `modules.${key}`;
	if (modules.contentControl !== undefined) {
		for (const key of ['userControl', 'antiphishing', 'trafficScan']) if (key in modules && modules[key] !== modules.contentControl) out.push(at(key), at('contentControl'));
	}
	if (body.productType === 3) {
		// EDR (Report only): these four enabled (atc is the old name of advancedThreatControl), all others 0.
		for (const key of ['edrSensor', 'contentControl', 'networkAttackDefense']) if (modules[key] !== 1) out.push(at(key), 'productType');
		if ((modules.advancedThreatControl ?? modules.atc) !== 1) out.push(at('advancedThreatControl'), 'productType');
		if ('atc' in modules && modules.atc !== 1) out.push(at('atc'), 'productType');
		const free = ['edrSensor', 'contentControl', 'networkAttackDefense', 'advancedThreatControl', 'atc', 'userControl', 'antiphishing', 'trafficScan'];
		for (const [key, value] of Object.entries(modules)) if (!free.includes(key) && value !== 0) out.push(at(key), 'productType');
	}
	if (body.scanMode !== undefined) {
		const scanMode = asObject(body.scanMode);
		if (scanMode.type === undefined) out.push('scanMode.type');
		for (const target of ['computers', 'vms', 'ec2']) {
			const engine = scanMode[target];
			if (engine === undefined) {
				if (scanMode.type === 2 && target !== 'ec2') out.push(`scanMode.${target}`, 'scanMode.type');
				continue;
			}
			if (scanMode.type !== 2) out.push(`scanMode.${target}`, 'scanMode.type');
			if (asObject(engine).main === undefined) out.push(`scanMode.${target}.main`, `scanMode.${target}`);
		}
	}
	return out;
}

const PACKAGE_CREATE: CreateOperation = {
	resource: 'package',
	operation: 'create',
	top: PACKAGE_TOP,
	additional: PACKAGE_ADDITIONAL,
	crossFieldProblems: packageProblems,
};

const RIGHTS = ['manageCompanies', 'manageNetworks', 'manageUsers', 'manageReports', 'companyManager', 'manageInventory', 'managePoliciesRead', 'managePoliciesWrite'];

const ACCOUNT_TOP: Spec[] = [
	field('email', email({ required: true, ...onCreate }), 1),
	{
		key: 'profile',
		children: [field('fullName', text({ notBlank: true, required: true, ...onCreate }), 0.9), field('timezone', text(onCreate), 0.3), field('language', text(onCreate), 0.3)],
		inclusion: 0.95,
	},
];

const ACCOUNT_ADDITIONAL: Spec[] = [
	field('password', password, 0.4),
	{ key: 'companyId', locator: company, inclusion: 0.6 },
	field('role', oneOf([1, 2, 3, 4, 5], onCreate), 0.5),
	object('rights', RIGHTS.map((key) => field(key, flag(onCreate), 0.3)), 0.3),
	{ key: 'targetIds', strings: text({ notBlank: true, required: true, ...onCreate }), inclusion: 0.25 },
];

/** createAccount: a profile with a full name; rights only for the Custom role (5). */
function accountProblems(body: IDataObject): string[] {
	const out: string[] = [];
	if (body.profile === undefined) out.push('profile');
	else if (asObject(body.profile).fullName === undefined) out.push('profile.fullName', 'profile');
	if (body.rights !== undefined && body.role !== 5) out.push('rights', 'role');
	return out;
}

const ACCOUNT_CREATE: CreateOperation = {
	resource: 'account',
	operation: 'create',
	top: ACCOUNT_TOP,
	additional: ACCOUNT_ADDITIONAL,
	crossFieldProblems: accountProblems,
};

export const packageSamples = mixOf((clean) => createSamples(PACKAGE_CREATE, clean));
export const accountSamples = mixOf((clean) => createSamples(ACCOUNT_CREATE, clean));
