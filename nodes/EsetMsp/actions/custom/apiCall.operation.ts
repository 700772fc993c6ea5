import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readJsonObject } from '../../../shared/extraParams';
import { isDryRun, writeOptions } from '../../../shared/operationParts';
import { callEset, esetRequest } from '../../transport/request';
import { itemLabel } from '../../../shared/errorText';

const show = { resource: ['custom'], operation: ['apiCall'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		default: 'POST',
		displayOptions: { show },
		options: [
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
		],
		description: 'EMA 2 uses only GET and POST (reads that need a body are POST)',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '/api/',
		required: true,
		placeholder: '/api/Company/Descendants',
		displayOptions: { show },
		description: 'The path under the Base URL, starting with /api/',
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { ...show, method: ['POST'] } },
		description: 'The JSON body of a POST',
	},
	writeOptions(show),
];

/** Any EMA 2 call with the credential's token, for calls this node does not cover. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const path = String(this.getNodeParameter('path', itemIndex)).trim();
	if (!/^\/api\/\S+$/.test(path)) {
		throw new NodeOperationError(this.getNode(), `In ${itemLabel(itemIndex)}: "path" (Path) must start with /api/ (got "${path}")`, { itemIndex });
	}
	const body = method === 'POST' ? readJsonObject(this, 'body', 'Body (JSON)', itemIndex) : undefined;
	if (isDryRun(this, itemIndex)) return { dryRun: true, request: await esetRequest(this, method, path, body) };
	const response = await callEset(this, method, path, body, itemIndex);
	return typeof response === 'object' && response !== null && !Array.isArray(response) ? (response as IDataObject) : { response: response as IDataObject[string] };
}
