import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNodeProperty } from '../../../shared/apiFields';
import { isPlainObject } from '../../../shared/collectBody';
import { readParameters } from '../../../shared/operationParts';
import { callGravityZone } from '../../transport/jsonRpc';
import { gzCompanyIdField } from '../common';

const show = { resource: ['company'], operation: ['getMany'] };
const PARENT = { ...gzCompanyIdField('parentId', 'The Partner company whose companies to list; leave empty for your own'), displayName: 'Parent Company' };

export const description: INodeProperties[] = [{ ...toNodeProperty(PARENT), displayOptions: { show } }];

/** Network API getCompaniesList: the companies one level under the parent, one item each. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = readParameters(this, itemIndex, [PARENT]);
	const listed = await callGravityZone(this, 'network', 'getCompaniesList', params, itemIndex);
	return (Array.isArray(listed) ? listed : []).filter(isPlainObject);
}
