import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldLayout } from '../../../shared/collectBody';
import { collectBody, layoutProperties } from '../../../shared/collectBody';
import { ifExistsOption, writeOptions } from '../../../shared/operationParts';
import type { SendItem } from '../../../shared/processItems';
import { maskSecrets, secretValues } from '../../../shared/secrets';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';
import { extraParamsOption, perMinuteNotice, withExtraParams } from '../common';
import { createdIdOrLookup, findOrCreate } from '../findOrCreate';
import { CREATE_ACCOUNT_FIELDS } from './accountFields';
import { accountRules } from './accountRules';
import { findAccountByEmail } from './findAccount';

const show = { resource: ['account'], operation: ['create'] };

export const createAccountLayout: FieldLayout = {
	fields: CREATE_ACCOUNT_FIELDS,
	topLevel: ['email', 'profile'],
	collection: 'additionalFields',
	collectionDisplayName: 'Additional Fields',
	omitEmptyStrings: true,
};

export const description: INodeProperties[] = [
	perMinuteNotice('createAccount', show),
	...layoutProperties(createAccountLayout, show),
	writeOptions(show, [
		extraParamsOption('createAccount', 'phoneNumber (its second key is not documented) or fields GravityZone adds later'),
		ifExistsOption('same e-mail, ignoring case, among the accounts of the same company', 'account'),
	]),
];

/** Reads the item's fields (no request); what it returns finds or creates the account. */
export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const collected = collectBody(this, itemIndex, createAccountLayout);
	return async () => await createAccount.call(this, itemIndex, collected);
}

async function createAccount(this: IExecuteFunctions, itemIndex: number, collected: IDataObject): Promise<IDataObject> {
	const params = withExtraParams(this, itemIndex, collected, CREATE_ACCOUNT_FIELDS, accountRules);
	const email = String(params.email);
	const companyId = typeof params.companyId === 'string' ? params.companyId : undefined;
	const summary = { email, ...(companyId ? { companyId } : {}) };
	const spec = {
		itemIndex,
		noun: 'account',
		key: `with the e-mail ${email}`,
		lookup: async () => await findAccountByEmail(this, email, companyId, itemIndex),
	};
	return await findOrCreate(this, {
		...spec,
		// GravityZone's e-mail uniqueness may span companies: one lock per e-mail, whatever the company.
		sameKey: [email.trim().toLowerCase()],
		existingOutput: (existing) => ({ id: existing.id, ...summary, email: existing.email ?? email }),
		dryRunRequest: async () => await gravityZoneRequest(this, 'accounts', 'createAccount', maskSecrets(CREATE_ACCOUNT_FIELDS, params)),
		howToCheck: 'look for the account (Account > Get Many)',
		secrets: secretValues(CREATE_ACCOUNT_FIELDS, params),
		create: async () => {
			// The documented answer is the new ID.
			const result = await callGravityZone(this, 'accounts', 'createAccount', params, itemIndex);
			const id = typeof result === 'string' && result !== '' ? result : undefined;
			return { id: await createdIdOrLookup(this, spec, id, 'createAccount'), ...summary };
		},
	});
}
