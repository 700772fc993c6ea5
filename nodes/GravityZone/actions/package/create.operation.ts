import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FieldLayout } from '../../../shared/collectBody';
import { collectBody, isPlainObject, layoutProperties } from '../../../shared/collectBody';
import { ifExistsOption, writeOptions } from '../../../shared/operationParts';
import type { SendItem } from '../../../shared/processItems';
import { maskSecrets, secretValues } from '../../../shared/secrets';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';
import { extraParamsOption, withExtraParams } from '../common';
import { createdIdOrLookup, findOrCreate } from '../findOrCreate';
import { findPackageByName } from './findPackage';
import { CREATE_PACKAGE_FIELDS } from './packageFields';
import { packageRules } from './packageRules';

const show = { resource: ['package'], operation: ['create'] };

export const createPackageLayout: FieldLayout = {
	fields: CREATE_PACKAGE_FIELDS,
	topLevel: ['packageName', 'modules'],
	collection: 'additionalFields',
	collectionDisplayName: 'Additional Fields',
	omitEmptyStrings: true,
};

export const description: INodeProperties[] = [
	...layoutProperties(createPackageLayout, show),
	writeOptions(show, [
		extraParamsOption('createPackage', 'roles and deploymentOptions (their keys are not documented) and fields GravityZone adds later'),
		ifExistsOption('same package name, ignoring case and surrounding spaces, in the same company', 'package'),
	]),
];

/**
 * The new package's ID from createPackage's answer: the 2017 guide's `[{records: [id], success}]`,
 * a bare ID or an object (the current shape is not documented). Undefined when none is in it.
 */
function createdId(result: unknown): string | undefined {
	const first = Array.isArray(result) ? result[0] : result;
	if (typeof first === 'string' && first !== '') return first;
	if (!isPlainObject(first)) return undefined;
	const records = Array.isArray(first.records) ? first.records : [];
	const id = records[0] ?? first.id;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Reads the item's fields (no request); what it returns finds or creates the package. */
export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const collected = collectBody(this, itemIndex, createPackageLayout);
	return async () => await createPackage.call(this, itemIndex, collected);
}

async function createPackage(this: IExecuteFunctions, itemIndex: number, collected: IDataObject): Promise<IDataObject> {
	const params = withExtraParams(this, itemIndex, collected, CREATE_PACKAGE_FIELDS, packageRules);
	const packageName = String(params.packageName);
	const companyId = typeof params.companyId === 'string' ? params.companyId : undefined;
	const summary = { packageName, ...(companyId ? { companyId } : {}) };
	const spec = {
		itemIndex,
		noun: 'package',
		key: `named "${packageName}"`,
		lookup: async () => await findPackageByName(this, packageName, companyId, itemIndex),
	};
	return await findOrCreate(this, {
		...spec,
		sameKey: [companyId ?? '', packageName.trim().toLowerCase()],
		existingOutput: (existing) => ({ id: existing.id, ...summary, packageName: existing.name ?? packageName }),
		dryRunRequest: async () => await gravityZoneRequest(this, 'packages', 'createPackage', maskSecrets(CREATE_PACKAGE_FIELDS, params)),
		howToCheck: 'look for the package (Package > Get Many)',
		secrets: secretValues(CREATE_PACKAGE_FIELDS, params),
		create: async () => {
			const result = await callGravityZone(this, 'packages', 'createPackage', params, itemIndex);
			if (Array.isArray(result) && isPlainObject(result[0]) && result[0].success === false) {
				throw new NodeApiError(this.getNode(), result[0] as JsonObject, {
					message: `GravityZone did not create the package "${packageName}" (success: false)`,
					description: 'GravityZone gave no reason. Check the package fields, and the product types your licence allows.',
					itemIndex,
				});
			}
			return { id: await createdIdOrLookup(this, spec, createdId(result), 'createPackage'), ...summary };
		},
	});
}
