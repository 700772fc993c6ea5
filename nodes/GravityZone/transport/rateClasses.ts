import type { GravityZoneApi } from './jsonRpc';

/**
 * GravityZone's documented rate-limit classes, per API key (REFERENCE.md "Errors and limits",
 * REFERENCE-deploy.md 1.0). Each class is its own bucket at GravityZone, so each is paced apart.
 * `share` is the class's rate as a share of the default class's 10 requests/s: the node's
 * "Requests per Second" option sets the default class, the others follow in proportion.
 */
export interface RateClass {
	name: 'default' | 'slow' | 'perMinute30';
	/** Documented requests per second. */
	perSecond: number;
	/** Documented burst queue: requests GravityZone holds before it answers 429. */
	burst: number;
	share: number;
}

export const RATE_CLASSES: Record<RateClass['name'], RateClass> = {
	default: { name: 'default', perSecond: 10, burst: 10, share: 1 },
	slow: { name: 'slow', perSecond: 5, burst: 5, share: 0.5 },
	perMinute30: { name: 'perMinute30', perSecond: 0.5, burst: 10, share: 0.05 },
};

/**
 * Methods outside the default class; a licensing method not listed here is `slow`. The Packages API
 * methods and getAccountsList are not in the documented table, so they are in the default class.
 */
const METHOD_CLASSES: Record<string, RateClass['name']> = {
	updateCompanyDetails: 'slow',
	deleteCompany: 'slow',
	suspendCompany: 'slow',
	activateCompany: 'slow',
	getLicenseInfo: 'slow',
	getMonthlyUsage: 'slow',
	getMonthlyUsagePerProductType: 'slow',
	createAccount: 'perMinute30',
	updateAccount: 'perMinute30',
	deleteAccount: 'perMinute30',
	setMonthlySubscription: 'perMinute30',
};

export function rateClassOf(api: GravityZoneApi, method: string): RateClass {
	const name = METHOD_CLASSES[method] ?? (api === 'licensing' ? 'slow' : 'default');
	return RATE_CLASSES[name];
}
