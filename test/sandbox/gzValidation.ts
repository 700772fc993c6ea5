import { COUNTRIES } from '../../nodes/GravityZone/data/countries';
import { INDUSTRIES } from '../../nodes/GravityZone/data/industries';

/**
 * The sandbox's own reading of the documented createCompany / updateCompanyDetails rules. It is written
 * apart from the node's validator on purpose: a rule both got wrong the same way would go unseen.
 * Returns the first broken rule as GravityZone-style `details` text, or undefined.
 */
type Params = Record<string, unknown>;

const countries = new Set(COUNTRIES.map(([code]) => code));
const industries = new Set(INDUSTRIES.map(([value]) => value));
const isObject = (value: unknown): value is Params => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) => typeof value === 'string';
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*$/;

const MODELS = ['aLaCarte', 'mspSecure', 'mspSecurePlus', 'mspSecureExtra'];
const PRODUCTS = [0, 3, 5];

function checkCompanyFields(params: Params, creating: boolean): string | undefined {
	if (creating && params.type !== 0 && params.type !== 1) return 'Invalid parameter "type": must be 0 or 1';
	if (creating || 'name' in params) {
		if (!isText(params.name) || (params.name as string).trim() === '') return 'Invalid parameter "name": required';
		if ((params.name as string).length > 64) return 'Invalid parameter "name": must not exceed 64 characters';
	}
	if ('address' in params) {
		if (!isText(params.address) || (params.address as string).length > 128) return 'Invalid parameter "address": at most 128 characters';
		if (/<[^>]+>/.test(params.address as string)) return 'Invalid parameter "address": HTML tags are not allowed';
	}
	if ('phone' in params && (!isText(params.phone) || (params.phone as string).length > 32)) return 'Invalid parameter "phone": at most 32 characters';
	if ('country' in params && !countries.has(params.country as string)) return 'Invalid parameter "country": not an ISO 3166 code';
	if ('state' in params) {
		const state = params.state as string;
		if (!isText(state) || !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(state)) return 'Invalid parameter "state": not an ISO 3166-2 code';
		if (isText(params.country) && !state.startsWith(`${params.country as string}-`)) return 'Invalid parameter "state": does not belong to "country"';
	}
	if ('industry' in params && !industries.has(params.industry as number)) return 'Invalid parameter "industry"';
	for (const key of ['canBeManagedByAbove', 'enforce2FA', 'duplicateClosedIncidentsOnUpdate']) {
		if (key in params && typeof params[key] !== 'boolean') return `Invalid parameter "${key}": must be a boolean`;
	}
	if ('skip2FAPeriod' in params && ![0, 1, 3, 7, 14, 30, 90].includes(params.skip2FAPeriod as number)) return 'Invalid parameter "skip2FAPeriod"';
	for (const key of ['accountEmail']) {
		if (key in params && (!isText(params[key]) || !EMAIL.test(params[key] as string))) return `Invalid parameter "${key}": not an e-mail address`;
	}
	if (params.canBeManagedByAbove === false && (!isText(params.accountEmail) || !isText(params.accountFullName))) {
		return 'accountEmail and accountFullName are required when canBeManagedByAbove is false';
	}
	if ('contactPerson' in params) {
		const contact = params.contactPerson;
		if (!isObject(contact)) return 'Invalid parameter "contactPerson"';
		if ('email' in contact && !EMAIL.test(String(contact.email))) return 'Invalid parameter "contactPerson.email"';
	}
	if ('customFields' in params && !isObject(params.customFields)) return 'Invalid parameter "customFields"';
	if ('mdrContactInformation' in params) {
		const mdr = params.mdrContactInformation;
		if (!isObject(mdr)) return 'Invalid parameter "mdrContactInformation"';
		if ('email' in mdr && !EMAIL.test(String(mdr.email))) return 'Invalid parameter "mdrContactInformation.email"';
		if ('emailVerificationCode' in mdr && !/^\d{8}$/.test(String(mdr.emailVerificationCode))) {
			return 'Invalid parameter "mdrContactInformation.emailVerificationCode": 8 digits expected';
		}
	}
	return undefined;
}

/** Add-on flags are booleans; flags the docs do not list yet are let through (the API grows). */
function checkFlags(object: Params, where: string): string | undefined {
	for (const [key, value] of Object.entries(object)) {
		if (key.startsWith('manage') && typeof value !== 'boolean') {
			return `Invalid parameter "${where}.${key}"`;
		}
	}
	return undefined;
}

function checkLicense(license: unknown): string | undefined {
	if (!isObject(license)) return 'Invalid parameter "licenseSubscription"';
	if (![1, 2, 3, 4, 5, 6].includes(license.type as number)) return 'Invalid parameter "licenseSubscription.type"';
	if (license.type === 2 && (!isText(license.licenseKey) || license.licenseKey === '')) return 'licenseKey is required for license type 2';
	const broken = checkFlags(license, 'licenseSubscription');
	if (broken) return broken;
	const ownUse = license.ownUse ?? {};
	if (!isObject(ownUse)) return 'Invalid parameter "licenseSubscription.ownUse"';
	const brokenOwnUse = checkFlags(ownUse, 'licenseSubscription.ownUse');
	if (brokenOwnUse) return brokenOwnUse;
	const both = Object.keys(ownUse).find((key) => key in license);
	if (both) return `${both} cannot be set both in licenseSubscription and in ownUse`;
	if ((license.manageRemoteEnginesScanning === true || ownUse.manageRemoteEnginesScanning === true) && license.assignedProtectionModel !== 'aLaCarte') {
		return 'manageRemoteEnginesScanning requires the aLaCarte protection model';
	}
	if ('assignedProductType' in license && !PRODUCTS.includes(license.assignedProductType as number)) return 'Invalid parameter "assignedProductType"';
	const additional = license.additionalProductTypes;
	if (additional !== undefined) {
		if (!Array.isArray(additional) || additional.some((type) => !PRODUCTS.includes(type as number))) return 'Invalid parameter "additionalProductTypes"';
		if (additional.length > 0 && !additional.includes(license.assignedProductType)) return 'additionalProductTypes must contain assignedProductType';
	}
	if ('assignedProtectionModel' in license && !MODELS.includes(license.assignedProtectionModel as string)) return 'Invalid parameter "assignedProtectionModel"';
	const models = license.additionalProtectionModels;
	if (models !== undefined && (!Array.isArray(models) || models.some((model) => !MODELS.includes(model as string)))) {
		return 'Invalid parameter "additionalProtectionModels"';
	}
	if ('endSubscription' in license && !/^\d{4}-\d{2}-\d{2}$/.test(String(license.endSubscription))) return 'Invalid parameter "endSubscription"';
	for (const key of ['reservedSlots', 'autoRenewPeriod', 'imDataRetention', 'edrDataRetention']) {
		if (key in license && !Number.isInteger(license[key])) return `Invalid parameter "licenseSubscription.${key}"`;
	}
	return undefined;
}

export function createCompanyProblem(params: Params): string | undefined {
	const problem = checkCompanyFields(params, true);
	if (problem) return problem;
	return 'licenseSubscription' in params ? checkLicense(params.licenseSubscription) : undefined;
}

export function updateCompanyProblem(params: Params): string | undefined {
	if (!isText(params.id)) return 'Invalid parameter "id"';
	if ('licenseSubscription' in params || 'type' in params) return 'Licensing and type cannot be updated here';
	return checkCompanyFields(params, false);
}
