import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import type { FieldLayout } from '../../../shared/collectBody';
import { layoutProperties } from '../../../shared/collectBody';
import { readLimit, readParameters, returnAllProperties } from '../../../shared/operationParts';
import { readListAnswer } from '../../transport/listAnswer';
import { esetCompanyIdField } from '../common';
import { withStateName } from './licenseFields';
import { pagedList } from './pagedList';

const show = { resource: ['license'], operation: ['search'] };

/** POST /api/Search/Licenses `{keyword, customerId, skip, take}` (skip/take come from Return All / Limit). */
const SEARCH_FIELDS: ApiField[] = [
	{
		key: 'keyword',
		displayName: 'Keyword',
		type: 'string',
		description: 'Text matched against the product code, product name and public licence key; leave empty to list every licence',
	},
	esetCompanyIdField(
		'customerId',
		'Customer',
		"The customer whose licences to list (you need permission on it); leave empty for every licence this user can see",
	),
];

export const searchLayout: FieldLayout = {
	fields: SEARCH_FIELDS,
	topLevel: ['customerId', 'keyword'],
	collection: '',
	collectionDisplayName: '',
	omitEmptyStrings: true,
};

export const description: INodeProperties[] = [...layoutProperties(searchLayout, show), ...returnAllProperties(show)];

/** A customer's licences (Search/Licenses, paged by 100): one item per licence, as ESET names its fields. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filter = readParameters(this, itemIndex, SEARCH_FIELDS);
	// "" is ESET's "all"; keyword comes first, as documented.
	const body = { keyword: '', ...filter };
	const readPage = (response: unknown) => readListAnswer(this, response, 'Search/Licenses', ['search', 'Search'], itemIndex);
	const licenses = await pagedList(this, '/api/Search/Licenses', body, readPage, readLimit(this, itemIndex), itemIndex);
	return licenses.map(withStateName);
}
