import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as create from './actions/company/create.operation';
import * as findByName from './actions/company/findByName.operation';
import * as get from './actions/company/get.operation';
import * as getMany from './actions/company/getMany.operation';
import * as status from './actions/company/status.operation';
import * as update from './actions/company/update.operation';
import * as apiCall from './actions/custom/apiCall.operation';
import * as generateEmailVerificationCode from './actions/general/generateEmailVerificationCode.operation';
import { accountProperties } from './actions/account/description';
import { licensingProperties } from './actions/licensing/description';
import { packageProperties } from './actions/package/description';
import { router } from './actions/router';
import { operationSubtitle } from '../shared/operationParts';
import { requestOptionsProperty } from '../shared/pacing';
import { GZ_REQUESTS_PER_SECOND } from './transport/jsonRpc';
import { searchCompanies, searchPackageLanguages } from './methods/listSearch';

export class GravityZone implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitdefender GravityZone',
		name: 'gravityZone',
		icon: { light: 'file:../../icons/gravityzone.svg', dark: 'file:../../icons/gravityzone.dark.svg' },
		group: ['transform'],
		version: 1,
		// Replaced in the constructor by the chosen operation's action ("Create a company").
		subtitle: '={{$parameter["operation"]}}',
		description: 'Onboard companies in Bitdefender GravityZone and make them ready to deploy: installation packages and links, user accounts, monthly seats and usage',
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
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Company', value: 'company' },
					{ name: 'Custom API Call', value: 'custom' },
					{ name: 'General', value: 'general' },
					{ name: 'Licensing', value: 'licensing' },
					{ name: 'Package', value: 'package' },
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
						name: 'Activate',
						value: 'activate',
						description: 'Reactivate a suspended company',
						action: 'Activate a company',
					},
					{
						name: 'Create',
						value: 'create',
						description:
							'Create a Customer or Partner company with its licence (without one GravityZone makes a trial); by default returns the existing company of the same name instead of a duplicate',
						action: 'Create a company',
					},
					{
						name: 'Delete',
						value: 'delete',
						description: 'DESTRUCTIVE: permanently delete a company (a Partner with companies under it cannot be deleted)',
						action: 'Delete a company',
					},
					{
						name: 'Find by Name',
						value: 'findByName',
						description: 'Find companies by exact name (default), by the start of the name, or by a part of it',
						action: 'Find companies by name',
					},
					{ name: 'Get', value: 'get', description: 'Get the details of one company by its ID', action: 'Get a company' },
					{
						name: 'Get Many',
						value: 'getMany',
						description: 'List the companies directly under a Partner company (or your own)',
						action: 'Get many companies',
					},
					{
						name: 'Suspend',
						value: 'suspend',
						description: 'DESTRUCTIVE: suspend a company; its protection and console access stop until activated',
						action: 'Suspend a company',
					},
					{
						name: 'Update',
						value: 'update',
						description: 'Change the details of a company (not its licence); fields not added stay as they are',
						action: 'Update a company',
					},
				],
				default: 'create',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['general'] } },
				options: [
					{
						name: 'Generate Email Verification Code',
						value: 'generateEmailVerificationCode',
						description: 'E-mail an 8-digit code to an MDR contact; the code then goes into MDR Contact Information on Create',
						action: 'Generate an email verification code',
					},
				],
				default: 'generateEmailVerificationCode',
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
						description: 'Call any GravityZone JSON-RPC method with this credential (for calls the node does not cover)',
						action: 'Make an API call',
					},
				],
				default: 'apiCall',
			},
			...create.description,
			...get.description,
			...findByName.description,
			...getMany.description,
			...update.description,
			...status.description('suspend'),
			...status.description('activate'),
			...status.description('delete'),
			...generateEmailVerificationCode.description,
			...licensingProperties,
			...packageProperties,
			...accountProperties,
			...apiCall.description,
			requestOptionsProperty(GZ_REQUESTS_PER_SECOND, 'GravityZone allows 10 per second per API key, 5 for updates, deletes, suspends and licensing reads, 30 per minute for account creates and deletes and monthly subscriptions; the others follow this number in proportion'),
		],
	};

	methods = { listSearch: { searchCompanies, searchPackageLanguages } };

	constructor() {
		this.description.subtitle = operationSubtitle(this.description.properties);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
