import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readJsonObject } from '../../../shared/extraParams';
import { isDryRun, writeOptions } from '../../../shared/operationParts';
import { callGravityZone, type GravityZoneApi, gravityZoneRequest } from '../../transport/jsonRpc';
import { itemLabel } from '../../../shared/errorText';

const show = { resource: ['custom'], operation: ['apiCall'] };

export const description: INodeProperties[] = [
	{
		displayName: 'API',
		name: 'api',
		type: 'options',
		default: 'companies',
		displayOptions: { show },
		options: [
			{ name: 'Companies', value: 'companies' },
			{ name: 'General', value: 'general' },
			{ name: 'Licensing', value: 'licensing' },
			{ name: 'Network', value: 'network' },
		],
		description: 'The GravityZone API the method belongs to (the key must have it enabled)',
	},
	{ displayName: 'Method', name: 'method', type: 'string', default: '', required: true, placeholder: 'getCustomFieldDefinitions', displayOptions: { show }, description: 'The JSON-RPC method name' },
	{ displayName: 'Params (JSON)', name: 'params', type: 'json', default: '{}', displayOptions: { show }, description: 'The JSON-RPC params object' },
	writeOptions(show),
];

/** Any JSON-RPC method with this credential, for calls the node does not cover. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const api = this.getNodeParameter('api', itemIndex) as GravityZoneApi;
	const method = String(this.getNodeParameter('method', itemIndex, '')).trim();
	if (!/^[A-Za-z][A-Za-z0-9]*$/.test(method)) {
		throw new NodeOperationError(this.getNode(), `In ${itemLabel(itemIndex)}: "method" (Method) must be a JSON-RPC method name such as getCompanyDetails`, { itemIndex });
	}
	const params = readJsonObject(this, 'params', 'Params (JSON)', itemIndex);
	if (isDryRun(this, itemIndex)) return { dryRun: true, request: await gravityZoneRequest(this, api, method, params) };
	const result = await callGravityZone(this, api, method, params, itemIndex);
	return typeof result === 'object' && result !== null && !Array.isArray(result) ? (result as IDataObject) : { result: result as IDataObject[string] };
}
