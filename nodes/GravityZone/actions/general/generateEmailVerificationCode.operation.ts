import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import { layoutProperties } from '../../../shared/collectBody';
import { isDryRun, readParameters, writeOptions } from '../../../shared/operationParts';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';

const show = { resource: ['general'], operation: ['generateEmailVerificationCode'] };

const FIELDS: ApiField[] = [
	{ key: 'email', displayName: 'Email', type: 'string', required: true, format: 'email', placeholder: 'name@email.com', description: 'The MDR contact to e-mail the 8-digit code to' },
];
const layout = { fields: FIELDS, topLevel: ['email'], collection: '', collectionDisplayName: '', omitEmptyStrings: true };

export const description: INodeProperties[] = [...layoutProperties(layout, show), writeOptions(show)];

/** The MDR contact step: GravityZone e-mails a code to enter as MDR Contact Information > Verification Code. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readParameters(this, itemIndex, FIELDS);
	const params = { email: body.email, purpose: 1 };
	if (isDryRun(this, itemIndex)) return { dryRun: true, request: await gravityZoneRequest(this, 'general', 'generateEmailVerificationCode', params) };
	await callGravityZone(this, 'general', 'generateEmailVerificationCode', params, itemIndex);
	return { email: body.email, codeSent: true };
}
