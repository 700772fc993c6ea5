import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getInstallationLinks from './getInstallationLinks.operation';
import * as getMany from './getMany.operation';

/** The Package resource (Packages API): its operations and their parameters. */
export const packageProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['package'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					"Create an installation package (the agent's modules, scan engines, uninstall password) for a company; by default returns the existing package of the same name in that company instead of a duplicate",
				action: 'Create a package',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'DESTRUCTIVE: permanently delete an installation package by its ID',
				action: 'Delete a package',
			},
			{ name: 'Get', value: 'get', description: 'Get the settings of one package by its ID', action: 'Get a package' },
			{
				name: 'Get Installation Links',
				value: 'getInstallationLinks',
				description:
					'Get the download links of the packages of a company (or one package by name): one item per package with linksReady; give customers only the installLink* URLs',
				action: 'Get installation links',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List the installation packages of a company', action: 'Get many packages' },
		],
		default: 'create',
	},
	...create.description,
	...getInstallationLinks.description,
	...get.description,
	...getMany.description,
	...del.description,
];

export const packageOperations = {
	create: { prepare: create.prepare },
	getInstallationLinks: getInstallationLinks.execute,
	get: get.execute,
	getMany: getMany.execute,
	delete: del.execute,
};
