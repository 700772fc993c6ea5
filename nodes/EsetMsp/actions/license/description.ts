import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as order from './order.operation';
import * as search from './search.operation';
import * as updateQuantity from './updateQuantity.operation';
import * as usageReport from './usageReport.operation';

/** The License resource's operations and their parameters. */
export const licenseProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['license'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get one licence by its public licence key: quantity (seats), usage (activated units), state, product, trial',
				action: 'Get a license',
			},
			{
				name: 'Get Usage Report',
				value: 'usageReport',
				description: 'Read the usage of a period (From/To dates) for billing: per product or category, for one company or several',
				action: 'Get a usage report',
			},
			{
				name: 'Order',
				value: 'order',
				description: 'Order a NEW full or trial licence for a customer (adds a licence; to change seats use Update Quantity); returns its public licence key',
				action: 'Order a license',
			},
			{
				name: 'Search',
				value: 'search',
				description: "List a customer's licences (public licence key, product, quantity...), optionally filtered by a keyword",
				action: 'Search licenses',
			},
			{
				name: 'Update Quantity',
				value: 'updateQuantity',
				description:
					'Set the number of seats of an existing licence (a target, not a change). DESTRUCTIVE when lowering: it takes seats away from the customer. Sends nothing when the licence already has that quantity.',
				action: 'Update the quantity of a license',
			},
		],
		default: 'order',
	},
	...search.description,
	...get.description,
	...updateQuantity.description,
	...order.description,
	...usageReport.description,
];
