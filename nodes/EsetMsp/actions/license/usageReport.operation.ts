import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import { toNodeProperty } from '../../../shared/apiFields';
import { collectBody, isPlainObject } from '../../../shared/collectBody';
import { readLimit, returnAllProperties } from '../../../shared/operationParts';
import { throwIfInvalid } from '../../../shared/processItems';
import { validateBody } from '../../../shared/validateBody';
import { readListAnswer } from '../../transport/listAnswer';
import { esetCompanyIdField, GUID } from '../common';
import { pagedList } from './pagedList';

const show = { resource: ['license'], operation: ['usageReport'] };

const LAST_MONTH_HINT = "For last month: {{ $today.minus({ months: 1 }).startOf('month').toFormat('yyyy-MM-dd') }}";

/** The UsageReport calls' fields (usagereport.html), each declared once; `skip`/`take` come from Return All / Limit. */
export const USAGE_FIELDS: ApiField[] = [
	{
		key: 'codes',
		displayName: 'Product Codes',
		type: 'stringList',
		placeholder: '116, 117',
		description: 'Product codes to report on, separated by commas (the productCode of License > Search); leave empty to send none',
	},
	{
		key: 'categories',
		displayName: 'Categories',
		type: 'stringList',
		description: 'Product categories to report on, separated by commas; leave empty to send none',
	},
	{
		key: 'companyIds',
		displayName: 'Company IDs',
		type: 'stringList',
		required: true,
		pattern: { regex: GUID, rule: 'must be a GUID such as B8D40DEC-7773-45D2-A2B2-86642A7E5852' },
		description: 'The companies to report on: their IDs (GUIDs), separated by commas, or a list from an expression',
	},
	{
		key: 'from',
		displayName: 'From',
		type: 'string',
		format: 'date',
		datePicker: true,
		required: true,
		description: `First day of the report (sent as YYYY-MM-DD). ${LAST_MONTH_HINT}`,
	},
	{
		key: 'to',
		displayName: 'To',
		type: 'string',
		format: 'date',
		datePicker: true,
		required: true,
		description: "Last day of the report (sent as YYYY-MM-DD). For the end of last month: {{ $today.minus({ months: 1 }).endOf('month').toFormat('yyyy-MM-dd') }}",
	},
	{
		...esetCompanyIdField('companyId', 'Company', 'The customer (or MSP) to report on; a division gives an empty report'),
		required: true,
	},
];

type Report = 'monthlyProducts' | 'monthlyCategories' | 'dailyCategories' | 'selectedCompaniesCategories' | 'allCompaniesCategories';

/** Each report's path and fields, in the documented body order. */
const REPORTS: Record<Report, { path: string; fields: string[] }> = {
	monthlyProducts: { path: '/api/UsageReport/Monthly/products', fields: ['codes', 'from', 'to', 'companyId'] },
	monthlyCategories: { path: '/api/UsageReport/Monthly/categories', fields: ['categories', 'from', 'to', 'companyId'] },
	dailyCategories: { path: '/api/UsageReport/Daily/categories', fields: ['categories', 'from', 'to', 'companyId'] },
	selectedCompaniesCategories: { path: '/api/UsageReport/SelectedCompanies/categories', fields: ['companyIds', 'from', 'to'] },
	allCompaniesCategories: { path: '/api/UsageReport/AllCompanies/categories', fields: ['from', 'to'] },
};

const fieldsOf = (report: Report) => USAGE_FIELDS.filter((field) => REPORTS[report].fields.includes(field.key));

/** The company first, then the dates, then the filters (the body keeps the documented order). */
const UI_ORDER = ['companyId', 'companyIds', 'from', 'to', 'codes', 'categories'];

const reportsUsing = (key: string) => (Object.keys(REPORTS) as Report[]).filter((report) => REPORTS[report].fields.includes(key));

export const description: INodeProperties[] = [
	{
		displayName: 'Report',
		name: 'report',
		type: 'options',
		default: 'monthlyProducts',
		displayOptions: { show },
		description: "Which of EMA 2's usage reports to read",
		options: [
			{ name: 'All Companies by Category', value: 'allCompaniesCategories', description: 'Every company under you, per product category' },
			{ name: 'Company by Category (Daily)', value: 'dailyCategories', description: "One company's usage per product category, day by day (usagePerDays)" },
			{ name: 'Company by Category (Monthly)', value: 'monthlyCategories', description: "One company's monthly usage per product category" },
			{ name: 'Company by Product (Monthly)', value: 'monthlyProducts', description: "One company's monthly usage per product: the usual billing report" },
			{ name: 'Selected Companies by Category', value: 'selectedCompaniesCategories', description: 'The listed companies, per product category' },
		],
	},
	...UI_ORDER.map((key) => USAGE_FIELDS.find((field) => field.key === key)!).map((field) => ({
		...toNodeProperty(field),
		displayOptions: { show: { ...show, report: reportsUsing(field.key) } },
	})),
	...returnAllProperties(show),
];

/** Keys a report list may sit under when the answer holds more than one list (the nesting is not documented). */
const REPORT_LIST_KEYS = ['products', 'Products', 'categories', 'Categories', 'companies', 'Companies', 'items', 'Items', 'search', 'Search'];

/** The rows of a report page: a bare list, the answer's only list, or one under a known key. */
function readReportPage(ctx: IExecuteFunctions, response: unknown, call: string, itemIndex: number) {
	const lists = isPlainObject(response) ? Object.keys(response).filter((key) => Array.isArray(response[key])) : [];
	return readListAnswer(ctx, response, call, lists.length === 1 ? lists : REPORT_LIST_KEYS, itemIndex);
}

/** One item per report row (code, name, licenseType, seatDays, seats, companyId, companyName, totalUsage...), as ESET names them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const report = this.getNodeParameter('report', itemIndex) as Report;
	const fields = fieldsOf(report);
	const topLevel = fields.map((field) => field.key);
	const body = collectBody(this, itemIndex, { fields, topLevel, collection: '', collectionDisplayName: '', omitEmptyStrings: true });
	const violations = validateBody(fields, body);
	if (violations.length === 0 && String(body.from) > String(body.to)) violations.push({ path: ['to'], rule: `must not be before From (${String(body.from)})` });
	throwIfInvalid(this, itemIndex, fields, violations);
	const { path } = REPORTS[report];
	const call = path.replace('/api/', '');
	const readPage = (response: unknown) => readReportPage(this, response, call, itemIndex);
	return await pagedList(this, path, body, readPage, readLimit(this, itemIndex), itemIndex);
}
