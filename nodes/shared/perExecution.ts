import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

/**
 * Values that stay the same for every item of one node execution (n8n passes the same context object
 * to all of them): the credential's fields, the Request Options, the user's own company. Read once,
 * they save the credential decryption and parameter reads that would otherwise run per request.
 */
type Context = IExecuteFunctions | ILoadOptionsFunctions;

const cache = new WeakMap<Context, Map<string, Promise<unknown>>>();

export async function perExecution<T>(ctx: Context, key: string, compute: () => Promise<T>): Promise<T> {
	let values = cache.get(ctx);
	if (!values) cache.set(ctx, (values = new Map()));
	let value = values.get(key) as Promise<T> | undefined;
	if (!value) {
		value = compute();
		values.set(key, value);
		// A failure is not kept: the next item asks again.
		value.catch(() => values.delete(key));
	}
	return await value;
}
