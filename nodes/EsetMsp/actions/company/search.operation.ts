import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../shared/operationParts';
import { collectPages } from '../common';
import { itemLabel } from '../../../shared/errorText';

const show = { resource: ['company'], operation: ['search'] };

/** Search/Companies columns: 0 name, 5 customIdentifier. */
const COLUMNS: Record<string, number> = { name: 0, customIdentifier: 5 };

export const description: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		default: 'customIdentifier',
		displayOptions: { show },
		options: [
			{ name: 'Custom Identifier (PSA ID)', value: 'customIdentifier' },
			{ name: 'Name', value: 'name' },
		],
	},
	{
		displayName: 'Search Value',
		name: 'searchValue',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
		description: 'The text to look for; EMA 2 matches parts of names too',
	},
	...returnAllProperties(show),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const searchBy = this.getNodeParameter('searchBy', itemIndex) as string;
	const value = String(this.getNodeParameter('searchValue', itemIndex, '')).trim();
	if (value === '') {
		throw new NodeOperationError(this.getNode(), `In ${itemLabel(itemIndex)}: "searchValue" (Search Value) must not be empty`, { itemIndex });
	}
	const search = { [value]: [COLUMNS[searchBy] ?? 0] };
	return await collectPages(this, '/api/Search/Companies', { search }, readLimit(this, itemIndex), itemIndex);
}
