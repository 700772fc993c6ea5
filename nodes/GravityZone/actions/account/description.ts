import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';

/** The Account resource (Accounts API): the users of a company. */
export const accountProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					"Create a user account, such as a customer's first admin (role Company Administrator, the company set); by default returns the existing account with the same e-mail in that company instead of a duplicate. Limited to 30 per minute.",
				action: 'Create an account',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'DESTRUCTIVE: permanently delete a user account by its ID (not the API key\'s own). Limited to 30 per minute.',
				action: 'Delete an account',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List the user accounts of a company', action: 'Get many accounts' },
		],
		default: 'create',
	},
	...create.description,
	...getMany.description,
	...del.description,
];

export const accountOperations = {
	create: { prepare: create.prepare },
	getMany: getMany.execute,
	delete: del.execute,
};
