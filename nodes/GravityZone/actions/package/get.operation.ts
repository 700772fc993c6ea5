import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readParameters } from '../../../shared/operationParts';
import { callGravityZone } from '../../transport/jsonRpc';
import { PACKAGE_ID, packageIdParameter } from './packageId';

const show = { resource: ['package'], operation: ['get'] };

export const description: INodeProperties[] = [packageIdParameter(show)];

/** getPackageDetails: name, description, language, modules, scanMode, settings of one package. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = readParameters(this, itemIndex, [PACKAGE_ID]);
	const details = await callGravityZone(this, 'packages', 'getPackageDetails', params, itemIndex);
	return { packageId: params.packageId, ...(details as IDataObject) };
}
