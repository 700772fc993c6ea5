/**
 * The sandbox's own reading of the documented createPackage, createAccount, setMonthlySubscription and
 * getMonthlyUsage rules (REFERENCE-deploy.md section 1), written apart from the node's declarations on
 * purpose. Returns the first broken rule as GravityZone-style `details` text, or undefined.
 */
type Params = Record<string, unknown>;

const isObject = (value: unknown): value is Params => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*$/;

/** Every module key of every page revision, `atc` (deprecated) included. */
const MODULE_KEYS = [
	'advancedThreatControl', 'firewall', 'contentControl', 'userControl', 'antiphishing', 'trafficScan', 'deviceControl', 'powerUser',
	'edrSensor', 'advancedAntiExploit', 'containerProtection', 'encryption', 'patchManagement', 'networkAttackDefense', 'integrityMonitoring', 'atc',
];
const SUCCESSORS = ['userControl', 'antiphishing', 'trafficScan'];
const EDR_ONES = ['edrSensor', 'contentControl', 'networkAttackDefense'];

/** At least `minLength` characters with an upper-case, a lower-case, a digit and a special character. */
export function passwordProblem(value: unknown, minLength: number): string | undefined {
	if (!isText(value)) return 'must be a string';
	const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].every((test) => test.test(value));
	return value.length >= minLength && classes ? undefined : `must have at least ${minLength} characters, an upper-case letter, a lower-case letter, a digit and a special character`;
}

function modulesProblem(modules: unknown, productType: unknown): string | undefined {
	if (!isObject(modules)) return 'Invalid parameter "modules"';
	for (const [key, value] of Object.entries(modules)) {
		if (!MODULE_KEYS.includes(key)) return `Invalid parameter "modules.${key}": unknown module`;
		if (value !== 0 && value !== 1) return `Invalid parameter "modules.${key}": 1 or 0 expected`;
	}
	if ('contentControl' in modules && SUCCESSORS.some((key) => key in modules && modules[key] !== modules.contentControl)) {
		return 'contentControl cannot be sent with a different value for userControl, antiphishing or trafficScan';
	}
	if (productType === 3) {
		const atcOn = modules.advancedThreatControl === 1 || (modules.advancedThreatControl === undefined && modules.atc === 1);
		if (!atcOn || EDR_ONES.some((key) => modules[key] !== 1) || ('atc' in modules && modules.atc !== 1)) {
			return 'An EDR (Report only) package needs edrSensor, contentControl, networkAttackDefense and advancedThreatControl enabled';
		}
		const others = Object.entries(modules).filter(([key]) => ![...EDR_ONES, 'advancedThreatControl', 'atc', ...SUCCESSORS].includes(key));
		if (others.some(([, value]) => value !== 0)) return 'An EDR (Report only) package cannot enable other modules';
	}
	return undefined;
}

function scanModeProblem(scanMode: unknown): string | undefined {
	if (!isObject(scanMode)) return 'Invalid parameter "scanMode"';
	if (scanMode.type !== 1 && scanMode.type !== 2) return 'Invalid parameter "scanMode.type": 1 or 2 expected';
	for (const target of ['computers', 'vms', 'ec2']) {
		const engines = scanMode[target];
		if (engines === undefined) {
			if (scanMode.type === 2 && target !== 'ec2') return `scanMode.${target} is required for the custom scan mode`;
			continue;
		}
		if (scanMode.type !== 2) return `scanMode.${target} is only allowed with the custom scan mode`;
		if (!isObject(engines)) return `Invalid parameter "scanMode.${target}"`;
		const allowedMain = target === 'ec2' ? [1] : [1, 2, 3];
		if (!allowedMain.includes(engines.main as number)) return `Invalid parameter "scanMode.${target}.main"`;
		if ('fallback' in engines && engines.fallback !== 2 && engines.fallback !== 3) return `Invalid parameter "scanMode.${target}.fallback"`;
	}
	return undefined;
}

