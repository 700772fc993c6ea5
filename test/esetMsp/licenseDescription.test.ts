import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EsetMsp } from '../../nodes/EsetMsp/EsetMsp.node';
import { parameterPaths } from '../harness/parameterPaths';

const node = new EsetMsp();
const visibleFor = (operation: string, extra: Record<string, string> = {}) =>
	node.description.properties.filter((property) => {
		const show = property.displayOptions?.show;
		return show?.resource?.includes('license') && show.operation?.includes(operation) && Object.entries(extra).every(([key, value]) => !show[key] || show[key]!.includes(value));
	});
const licenseOperations = node.description.properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('license'))!
	.options as INodePropertyOptions[];

describe('ESET MSP node: License resource', () => {
	it('offers Search, Get, Update Quantity, Order and Get Usage Report, each with a description an AI agent can act on', () => {
		expect(licenseOperations.map((option) => option.value).sort()).toStrictEqual(['get', 'order', 'search', 'updateQuantity', 'usageReport']);
		const described = Object.fromEntries(licenseOperations.map((option) => [option.value, String(option.description)]));
		expect(described.updateQuantity).toMatch(/Sends nothing when the licence already has that quantity/);
		expect(described.updateQuantity).toMatch(/DESTRUCTIVE when lowering: it takes seats away/);
		expect(described.order).toMatch(/NEW .*to change seats use Update Quantity/);
		expect(described.usageReport).toMatch(/From\/To dates.*billing/);
		expect(licenseOperations.every((option) => typeof option.action === 'string')).toBe(true);
	});

	it.each([
		['search', {}, ['keyword', 'customerId', 'returnAll', 'limit']],
		['get', {}, ['publicLicenseKey']],
		['updateQuantity', {}, ['publicLicenseKey', 'quantity', 'options']],
		['usageReport', { report: 'monthlyProducts' }, ['report', 'companyId', 'from', 'to', 'codes', 'returnAll', 'limit']],
		['usageReport', { report: 'selectedCompaniesCategories' }, ['report', 'companyIds', 'from', 'to', 'returnAll', 'limit']],
		['usageReport', { report: 'allCompaniesCategories' }, ['report', 'from', 'to', 'returnAll', 'limit']],
	])('%s %j: parameters named by the API keys', (operation, extra, names) => {
		expect(visibleFor(operation, extra).map((property) => property.name).sort()).toStrictEqual([...names].sort());
	});

	it('company and customer IDs are pickers; dates are date pickers; the seat guard is an option of Update Quantity', () => {
		const paths = parameterPaths(visibleFor('updateQuantity'));
		expect(paths.get('maxQuantityChange')?.description).toMatch(/stop the item, sending nothing/);
		expect(paths.get('dryRun')).toBeDefined();
		expect(visibleFor('search').find((property) => property.name === 'customerId')?.type).toBe('resourceLocator');
		const usage = visibleFor('usageReport', { report: 'monthlyProducts' });
		expect(usage.find((property) => property.name === 'companyId')?.type).toBe('resourceLocator');
		expect(usage.filter((property) => ['from', 'to'].includes(property.name)).map((property: INodeProperties) => property.type)).toStrictEqual(['dateTime', 'dateTime']);
	});
});
