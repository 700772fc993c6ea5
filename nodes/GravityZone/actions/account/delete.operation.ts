import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import { toNodeProperty } from '../../../shared/apiFields';
import { isDryRun, readParameters, writeOptions } from '../../../shared/operationParts';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';
import { perMinuteNotice } from '../common';

const show = { resource: ['account'], operation: ['delete'] };

const ACCOUNT_ID: ApiField = {
	key: 'accountId',
	displayName: 'Account ID',
	type: 'string',
	required: true,
	notBlank: true,
	placeholder: '585d3810aaed70cc068b45f8',
	description: 'The ID of the user account (the "id" that Account > Create and Get Many output)',
};

export const description: INodeProperties[] = [
	perMinuteNotice('deleteAccount', show),
	{ ...toNodeProperty(ACCOUNT_ID), displayOptions: { show } },
	writeOptions(show),
];

/** deleteAccount: one account per call; the API key's own account cannot be deleted. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = readParameters(this, itemIndex, [ACCOUNT_ID]);
	if (isDryRun(this, itemIndex)) return { dryRun: true, request: await gravityZoneRequest(this, 'accounts', 'deleteAccount', params) };
	await callGravityZone(this, 'accounts', 'deleteAccount', params, itemIndex);
	return { accountId: params.accountId, deleted: true };
}
