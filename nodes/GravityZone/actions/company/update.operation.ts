import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collectBody, layoutProperties } from '../../../shared/collectBody';
import { companyIdParameter, isDryRun, readCompanyId, writeOptions } from '../../../shared/operationParts';
import { throwIfInvalid } from '../../../shared/processItems';
import { validateBody } from '../../../shared/validateBody';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';
import { COMPANY_ID } from '../common';
import { CREATE_COMPANY_FIELDS } from './companyFields';
import { companyRules } from './companyRules';
import { itemLabel } from '../../../shared/errorText';

const show = { resource: ['company'], operation: ['update'] };

/** updateCompanyDetails takes every createCompany field except the type and the licence. */
const UPDATE_FIELDS = CREATE_COMPANY_FIELDS.filter((field) => !['type', 'licenseSubscription', 'parentId'].includes(field.key)).map(
	(field) => ({ ...field, required: false }),
);

const layout = { fields: UPDATE_FIELDS, topLevel: [], collection: 'updateFields', collectionDisplayName: 'Update Fields', omitEmptyStrings: false };

export const description: INodeProperties[] = [companyIdParameter(COMPANY_ID, show), ...layoutProperties(layout, show), writeOptions(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { companyId } = readCompanyId(this, itemIndex, COMPANY_ID);
	const changes = collectBody(this, itemIndex, layout);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), `In ${itemLabel(itemIndex)}: "updateFields" (Update Fields) is empty: add the fields to change`, { itemIndex });
	}
	throwIfInvalid(this, itemIndex, UPDATE_FIELDS, [...validateBody(UPDATE_FIELDS, changes), ...companyRules(changes)]);
	const params = { id: companyId, ...changes };
	if (isDryRun(this, itemIndex)) return { dryRun: true, request: await gravityZoneRequest(this, 'companies', 'updateCompanyDetails', params) };
	await callGravityZone(this, 'companies', 'updateCompanyDetails', params, itemIndex);
	return { companyId, updated: true, sent: changes };
}
