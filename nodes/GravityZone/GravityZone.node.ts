import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as createCompany from './actions/company/create.operation';
import { router } from './actions/router';

export class GravityZone implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitdefender GravityZone',
		name: 'gravityZone',
		icon: { light: 'file:../../icons/gravityzone.svg', dark: 'file:../../icons/gravityzone.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create companies in Bitdefender GravityZone (Companies API)',
		defaults: { name: 'Bitdefender GravityZone' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'gravityZoneApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Company', value: 'company' }],
				default: 'company',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['company'] } },
				options: [
					{
						name: 'Create',
						value: 'create',
						description:
							'Create a Customer or Partner company, with its licence (without one GravityZone makes a trial)',
						action: 'Create a company',
					},
				],
				default: 'create',
			},
			...createCompany.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