function settingsProblem(settings: unknown): string | undefined {
	if (!isObject(settings)) return 'Invalid parameter "settings"';
	if ('scanBeforeInstall' in settings && settings.scanBeforeInstall !== 0 && settings.scanBeforeInstall !== 1) return 'Invalid parameter "settings.scanBeforeInstall"';
	if ('uninstallPassword' in settings) {
		const weak = passwordProblem(settings.uninstallPassword, 6);
		// Never the password itself in the answer.
		if (weak) return `Invalid parameter "settings.uninstallPassword": ${weak}`;
	}
	if ('customInstallationPath' in settings) {
		const path = settings.customInstallationPath;
		if (!isText(path) || !/^[A-Za-z]:\\/.test(path) || /[<>"|?*\u0000-\u001f]/.test(path) || path.slice(2).includes(':')) {
			return 'Invalid parameter "settings.customInstallationPath": not a valid Windows path';
		}
	}
	return undefined;
}

export function createPackageProblem(params: Params): string | undefined {
	if (!isText(params.packageName) || params.packageName.trim() === '') return 'Invalid parameter "packageName": required';
	if ('description' in params && !isText(params.description)) return 'Invalid parameter "description"';
	if ('language' in params && (!isText(params.language) || !/^[a-z]{2}_[A-Z]{2}$/.test(params.language))) return 'Invalid parameter "language": LL_CC expected';
	if ('productType' in params && ![0, 3, 5].includes(params.productType as number)) return 'Invalid parameter "productType"';
	if (params.productType === 3 && !('modules' in params)) return 'An EDR (Report only) package needs its modules';
	if ('modules' in params) {
		const problem = modulesProblem(params.modules, params.productType);
		if (problem) return problem;
	}
	if ('scanMode' in params) {
		const problem = scanModeProblem(params.scanMode);
		if (problem) return problem;
	}
	return 'settings' in params ? settingsProblem(params.settings) : undefined;
}

const ROLES = [1, 2, 3, 4, 5];

export function createAccountProblem(params: Params, passwordMinLength: number): string | undefined {
	if (!isText(params.email) || !EMAIL.test(params.email)) return 'Invalid parameter "email"';
	const profile = params.profile;
	if (!isObject(profile) || !isText(profile.fullName) || profile.fullName.trim() === '') return 'Invalid parameter "profile.fullName": required';
	for (const key of ['timezone', 'language']) if (key in profile && !isText(profile[key])) return `Invalid parameter "profile.${key}"`;
	if ('password' in params) {
		const weak = passwordProblem(params.password, passwordMinLength);
		if (weak) return `Invalid parameter "password": ${weak}`;
	}
	if ('role' in params && !ROLES.includes(params.role as number)) return 'Invalid parameter "role"';
	if ('rights' in params) {
		if (!isObject(params.rights) || Object.values(params.rights).some((value) => typeof value !== 'boolean')) return 'Invalid parameter "rights"';
		if (params.role !== 5) return 'rights can only be set for the custom role (5)';
	}
	if ('targetIds' in params) {
		const ids = params.targetIds;
		if (!Array.isArray(ids) || ids.some((id) => !isText(id) || id.trim() === '')) return 'Invalid parameter "targetIds"';
	}
	return undefined;
}

const FLAGS = ['removeReservedSlots', 'manageExchange', 'manageEncryption', 'manageRemoteEnginesScanning', 'manageHyperDetect', 'manageSandboxAnalyzer'];

export function setMonthlySubscriptionProblem(params: Params): string | undefined {
	for (const key of ['reservedSlots', 'autoRenewPeriod']) {
		if (key in params && (!Number.isInteger(params[key]) || (params[key] as number) < 0)) return `Invalid parameter "${key}"`;
	}
	for (const key of FLAGS) if (key in params && typeof params[key] !== 'boolean') return `Invalid parameter "${key}"`;
	if ('endSubscription' in params && (!isText(params.endSubscription) || !/^(\d{4}-\d{2}-\d{2})?$/.test(params.endSubscription))) return 'Invalid parameter "endSubscription"';
	const ownUse = isObject(params.ownUse) ? params.ownUse : {};
	const both = Object.keys(ownUse).find((key) => key.startsWith('manage') && key in params);
	return both ? `${both} cannot be set both at the top level and in ownUse` : undefined;
}

export function getMonthlyUsageProblem(params: Params): string | undefined {
	if ('targetMonth' in params && (!isText(params.targetMonth) || !/^(0[1-9]|1[0-2])\/\d{4}$/.test(params.targetMonth))) return 'Invalid parameter "targetMonth": mm/yyyy expected';
	if ('usageCoverageType' in params) {
		if (params.usageCoverageType !== 3) return 'Invalid parameter "usageCoverageType"';
		if (!isText(params.companyRegistrationStartDate) || !isText(params.companyRegistrationEndDate)) return 'usageCoverageType needs companyRegistrationStartDate and companyRegistrationEndDate';
	}
	return undefined;
}
