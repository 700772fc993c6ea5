import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../../../shared/collectBody';
import type { Violation } from '../../../shared/validateBody';
import { COUNTRY_CODES } from '../../data/options';

/** The documented rules of createCompany that tie several fields together. */
export function companyRules(params: IDataObject): Violation[] {
	const out: Violation[] = [];
	const { country, state } = params;
	// Against a country that is itself wrong, a state proves nothing: only the country is reported.
	if (typeof country === 'string' && COUNTRY_CODES.has(country) && typeof state === 'string' && /^[A-Z]{2}-/.test(state)) {
		if (state.slice(0, 2) !== country) {
			out.push({ path: ['state'], rule: `must start with the country code "${country}-" (got "${state}")` });
		}
	}
	if (params.canBeManagedByAbove === false) {
		for (const key of ['accountEmail', 'accountFullName']) {
			if (typeof params[key] !== 'string' || (params[key] as string).trim() === '') {
				out.push({ path: [key], rule: 'is required when canBeManagedByAbove is false' });
			}
		}
	}
	const license = params.licenseSubscription;
	if (isPlainObject(license)) out.push(...licenseRules(license));
	return out;
}

function licenseRules(license: IDataObject): Violation[] {
	const out: Violation[] = [];
	const at = (...keys: string[]) => ['licenseSubscription', ...keys];
	if (license.type === 2 && (typeof license.licenseKey !== 'string' || license.licenseKey.trim() === '')) {
		out.push({ path: at('licenseKey'), rule: 'is required when the licence type is 2 (License Key)' });
	}
	const ownUse = isPlainObject(license.ownUse) ? license.ownUse : {};
	for (const key of Object.keys(ownUse)) {
		if (key.startsWith('manage') && key in license) {
			out.push({
				path: at('ownUse', key),
				rule: `is also set at the top level of licenseSubscription: set ${key} in one place only`,
			});
		}
	}
	if (
		(license.manageRemoteEnginesScanning === true || ownUse.manageRemoteEnginesScanning === true) &&
		license.assignedProtectionModel !== 'aLaCarte'
	) {
		const where = license.manageRemoteEnginesScanning === true ? at('manageRemoteEnginesScanning') : at('ownUse', 'manageRemoteEnginesScanning');
		out.push({ path: where, rule: 'true needs assignedProtectionModel "aLaCarte"' });
	}
	const additional = license.additionalProductTypes;
	if (Array.isArray(additional) && additional.length > 0) {
		if (license.assignedProductType === undefined) {
			out.push({ path: at('assignedProductType'), rule: 'is required when additionalProductTypes is not empty' });
		} else if (!(additional as unknown[]).includes(license.assignedProductType)) {
			out.push({
				path: at('additionalProductTypes'),
				rule: `must contain the assigned product type ${JSON.stringify(license.assignedProductType)} when not empty`,
			});
		}
	}
	return out;
}
