import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isPlainObject } from '../../../shared/collectBody';
import { callGravityZone } from '../../transport/jsonRpc';
import { itemLabel } from '../../../shared/errorText';

const show = { resource: ['company'], operation: ['findByName'] };

export const description: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, displayOptions: { show }, description: 'The company name to look for' },
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		default: 'exact',
		displayOptions: { show },
		options: [
			{ name: 'Exact Name', value: 'exact', description: 'The same name, ignoring case and surrounding spaces' },
			{ name: 'Starts With', value: 'prefix', description: 'Names that start with the text' },
			{ name: 'Contains', value: 'contains', description: 'Names that contain the text anywhere' },
		],
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show },
		description: 'Max number of results to return',
	},
];

/** findCompaniesByName is a prefix match (a leading * matches anywhere); exact matching is done here. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
	if (name === '') throw new NodeOperationError(this.getNode(), `In ${itemLabel(itemIndex)}: "name" (Name) must not be empty`, { itemIndex });
	const match = this.getNodeParameter('match', itemIndex, 'exact') as string;
	const limit = Math.min(this.getNodeParameter('limit', itemIndex, 50) as number, 100);
	const nameFilter = match === 'contains' ? `*${name}` : name;
	const found = await callGravityZone(this, 'companies', 'findCompaniesByName', { nameFilter, maxResults: match === 'exact' ? 100 : limit }, itemIndex);
	const companies = (Array.isArray(found) ? found : []).filter(isPlainObject);
	const wanted = name.toLowerCase();
	return (match === 'exact' ? companies.filter((company) => String(company.name).trim().toLowerCase() === wanted) : companies).slice(0, limit);
}
