import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import { unreadableAnswer } from '../../../shared/answerShape';
import { isPlainObject } from '../../../shared/collectBody';
import { callEset, type EsetContext } from '../../transport/request';

/** `publicLicenseKey`, as License/Detail, UpdateQuantity and the other licence calls document it. */
export const PUBLIC_LICENSE_KEY: ApiField = {
	key: 'publicLicenseKey',
	displayName: 'Public License Key',
	type: 'string',
	required: true,
	pattern: { regex: /^[0-9A-Za-z]{3}-[0-9A-Za-z]{3}-[0-9A-Za-z]{3}$/, rule: 'must be a public licence key of the form XXX-XXX-XXX' },
	placeholder: '3AB-C4D-E5F',
	description: 'The public licence key (XXX-XXX-XXX), as License > Search or Order returns it',
};

/** GET /api/Enum/LicenseStates. */
export const LICENSE_STATES: Record<number, string> = { 0: 'Error', 1: 'Normal', 2: 'Obsolete', 3: 'Suspended', 4: 'Warning' };

/** A licence as ESET sent it, with `stateName` ("Normal"...) right after its numeric `state`. */
export function withStateName(license: IDataObject): IDataObject {
	if (typeof license.state !== 'number') return license;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(license)) {
		out[key] = value;
		if (key === 'state') out.stateName = LICENSE_STATES[value as number] ?? `Unknown (${String(value)})`;
	}
	return out;
}

/** What to do about ESET's documented licence errors (code 8, by subCode). */
const LICENSE_ERROR_HINTS: Record<number, string> = {
	17: 'The licence type is not valid: use Full or Trial.',
	18: 'ESET refused the quantity (InvalidQuantity): use a whole number of seats of at least 1.',
	20: 'This licence is already ordered (LicenseIsAlreadyOrdered): find it with License > Search and change its quantity instead.',
	23: 'The licence is not active (suspended or inactive): unsuspend it in EMA 2 first.',
	27: 'This product is not available to your company (ProductIsNotAvailable): check the product code.',
	30: 'The quantity is outside the range ESET allows for this product (QuantityIsOutOfRange).',
	32: 'A trial of this product is not allowed here (TrialLicenseIsNotAllowed): order a full licence.',
	37: 'The licence has expired (LicenseIsExpired): it cannot be changed; order a new one.',
	40: 'The Terms of Use of ESET LiveGuard Advanced are not accepted yet: a user with Write permission on the root company must accept them in EMA 2.',
};

/** Adds what to do to a code-8 error of a licence call; returns the error. */
export function explainLicenseError(error: unknown): unknown {
	const context = (error as { context?: { code?: unknown; subCode?: unknown } }).context;
	const hint = context?.code === 8 && typeof context.subCode === 'number' ? LICENSE_ERROR_HINTS[context.subCode] : undefined;
	if (hint && error instanceof NodeApiError) error.description = `${hint} ${error.description ?? ''}`.trim();
	return error;
}


/** POST /api/License/Detail: quantity, usage, state... of one licence. */
export async function licenseDetail(ctx: EsetContext, publicLicenseKey: string, itemIndex?: number): Promise<IDataObject> {
	let answer: unknown;
	try {
		answer = await callEset(ctx, 'POST', '/api/License/Detail', { publicLicenseKey }, itemIndex);
	} catch (error) {
		throw explainLicenseError(error);
	}
	if (!isPlainObject(answer)) throw unreadableAnswer(ctx.getNode(), { vendor: 'ESET', call: 'License/Detail' }, answer, 'a licence', { itemIndex });
	return answer;
}
