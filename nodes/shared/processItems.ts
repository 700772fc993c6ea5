import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiField } from './apiFields';
import { describePath } from './apiFields';
import { itemLabel, panelDescription, plainDescription } from './errorText';
import type { Violation } from './validateBody';

/** Sends an item whose parameters have been read (see processItems). */
export type SendItem = () => Promise<IDataObject | IDataObject[]>;

/** An item's parameters read and checked without sending anything, or why that failed. */
type Prepared = { send: SendItem } | { failure: unknown };

/**
 * Runs one operation per input item, `concurrency` at a time. Output item i is paired with input
 * item i; with "Continue On Fail" a failed item becomes an error item (same pairing) and the others
 * go on. `prepareItem` reads an item's parameters (n8n evaluates its expressions: CPU work, no
 * request) and returns what sends it. Each worker reads its next item while the current one's
 * request is out, so that this work overlaps the wait instead of delaying, on n8n's one thread, the
 * answers of the other items in flight. Without `readAhead` (prepareItem reads nothing) a worker
 * takes its next item when the current one is done.
 */
export async function processItems(
	ctx: IExecuteFunctions,
	prepareItem: (itemIndex: number) => SendItem,
	concurrency = 1,
	readAhead = true,
): Promise<INodeExecutionData[][]> {
	const count = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	let next = 0;
	// Without "Continue On Fail" the run stops; the first failing item by position is reported.
	const stop: { failure?: { itemIndex: number; error: NodeApiError | NodeOperationError } } = {};
	const prepare = (itemIndex: number): Prepared => {
		try {
			return { send: prepareItem(itemIndex) };
		} catch (error) {
			return { failure: error };
		}
	};
	const settle = async (itemIndex: number, prepared: Prepared) => {
		try {
			if ('failure' in prepared) throw prepared.failure;
			const result = await prepared.send();
			results[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			if (ctx.continueOnFail()) {
				results[itemIndex] = [{ json: errorItem(ctx, nodeError), pairedItem: { item: itemIndex } }];
			} else {
				const earlier = stop.failure;
				if (earlier === undefined || itemIndex < earlier.itemIndex) stop.failure = { itemIndex, error: nodeError };
			}
		}
	};
	const worker = async () => {
		if (next >= count) return;
		let itemIndex = next++;
		let prepared = prepare(itemIndex);
		for (;;) {
			const done = settle(itemIndex, prepared);
			if (readAhead) {
				// Two turns of the event loop: by then this item's request has been written (its socket
				// connects in between), and reading the next item no longer holds it up.
				await sleep(0);
				await sleep(0);
			} else {
				await done;
			}
			if (stop.failure !== undefined || next >= count) return await done;
			itemIndex = next++;
			prepared = prepare(itemIndex);
			await done;
			// The run stops: the item read ahead is not sent.
			if (stop.failure !== undefined) return;
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), Math.max(1, count)) }, worker));
	if (stop.failure) throw stop.failure.error;
	return [results.flat()];
}

/**
 * `{ error, description, httpCode }`. Under "On Error: Continue (using error output)" n8n sends an
 * item to the error output only when its keys are among error, message and details: there the
 * description and HTTP code go into `details`.
 */
function errorItem(ctx: IExecuteFunctions, error: NodeApiError | NodeOperationError): IDataObject {
	const details: IDataObject = {};
	if (error.description) details.description = plainDescription(error.description);
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	if (ctx.getNode().onError !== 'continueErrorOutput') return { error: error.message, ...details };
	return Object.keys(details).length > 0 ? { error: error.message, details } : { error: error.message };
}

/** Turns broken rules into one NodeOperationError that names the item, the field and the rule. */
export function throwIfInvalid(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: ApiField[],
	violations: Violation[],
): void {
	if (violations.length === 0) return;
	const lines = violations.map((violation) => `${describePath(fields, violation.path)} ${violation.rule}`);
	const advice = 'Nothing was sent for this item. Fix the field in the node or in the data the expression reads.';
	throw new NodeOperationError(ctx.getNode(), `In ${itemLabel(itemIndex)}: ${lines[0]}`, {
		itemIndex,
		description: lines.length > 1 ? panelDescription('All problems in this item:', lines, advice) : panelDescription(advice),
	});
}

/**
 * An operation, per item: a function that reads its parameters and sends, or `prepare`, which reads
 * them first and returns what sends them (for operations whose parameter reads cost: see processItems).
 */
export type OperationHandler =
	| ((this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>)
	| { prepare: (this: IExecuteFunctions, itemIndex: number) => SendItem };

/** Picks the handler of the node's resource and operation and runs it for every item. */
export async function runOperation(
	ctx: IExecuteFunctions,
	operations: Record<string, Record<string, OperationHandler>>,
	concurrency = 1,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	if (typeof handler === 'function') {
		return await processItems(ctx, (itemIndex) => async () => await handler.call(ctx, itemIndex), concurrency, false);
	}
	return await processItems(ctx, (itemIndex) => handler.prepare.call(ctx, itemIndex), concurrency);
}
