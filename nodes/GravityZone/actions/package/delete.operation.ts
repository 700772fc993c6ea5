import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isDryRun, readParameters, writeOptions } from '../../../shared/operationParts';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';
import { PACKAGE_ID, packageIdParameter } from './packageId';

const show = { resource: ['package'], operation: ['delete'] };

export const description: INodeProperties[] = [packageIdParameter(show), writeOptions(show)];

/** deletePackage: one package, by its ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = readParameters(this, itemIndex, [PACKAGE_ID]);
	if (isDryRun(this, itemIndex)) return { dryRun: true, request: await gravityZoneRequest(this, 'packages', 'deletePackage', params) };
	await callGravityZone(this, 'packages', 'deletePackage', params, itemIndex);
	return { packageId: params.packageId, deleted: true };
}
