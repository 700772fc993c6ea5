import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readParameters } from '../../../shared/operationParts';
import { maskSecrets } from '../../../shared/secrets';
import { isPlainObject } from '../../../shared/collectBody';
import { callGravityZone } from '../../transport/jsonRpc';
import { unreadableAnswer } from '../paging';
import { CREATE_PACKAGE_FIELDS } from './packageFields';
import { PACKAGE_ID, packageIdParameter } from './packageId';

const show = { resource: ['package'], operation: ['get'] };

export const description: INodeProperties[] = [packageIdParameter(show)];

/**
 * getPackageDetails: name, description, language, modules, scanMode, settings of one package. Should
 * the settings hold the uninstall password (the page is cut off there), it is masked.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = readParameters(this, itemIndex, [PACKAGE_ID]);
	const details = await callGravityZone(this, 'packages', 'getPackageDetails', params, itemIndex);
	if (!isPlainObject(details)) throw unreadableAnswer(this, 'getPackageDetails', itemIndex);
	return { packageId: params.packageId, ...maskSecrets(CREATE_PACKAGE_FIELDS, details) };
}
