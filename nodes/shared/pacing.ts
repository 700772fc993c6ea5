import { createHash } from 'node:crypto';
import type { IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findCredentialStepError } from './httpFailure';
import { perExecution } from './perExecution';
import { afterLogin, pace, paceLogin, rateLimited } from './requestPacer';
import { RATE_LIMIT_BUDGET_MS, REQUEST_TIMEOUT_MS, retryTransientFailures, retryWhenRateLimited } from './requestPolicy';
import { type LoginStep, type Pacer, sendAuthenticated } from './sharedCredential';

export const credentialKey = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

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
	rateLimitWaitMs: number;
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
				description: `Most requests this n8n process sends per second with this credential, across all its running workflows (${limitNote}); 0 for no limit. Several processes on one key (queue-mode workers) slow down on the vendor's 429s until they share its limit.`,
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeoutMs',
				type: 'number',
				typeOptions: { minValue: 1000 },
				default: REQUEST_TIMEOUT_MS,
				description: 'How long to wait for an answer before giving up on a request',
			},
			{
				displayName: 'Rate Limit Wait (Ms)',
				name: 'rateLimitWaitMs',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: RATE_LIMIT_BUDGET_MS,
				description:
					'How long a request keeps waiting out HTTP 429 answers (each for its Retry-After) before its item fails with the 429',
			},
		],
	};
}

const DECIMAL = /^\s*-?\d+(\.\d+)?\s*$/;

const SETTING_RULES: Record<keyof RequestSettings, { label: string; min: number; whole: boolean }> = {
	concurrency: { label: 'Concurrency', min: 1, whole: true },
	requestsPerSecond: { label: 'Requests per Second', min: 0, whole: false },
	timeoutMs: { label: 'Timeout (Ms)', min: 1000, whole: false },
	rateLimitWaitMs: { label: 'Rate Limit Wait (Ms)', min: 0, whole: false },
};

/** The node's Request Options (node-level, read from item 0), checked once per execution. */
export async function requestSettings(ctx: IExecuteFunctions | ILoadOptionsFunctions, defaultPerSecond: number): Promise<RequestSettings> {
	return await perExecution(ctx, 'requestSettings', async () => readRequestSettings(ctx, defaultPerSecond));
}

function readRequestSettings(ctx: IExecuteFunctions | ILoadOptionsFunctions, defaultPerSecond: number): RequestSettings {
	const defaults: RequestSettings = {
		concurrency: 4,
		requestsPerSecond: defaultPerSecond,
		timeoutMs: REQUEST_TIMEOUT_MS,
		rateLimitWaitMs: RATE_LIMIT_BUDGET_MS,
	};
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
	/** How long 429s are waited out (per request). */
	rateLimitWaitMs: number;
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
	const send = async () => {
		let sentAt = 0;
		const pacer: Pacer = {
			turn: async () => void (sentAt = await pace(policy.bucket, policy.perSecond)),
			loginTurn: async () => await paceLogin(policy.bucket, policy.perSecond),
			loggedIn: () => afterLogin(policy.bucket, policy.perSecond),
		};
		return await retryWhenRateLimited(
			async () => await sendAuthenticated(ctx, policy.credentialType, policy.login, { ...request, json: true, timeout: policy.timeoutMs }, pacer),
			(retryAfterMs) => rateLimited(policy.bucket, policy.perSecond, sentAt, retryAfterMs),
			policy.rateLimitWaitMs,
		);
	};
	return await retryTransientFailures(
		send,
		(failed) => policy.isRead || findCredentialStepError(failed, policy.login.loginErrorName) !== undefined,
	);
}
