import { createHash } from 'node:crypto';
import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { findCredentialStepError } from './httpFailure';
import { REQUEST_TIMEOUT_MS, retryTransientFailures, retryWhenRateLimited } from './requestPolicy';

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

export function requestSettings(ctx: IExecuteFunctions | ILoadOptionsFunctions, defaultPerSecond: number): RequestSettings {
	// Only an execution reads the node's settings; the editor's list searches use the defaults.
	const executing = 'getInputData' in ctx;
	const read = (name: string, fallback: number) => {
		const value = executing ? (ctx as IExecuteFunctions).getNodeParameter(`requestOptions.${name}`, 0, fallback) : fallback;
		return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
	};
	return {
		concurrency: Math.max(1, Math.floor(read('concurrency', 4))),
		requestsPerSecond: Math.max(0, read('requestsPerSecond', defaultPerSecond)),
		timeoutMs: Math.max(1000, read('timeoutMs', REQUEST_TIMEOUT_MS)),
	};
}

export interface SendPolicy {
	credentialType: string;
	/** The pacing bucket (credentialKey of the credential, and of the method class where it matters). */
	bucket: string;
	perSecond: number;
	timeoutMs: number;
	/** Reads are repeated after transient failures; writes only when the login step failed. */
	isRead: boolean;
	/** The name of the error the credential's login step throws. */
	loginErrorName: string;
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
			return await ctx.helpers.httpRequestWithAuthentication.call(ctx, policy.credentialType, {
				...request,
				json: true,
				timeout: policy.timeoutMs,
			});
		});
	return await retryTransientFailures(
		send,
		(failed) => policy.isRead || findCredentialStepError(failed, policy.loginErrorName) !== undefined,
	);
}
