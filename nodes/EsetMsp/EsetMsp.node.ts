import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as createCustomer from './actions/company/createCustomer.operation';
import { router } from './actions/router';

export class EsetMsp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ESET MSP',
		name: 'esetMsp',
		icon: { light: 'file:../../icons/eset.svg', dark: 'file:../../icons/eset.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create customers in ESET MSP Administrator 2 (EMA 2)',
		defaults: { name: 'ESET MSP' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'esetMspApi', required: true }],
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
						name: 'Create Customer',
						value: 'createCustomer',
						description:
							'Create a customer company under a parent (or under your own company), with tags and your PSA customer ID',
						action: 'Create a customer',
					},
				],
				default: 'createCustomer',
			},
			...createCustomer.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
