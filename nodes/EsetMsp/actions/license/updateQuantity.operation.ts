import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import type { FieldLayout } from '../../../shared/collectBody';
import { layoutProperties } from '../../../shared/collectBody';
import { isDryRun, readParameters, writeOptions } from '../../../shared/operationParts';
import { credentialKey, oneAtATime } from '../../../shared/pacing';
import { isAmbiguous, MAX_AMBIGUOUS_CREATE_RETRIES } from '../../../shared/requestPolicy';
import { credentialFields } from '../../../shared/sharedCredential';
import { callEset, esetRequest } from '../../transport/request';
import { explainLicenseError, licenseDetail, PUBLIC_LICENSE_KEY } from './licenseFields';
import { unreadableAnswer } from '../../../shared/answerShape';
import { itemLabel } from '../../../shared/errorText';

const show = { resource: ['license'], operation: ['updateQuantity'] };
const PATH = '/api/License/UpdateQuantity';

/** POST /api/License/UpdateQuantity `{quantity, publicLicenseKey}`, both required. */
const UPDATE_FIELDS: ApiField[] = [
	{
		key: 'quantity',
		displayName: 'Quantity',
		type: 'integer',
		required: true,
		minValue: 1,
		default: 1,
		description: 'The number of seats the licence should have from now on (the target, not the change)',
	},
	PUBLIC_LICENSE_KEY,
];

export const updateQuantityLayout: FieldLayout = {
	fields: UPDATE_FIELDS,
	topLevel: ['publicLicenseKey', 'quantity'],
	collection: '',
	collectionDisplayName: '',
	omitEmptyStrings: true,
};

const GUARD = 'Most Seats Added or Removed at Once';

const maxChangeOption: INodeProperties = {
	displayName: GUARD,
	name: 'maxQuantityChange',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 0,
	description:
		'A safety limit: stop the item, sending nothing, when the new quantity differs from the current one by more than this many seats (0 = no limit)',
};

export const description: INodeProperties[] = [...layoutProperties(updateQuantityLayout, show), writeOptions(show, [maxChangeOption])];

/** Code 8 subCode 48: "LicenseQunatityIsEqualToPrevious" (ESET's spelling); the quantity is already the target. */
function isUnchangedRefusal(error: unknown): boolean {
	const context = (error as { context?: { code?: unknown; subCode?: unknown } }).context;
	if (context?.code === 8 && context.subCode === 48) return true;
	return /Qu\w*tityIsEqualToPrevious/i.test(String((error as { message?: unknown }).message ?? ''));
}

function readGuard(ctx: IExecuteFunctions, itemIndex: number): number {
	const raw = ctx.getNodeParameter('options.maxQuantityChange', itemIndex, 0);
	const guard = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof guard !== 'number' || !Number.isInteger(guard) || guard < 0) {
		throw new NodeOperationError(ctx.getNode(), `In ${itemLabel(itemIndex)}: "maxQuantityChange" (${GUARD}) must be a whole number of 0 or more (got ${JSON.stringify(raw)})`, {
			itemIndex,
			description: 'Nothing was sent for this item. Use 0 for no limit.',
		});
	}
	return guard;
}

/** Sets the licence's seats to `quantity`; only sends when they differ (EMA 2 refuses an unchanged quantity). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = readParameters(this, itemIndex, UPDATE_FIELDS);
	const guard = readGuard(this, itemIndex);
	// Items of this run (and workflows in this process) changing the same licence take turns: each reads what the previous one set.
	const { baseUrl } = await credentialFields<{ baseUrl: string }>(this, 'esetMspApi');
	const key = String(body.publicLicenseKey).toUpperCase();
	return await oneAtATime(credentialKey('eset-license', baseUrl, key), async () => await updateQuantity(this, itemIndex, body, guard));
}

async function currentQuantity(ctx: IExecuteFunctions, body: IDataObject, itemIndex: number) {
	const detail = await licenseDetail(ctx, body.publicLicenseKey as string, itemIndex);
	if (typeof detail.quantity !== 'number') throw unreadableAnswer(ctx.getNode(), { vendor: 'ESET', call: 'License/Detail' }, detail, 'a licence with a numeric quantity', { itemIndex });
	return { quantity: detail.quantity, usage: detail.usage };
}

async function updateQuantity(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject, guard: number): Promise<IDataObject> {
	const target = body.quantity as number;
	const current = await currentQuantity(ctx, body, itemIndex);
	const output: IDataObject = { publicLicenseKey: body.publicLicenseKey, quantity: target, previousQuantity: current.quantity };
	if (current.usage !== undefined) output.usage = current.usage;
	const dryRun = isDryRun(ctx, itemIndex);
	if (current.quantity === target) return { ...(dryRun ? { dryRun: true } : {}), ...output, outcome: 'unchanged' };
	const change = target - current.quantity;
	if (guard > 0 && Math.abs(change) > guard) {
		throw new NodeOperationError(
			ctx.getNode(),
			`In ${itemLabel(itemIndex)}: "quantity" (Quantity) ${target} would ${change > 0 ? 'add' : 'remove'} ${Math.abs(change)} seats (the licence has ${current.quantity}); "${GUARD}" allows ${guard}`,
			{ itemIndex, description: `Nothing was sent for this item. Check the quantity, or raise "${GUARD}" in the Options if the change is intended.` },
		);
	}
	if (dryRun) return { dryRun: true, ...output, outcome: 'wouldUpdate', request: await esetRequest(ctx, 'POST', PATH, body) };
	return { ...output, outcome: await sendUpdate(ctx, body, itemIndex) };
}

/**
 * Sends the update. A refusal because the quantity already is the target (another writer was first)
 * is "unchanged". An answer that was lost is not sent again blindly: the licence is read first, and
 * if it has the target quantity, the update went through.
 */
async function sendUpdate(ctx: IExecuteFunctions, body: IDataObject, itemIndex: number): Promise<'updated' | 'unchanged'> {
	for (let attempt = 0; ; attempt++) {
		try {
			await callEset(ctx, 'POST', PATH, body, itemIndex);
			return 'updated';
		} catch (error) {
			if (isUnchangedRefusal(error)) return 'unchanged';
			if (!isAmbiguous(error) || attempt >= MAX_AMBIGUOUS_CREATE_RETRIES) {
				if (isAmbiguous(error)) {
					const failed = error as { description?: string | null };
					failed.description = `${failed.description ?? ''} The new quantity may have been set: read the licence (License > Get) before running this item again.`.trim();
				}
				throw explainLicenseError(error);
			}
		}
		if ((await currentQuantity(ctx, body, itemIndex)).quantity === body.quantity) return 'updated';
	}
}
