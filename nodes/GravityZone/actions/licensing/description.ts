import type { INodeProperties } from 'n8n-workflow';

import * as getLicenseInfo from './getLicenseInfo.operation';
import * as getMonthlyUsage from './getMonthlyUsage.operation';
import * as setMonthlySubscription from './setMonthlySubscription.operation';

/** The Licensing resource (Licensing API): a company's licence, its monthly seats and its usage. */
export const licensingProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['licensing'] } },
		options: [
			{
				name: 'Get License Info',
				value: 'getLicenseInfo',
				description: 'Read the licence of a company (subscription type 1 means a trial; totalSlots are its reserved seats)',
				action: 'Get license info',
			},
			{
				name: 'Get Monthly Usage',
				value: 'getMonthlyUsage',
				description: 'Read the seats a company used in a month, per service, for billing (month as mm/yyyy; the current month when empty)',
				action: 'Get monthly usage',
			},
			{
				name: 'Set Monthly Subscription',
				value: 'setMonthlySubscription',
				description:
					'Set the seats (reserved slots) and add-ons a company draws from your monthly licence; fields not added stay as they are. Limited to 30 per minute.',
				action: 'Set monthly subscription',
			},
		],
		default: 'getLicenseInfo',
	},
	...getLicenseInfo.description,
	...getMonthlyUsage.description,
	...setMonthlySubscription.description,
];

export const licensingOperations = {
	getLicenseInfo: getLicenseInfo.execute,
	getMonthlyUsage: getMonthlyUsage.execute,
	setMonthlySubscription: setMonthlySubscription.execute,
};
