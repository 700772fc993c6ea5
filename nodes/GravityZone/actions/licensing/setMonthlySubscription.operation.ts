import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import type { FieldLayout } from '../../../shared/collectBody';
import { collectBody, isPlainObject, layoutProperties } from '../../../shared/collectBody';
import { isDryRun, writeOptions } from '../../../shared/operationParts';
import type { Violation } from '../../../shared/validateBody';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';
import { extraParamsOption, gzCompanyIdField, perMinuteNotice, withExtraParams } from '../common';

const show = { resource: ['licensing'], operation: ['setMonthlySubscription'] };

const flag = (key: string, displayName: string, description: string): ApiField => ({ key, displayName, type: 'boolean', default: false, description });

/** Flags that may not be set both here and inside ownUse (REFERENCE.md licenseSubscription). */
const EXCLUSIVE_WITH_OWN_USE = ['manageRemoteEnginesScanning', 'manageHyperDetect', 'manageSandboxAnalyzer'];

/** Every parameter of the setMonthlySubscription page up to where the stored page ends (manageSandboxAnalyzer). */
export const SET_MONTHLY_SUBSCRIPTION_FIELDS: ApiField[] = [
	{ ...gzCompanyIdField('companyId', 'The company that draws its seats from your monthly licence'), required: true },
	{ key: 'reservedSlots', displayName: 'Reserved Slots', type: 'integer', minValue: 0, description: 'Seats guaranteed to the company out of your total (the seats it buys); 0 reserves none. Left out, the current reservation stays.' },
	flag('removeReservedSlots', 'Remove Reserved Slots', 'Whether to switch the company and its clients to dynamic seat provisioning (no reservation)'),
	{
		key: 'endSubscription',
		displayName: 'End Subscription',
		type: 'string',
		placeholder: '2028-04-14',
		pattern: { regex: /^(\d{4}-\d{2}-\d{2})?$/, rule: 'must be a date of the form YYYY-MM-DD, or empty to remove the end date' },
		description: 'UTC end date of the subscription as YYYY-MM-DD (the form createCompany uses; this page does not state one); empty removes it. Only for monthly subscriptions (type 3).',
	},
	{ key: 'autoRenewPeriod', displayName: 'Auto Renew Period (Months)', type: 'integer', minValue: 0, default: 12, description: 'Months the subscription runs after each renewal; 0 turns auto-renewal off (GravityZone uses 12 when End Subscription is set). Only for monthly subscriptions (type 3).' },
	flag('manageExchange', 'Security for Exchange', 'Whether the company gets Security for Exchange (the current page: false when left out; the 2017 guide: true)'),
	flag('manageEncryption', 'Full Disk Encryption', 'Whether the company gets Full Disk Encryption'),
	flag('manageRemoteEnginesScanning', 'Remote Engines Scanning', 'Whether the company gets Security for Virtualized Environments (one page revision: only with the A La Carte protection model)'),
	flag('manageHyperDetect', 'HyperDetect', 'Whether the company gets HyperDetect'),
	flag('manageSandboxAnalyzer', 'Sandbox Analyzer', 'Whether the company gets Sandbox Analyzer'),
];

export const setMonthlySubscriptionLayout: FieldLayout = {
	fields: SET_MONTHLY_SUBSCRIPTION_FIELDS,
	topLevel: ['companyId'],
	collection: 'additionalFields',
	collectionDisplayName: 'Subscription Fields',
	omitEmptyStrings: false,
};

export const description: INodeProperties[] = [
	perMinuteNotice('setMonthlySubscription', show),
	...layoutProperties(setMonthlySubscriptionLayout, show),
	writeOptions(show, [
		extraParamsOption('setMonthlySubscription', "those the stored page cuts off (such as ownUse, resell, assignedProtectionModel, as in createCompany's licenseSubscription)"),
	]),
];

/** An add-on flag may be set here or inside ownUse, never both. */
function subscriptionRules(params: IDataObject): Violation[] {
	const ownUse = isPlainObject(params.ownUse) ? params.ownUse : {};
	return EXCLUSIVE_WITH_OWN_USE.filter((key) => key in params && key in ownUse).map((key) => ({
		path: [key],
		rule: `is also set inside ownUse: set ${key} in one place only`,
	}));
}

/** setMonthlySubscription: the company's seats from your monthly licence; read them back with Get License Info. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = withExtraParams(this, itemIndex, collectBody(this, itemIndex, setMonthlySubscriptionLayout), SET_MONTHLY_SUBSCRIPTION_FIELDS, subscriptionRules);
	if (isDryRun(this, itemIndex)) return { dryRun: true, request: await gravityZoneRequest(this, 'licensing', 'setMonthlySubscription', params) };
	const result = await callGravityZone(this, 'licensing', 'setMonthlySubscription', params, itemIndex);
	const { companyId, ...sent } = params;
	return { companyId, subscriptionSet: true, sent, ...(result !== null && result !== undefined ? { result: result as IDataObject } : {}) };
}
