import type { INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import { toNodeProperty } from '../../../shared/apiFields';
import type { Show } from '../../../shared/operationParts';

export const PACKAGE_ID: ApiField = {
	key: 'packageId',
	displayName: 'Package ID',
	type: 'string',
	required: true,
	notBlank: true,
	placeholder: '55b8c1bfb1a43dd71071071b',
	description: 'The ID of the package (the "id" that Package > Create and Get Many output)',
};

export const packageIdParameter = (show: Show): INodeProperties => ({ ...toNodeProperty(PACKAGE_ID), displayOptions: { show } });
