import { createHash } from 'node:crypto';
import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { findCredentialStepError } from './httpFailure';
import { perExecution } from './perExecution';
import { REQUEST_TIMEOUT_MS, retryTransientFailures, retryWhenRateLimited } from './requestPolicy';
import { type LoginStep, sendAuthenticated } from './sharedCredential';

/**
 * Pacing shared by every execution in this n8n process that uses the same credential (API key or
 * user): requests are spaced so that they stay under the vendor's rate limit, however many items or
 * workflows run at once.
 */
const nextSlot = new Map<string, number>();

export const credentialKey = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

/** Waits for the next free slot of this credential's bucket (no wait when `perSecond` is 0). */
export async function pace(bucket: string, perSecond: number): Promise<void> {
	if (!(perSecond > 0)) return;
	const now = Date.now();
	const slot = Math.max(now, nextSlot.get(bucket) ?? now);
	nextSlot.set(bucket, slot + 1000 / perSecond);
	if (slot > now) await sleep(slot - now);
}

/** Runs `work` only after every earlier call with the same key has settled (find-then-create). */
const keyTails = new Map<string, Promise<unknown>>();

export async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = keyTails.get(key) ?? Promise.resolve();
	const run = previous.then(work, work);
	const tail = run.catch(() => undefined);
	keyTails.set(key, tail);
	try {
		return await run;
	} finally {
		if (keyTails.get(key) === tail) keyTails.delete(key);
	}
}

export interface RequestSettings {
	concurrency: number;
	requestsPerSecond: number;
	timeoutMs: number;
}

/** The "Request Options" of a node: its documented rate limit is the default. */
export function requestOptionsProperty(defaultPerSecond: number, limitNote: string): INodeProperties {
	return {
		displayName: 'Request Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 4,
				description: 'How many items are processed at the same time; the output keeps the order of the input',
			},
			{
				displayName: 'Requests per Second',
				name: 'requestsPerSecond',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: defaultPerSecond,
				description: `Most requests sent per second with this credential, across all running workflows (${limitNote}); 0 for no limit`,
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeoutMs',
				type: 'number',
				typeOptions: { minValue: 1000 },
				default: REQUEST_TIMEOUT_MS,
				description: 'How long to wait for an answer before giving up on a request',
			},
		],
	};
}

const DECIMAL = /^\s*-?\d+(\.\d+)?\s*$/;

const SETTING_RULES: Record<keyof RequestSettings, { label: string; min: number; whole: boolean }> = {
	concurrency: { label: 'Concurrency', min: 1, whole: true },
	requestsPerSecond: { label: 'Requests per Second', min: 0, whole: false },
	timeoutMs: { label: 'Timeout (Ms)', min: 1000, whole: false },
};

/** The node's Request Options (node-level, read from item 0), checked once per execution. */
export async function requestSettings(ctx: IExecuteFunctions | ILoadOptionsFunctions, defaultPerSecond: number): Promise<RequestSettings> {
	return await perExecution(ctx, 'requestSettings', async () => readRequestSettings(ctx, defaultPerSecond));
}

function readRequestSettings(ctx: IExecuteFunctions | ILoadOptionsFunctions, defaultPerSecond: number): RequestSettings {
	const defaults: RequestSettings = { concurrency: 4, requestsPerSecond: defaultPerSecond, timeoutMs: REQUEST_TIMEOUT_MS };
	// Only an execution reads the node's settings; the editor's list searches use the defaults.
	if (!('getInputData' in ctx)) return defaults;
	const settings = { ...defaults };
	for (const [name, rule] of Object.entries(SETTING_RULES) as Array<[keyof RequestSettings, (typeof SETTING_RULES)[keyof RequestSettings]]>) {
		const raw = ctx.getNodeParameter(`requestOptions.${name}`, 0, defaults[name]);
		// Expressions bring text: "8" is read as 8.
		const value = typeof raw === 'string' && DECIMAL.test(raw) ? Number(raw) : raw;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < rule.min || (rule.whole && !Number.isInteger(value))) {
			throw new NodeOperationError(
				ctx.getNode(),
				`"requestOptions.${name}" (Request Options > ${rule.label}) must be ${rule.whole ? 'a whole number' : 'a number'} of at least ${rule.min} (got ${JSON.stringify(raw)})`,
				{ description: 'Nothing was sent. Fix the option in the node or in the data the expression reads.' },
			);
		}
		settings[name] = value;
	}
	return settings;
}

export interface SendPolicy {
	credentialType: string;
	/** The pacing bucket (credentialKey of the credential, and of the method class where it matters). */
	bucket: string;
	perSecond: number;
	timeoutMs: number;
	/** Reads are repeated after transient failures; writes only when the login step failed. */
	isRead: boolean;
	/** The credential's login step (its preAuthentication). */
	login: LoginStep;
}

/** Sends one request with the credential: paced, waiting out 429s, repeating what is safe to repeat. */
export async function sendWithPolicy(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	request: IHttpRequestOptions,
	policy: SendPolicy,
): Promise<unknown> {
	const send = async () =>
		await retryWhenRateLimited(async () => {
			await pace(policy.bucket, policy.perSecond);
			return await sendAuthenticated(ctx, policy.credentialType, policy.login, { ...request, json: true, timeout: policy.timeoutMs });
		});
	return await retryTransientFailures(
		send,
		(failed) => policy.isRead || findCredentialStepError(failed, policy.login.loginErrorName) !== undefined,
	);
}
