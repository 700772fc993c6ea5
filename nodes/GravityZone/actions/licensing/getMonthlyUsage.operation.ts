import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import type { FieldLayout } from '../../../shared/collectBody';
import { collectBody, isPlainObject, layoutProperties } from '../../../shared/collectBody';
import { throwIfInvalid } from '../../../shared/processItems';
import { validateBody, type Violation } from '../../../shared/validateBody';
import { callGravityZone } from '../../transport/jsonRpc';
import { gzCompanyIdField } from '../common';
import { unreadableAnswer } from '../paging';

const show = { resource: ['licensing'], operation: ['getMonthlyUsage'] };

const TARGET_MONTH: ApiField = {
	key: 'targetMonth',
	displayName: 'Target Month',
	type: 'string',
	placeholder: '03/2026',
	pattern: { regex: /^(0[1-9]|1[0-2])\/\d{4}$/, rule: 'must be a month of the form mm/yyyy, such as 03/2026 (or a date)' },
	description: 'The month to report: pick any day of it, or give mm/yyyy (an expression may also bring a date); the current month when empty',
};

export const GET_MONTHLY_USAGE_FIELDS: ApiField[] = [
	gzCompanyIdField('companyId', 'The company whose usage to read; leave empty for your own'),
	TARGET_MONTH,
	{
		key: 'usageCoverageType',
		displayName: 'Usage Coverage Type',
		type: 'options',
		options: [{ name: 'Companies Registered in a Period (3)', value: 3 }],
		default: 3,
		description: 'Count only companies created between the two registration dates (needs both)',
	},
	{ key: 'companyRegistrationStartDate', displayName: 'Company Registration Start Date', type: 'string', description: 'Only companies created after this date (UTC; GravityZone does not document the format)' },
	{ key: 'companyRegistrationEndDate', displayName: 'Company Registration End Date', type: 'string', description: 'Only companies created before this date (UTC; GravityZone does not document the format)' },
];

export const getMonthlyUsageLayout: FieldLayout = {
	fields: GET_MONTHLY_USAGE_FIELDS,
	topLevel: ['companyId', 'targetMonth'],
	collection: 'additionalFields',
	collectionDisplayName: 'Additional Fields',
	omitEmptyStrings: true,
};

const [company, month, ...rest] = layoutProperties(getMonthlyUsageLayout, show);

// A date picker: a picked day (or a date from an expression) is turned into its month.
export const description: INodeProperties[] = [company, { ...month, type: 'dateTime', default: '' }, ...rest];

/** "03/2026" from a picked or computed date ("2026-03-14", "2026-03-14T00:00:00", a Date, a Luxon DateTime). */
function asTargetMonth(value: unknown): unknown {
	let text = value;
	if (value instanceof Date) text = value.toISOString();
	else if (typeof (value as { toISO?: unknown } | null)?.toISO === 'function') text = (value as { toISO: () => string }).toISO();
	if (typeof text !== 'string') return value;
	const match = /^(\d{4})-(\d{2})(-\d{2})?([T ].*)?$/.exec(text.trim());
	return match ? `${match[2]}/${match[1]}` : value;
}

function usageRules(params: IDataObject): Violation[] {
	if (params.usageCoverageType === undefined) return [];
	return ['companyRegistrationStartDate', 'companyRegistrationEndDate']
		.filter((key) => params[key] === undefined)
		.map((key) => ({ path: [key], rule: 'is required with usageCoverageType 3' }));
}

/** getMonthlyUsage: seats used in a month per service (Endpoint Security product type only). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = collectBody(this, itemIndex, getMonthlyUsageLayout);
	if (params.targetMonth !== undefined) params.targetMonth = asTargetMonth(params.targetMonth) as IDataObject[string];
	throwIfInvalid(this, itemIndex, GET_MONTHLY_USAGE_FIELDS, [...validateBody(GET_MONTHLY_USAGE_FIELDS, params), ...usageRules(params)]);
	const usage = await callGravityZone(this, 'licensing', 'getMonthlyUsage', params, itemIndex);
	if (!isPlainObject(usage)) throw unreadableAnswer(this, 'getMonthlyUsage', itemIndex);
	// One page revision spells it aLaCarteMonhtlyUsage.
	const { aLaCarteMonhtlyUsage: misspelled, ...counters } = usage;
	if (misspelled !== undefined && counters.aLaCarteMonthlyUsage === undefined) counters.aLaCarteMonthlyUsage = misspelled;
	return { ...(params.companyId ? { companyId: params.companyId } : {}), ...(params.targetMonth ? { targetMonth: params.targetMonth } : {}), ...counters };
}
