import type { INodePropertyOptions } from 'n8n-workflow';

import { COUNTRIES } from './countries';
import { INDUSTRIES } from './industries';

const titleCase = (code: string) =>
	code
		.split('_')
		.map((word) => (['AND', 'OR', 'OF'].includes(word) ? word.toLowerCase() : word[0] + word.slice(1).toLowerCase()))
		.join(' ');

const industryCodes = new Map(INDUSTRIES.map(([value, code]) => [value, code]));

/** "Agriculture: Farm Machinery" for 203, from the parent code (203 = 2 * 100 + 3). */
function industryName(value: number, code: string): string {
	if (value === 0) return 'Undefined (Default)';
	const parent = value >= 100 ? industryCodes.get(Math.floor(value / 100)) : undefined;
	if (parent && code.startsWith(`${parent}_`)) {
		return `${titleCase(parent)}: ${titleCase(code.slice(parent.length + 1))}`;
	}
	return titleCase(code);
}

export const INDUSTRY_OPTIONS: INodePropertyOptions[] = INDUSTRIES.map(([value, code]) => ({
	name: industryName(value, code),
	value,
	description: `Code ${value} (${code})`,
})).sort((a, b) => a.name.localeCompare(b.name));

export const COUNTRY_CODES: ReadonlySet<string> = new Set(COUNTRIES.map(([code]) => code));

/** The 249 countries by name, with the code in the label so that typing either one finds it. */
export const COUNTRY_OPTIONS: INodePropertyOptions[] = COUNTRIES.map(([code, , name]) => ({ name: `${name} (${code})`, value: code })).sort(
	(a, b) => a.name.localeCompare(b.name),
);

const alpha2ByAlpha3 = new Map(COUNTRIES.map(([code, alpha3]) => [alpha3, code]));

/** The alpha-2 code meant by "USA", "nzl" or "us"; undefined when there is no such code. */
export function suggestCountryCode(value: string): string | undefined {
	const upper = value.trim().toUpperCase();
	if (COUNTRY_CODES.has(upper)) return upper;
	return alpha2ByAlpha3.get(upper);
}

export const COMPANY_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Customer', value: 1, description: 'An end customer whose endpoints you protect' },
	{ name: 'Partner', value: 0, description: 'A reseller or MSP that manages companies of its own' },
];

export const SKIP_2FA_OPTIONS: INodePropertyOptions[] = [0, 1, 3, 7, 14, 30, 90].map((days) => ({
	name: days === 0 ? 'No Exemption (0 Days)' : `${days} Day${days === 1 ? '' : 's'}`,
	value: days,
}));

export const LICENSE_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Trial', value: 1, description: 'A trial licence (what GravityZone also gives a company created without any licence)' },
	{ name: 'License Key', value: 2, description: 'A yearly licence: also set License Key' },
	{ name: 'Monthly Subscription', value: 3, description: 'Billed monthly from your pool; set Reserved Slots and End Subscription as needed' },
	{ name: 'Monthly License Trial', value: 4, description: 'A trial of the monthly licence' },
	{ name: 'Monthly Subscription Trial', value: 5, description: 'A trial of the monthly subscription, with reserved slots' },
	{ name: 'FRAT', value: 6, description: 'Documented as type 6 "FRAT"; its meaning is not confirmed by Bitdefender' },
];

export const PRODUCT_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'EDR', value: 3, description: 'Endpoint Detection and Response' },
	{ name: 'Endpoint Security', value: 0 },
	{ name: 'PHASR', value: 5, description: 'Proactive Hardening and Attack Surface Reduction' },
];

export const PROTECTION_MODEL_OPTIONS: INodePropertyOptions[] = [
	{ name: 'A La Carte', value: 'aLaCarte', description: 'Pick add-ons one by one (needed for Remote Engines Scanning)' },
	{ name: 'MSP Secure', value: 'mspSecure' },
	{ name: 'MSP Secure Extra', value: 'mspSecureExtra' },
	{ name: 'MSP Secure Plus', value: 'mspSecurePlus' },
];
