import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as createCustomer from './actions/company/createCustomer.operation';
import * as get from './actions/company/get.operation';
import * as getMany from './actions/company/getMany.operation';
import * as search from './actions/company/search.operation';
import * as status from './actions/company/status.operation';
import * as updateCustomer from './actions/company/updateCustomer.operation';
import * as apiCall from './actions/custom/apiCall.operation';
import { licenseProperties } from './actions/license/description';
import { router } from './actions/router';
import { operationSubtitle } from '../shared/operationParts';
import { requestOptionsProperty } from '../shared/pacing';
import { searchCompanies } from './methods/listSearch';

export class EsetMsp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ESET MSP',
		name: 'esetMsp',
		icon: { light: 'file:../../icons/eset.svg', dark: 'file:../../icons/eset.dark.svg' },
		group: ['transform'],
		version: 1,
		// Replaced in the constructor by the chosen operation's action ("Create a company").
		subtitle: '={{$parameter["operation"]}}',
		description: 'Onboard and manage customers in ESET MSP Administrator 2 (EMA 2)',
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
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Custom API Call', value: 'custom' },
					{ name: 'License', value: 'license' },
				],
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
							'Create a customer company under a parent (or your own company); by default returns the existing one instead of a duplicate',
						action: 'Create a customer',
					},
					{
						name: 'Delete',
						value: 'delete',
						description: 'DESTRUCTIVE: permanently delete a company (EMA 2 deletes only suspended companies)',
						action: 'Delete a company',
					},
					{ name: 'Get', value: 'get', description: 'Get all details of one company by its ID', action: 'Get a company' },
					{
						name: 'Get Many',
						value: 'getMany',
						description: 'List the direct children of a company',
						action: 'Get many companies',
					},
					{
						name: 'Search',
						value: 'search',
						description: 'Find companies by name or by Custom Identifier (the PSA customer ID)',
						action: 'Search companies',
					},
					{
						name: 'Suspend',
						value: 'suspend',
						description: 'DESTRUCTIVE: suspend a company; its users lose access until unsuspended',
						action: 'Suspend a company',
					},
					{ name: 'Unsuspend', value: 'unsuspend', description: 'Reactivate a suspended company', action: 'Unsuspend a company' },
					{
						name: 'Update Customer',
						value: 'updateCustomer',
						description: 'Change fields and tags of a customer; empty fields keep their value unless chosen in Fields to Clear',
						action: 'Update a customer',
					},
				],
				default: 'createCustomer',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['custom'] } },
				options: [
					{
						name: 'API Call',
						value: 'apiCall',
						description: 'Call any EMA 2 endpoint with this credential (for calls the node does not cover)',
						action: 'Make an API call',
					},
				],
				default: 'apiCall',
			},
			...createCustomer.description,
			...get.description,
			...getMany.description,
			...search.description,
			...updateCustomer.description,
			...status.description('suspend'),
			...status.description('unsuspend'),
			...status.description('delete'),
			...licenseProperties,
			...apiCall.description,
			requestOptionsProperty(0, 'EMA 2 documents no limit'),
		],
	};

	methods = { listSearch: { searchCompanies } };

	constructor() {
		this.description.subtitle = operationSubtitle(this.description.properties);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
