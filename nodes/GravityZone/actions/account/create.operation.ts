import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FieldLayout } from '../../../shared/collectBody';
import { collectBody, layoutProperties } from '../../../shared/collectBody';
import { deepMerge, readJsonObject } from '../../../shared/extraParams';
import { ifExistsOption, writeOptions } from '../../../shared/operationParts';
import { type SendItem, throwIfInvalid } from '../../../shared/processItems';
import { maskSecrets, secretValues } from '../../../shared/secrets';
import { validateBody } from '../../../shared/validateBody';
import { callGravityZone, gravityZoneRequest } from '../../transport/jsonRpc';
import { perMinuteNotice } from '../common';
import { findOrCreate } from '../findOrCreate';
import { CREATE_ACCOUNT_FIELDS } from './accountFields';
import { accountRules } from './accountRules';
import { findAccountByEmail } from './findAccount';

const show = { resource: ['account'], operation: ['create'] };

export const createAccountLayout: FieldLayout = {
	fields: CREATE_ACCOUNT_FIELDS,
	topLevel: ['email', 'profile'],
	collection: 'additionalFields',
	collectionDisplayName: 'Additional Fields',
	omitEmptyStrings: false,
};

export const description: INodeProperties[] = [
	perMinuteNotice('createAccount', show),
	...layoutProperties(createAccountLayout, show),
	writeOptions(show, [
		{
			displayName: 'Extra Params (JSON)',
			name: 'extraParams',
			type: 'json',
			default: '{}',
			description:
				'Parameters merged into the createAccount params as they are, such as phoneNumber (its second key is not documented) or fields GravityZone adds later. They win over the fields above.',
		},
		ifExistsOption('same e-mail, ignoring case, among the accounts of the same company', 'account'),
	]),
];

/** Reads the item's fields (no request); what it returns finds or creates the account. */
export function prepare(this: IExecuteFunctions, itemIndex: number): SendItem {
	const collected = collectBody(this, itemIndex, createAccountLayout);
	return async () => await createAccount.call(this, itemIndex, collected);
}

async function createAccount(this: IExecuteFunctions, itemIndex: number, collected: IDataObject): Promise<IDataObject> {
	const extra = readJsonObject(this, 'options.extraParams', 'Options > Extra Params (JSON)', itemIndex);
	const params = deepMerge(collected, extra);
	throwIfInvalid(this, itemIndex, CREATE_ACCOUNT_FIELDS, [...validateBody(CREATE_ACCOUNT_FIELDS, params), ...accountRules(params)]);
	const email = String(params.email);
	const companyId = typeof params.companyId === 'string' ? params.companyId : undefined;
	const summary = { email, ...(companyId ? { companyId } : {}) };
	const lookup = async () => await findAccountByEmail(this, email, companyId, itemIndex);
	return await findOrCreate(this, {
		itemIndex,
		noun: 'account',
		key: `with the e-mail ${email}`,
		// GravityZone's e-mail uniqueness may span companies: one lock per e-mail, whatever the company.
		sameKey: [email.trim().toLowerCase()],
		lookup,
		existingOutput: (existing) => ({ id: existing.id, ...summary, email: existing.email ?? email }),
		dryRunRequest: async () => await gravityZoneRequest(this, 'accounts', 'createAccount', maskSecrets(CREATE_ACCOUNT_FIELDS, params)),
		howToCheck: 'look for the account (Account > Get Many)',
		secrets: secretValues(CREATE_ACCOUNT_FIELDS, params),
		create: async () => {
			const result = await callGravityZone(this, 'accounts', 'createAccount', params, itemIndex);
			// The documented answer is the new ID; without it the account is looked up.
			const id = typeof result === 'string' && result !== '' ? result : ((await lookup())?.id as string | undefined);
			if (id === undefined) throw new NodeApiError(this.getNode(), {} as JsonObject, {
				message: `GravityZone answered createAccount for ${email} without the new account's ID, and the account was not found afterwards`,
				description: 'Look for the account with Account > Get Many before running this item again.',
				itemIndex,
			});
			return { id, ...summary };
		},
	});
}
