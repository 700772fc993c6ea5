import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toNodeProperty } from '../../../shared/apiFields';
import { readParameters } from '../../../shared/operationParts';
import { licenseDetail, PUBLIC_LICENSE_KEY, withStateName } from './licenseFields';

const show = { resource: ['license'], operation: ['get'] };

export const description: INodeProperties[] = [{ ...toNodeProperty(PUBLIC_LICENSE_KEY), displayOptions: { show } }];

/** License/Detail: quantity (seats), usage (activated units), state (with its name), trial... */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { publicLicenseKey } = readParameters(this, itemIndex, [PUBLIC_LICENSE_KEY]);
	return withStateName(await licenseDetail(this, publicLicenseKey as string, itemIndex));
}
