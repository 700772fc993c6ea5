import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiField } from './apiFields';
import { describePath } from './apiFields';
import type { Violation } from './validateBody';

/**
 * Runs one operation per input item. Output item i is paired with input item i; with "Continue On
 * Fail" a failed item becomes an error item (same pairing) and the others go on.
 */
export async function processItems(
	ctx: IExecuteFunctions,
	handleItem: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
	concurrency = 1,
): Promise<INodeExecutionData[][]> {
	const count = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	let next = 0;
	// Without "Continue On Fail" the run stops; the first failing item by position is reported.
	const stop: { failure?: { itemIndex: number; error: NodeApiError | NodeOperationError } } = {};
	const worker = async () => {
		while (stop.failure === undefined && next < count) {
			const itemIndex = next++;
			try {
				const result = await handleItem(itemIndex);
				results[itemIndex] = (Array.isArray(result) ? result : [result]).map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (error) {
				const nodeError =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
				if (ctx.continueOnFail()) {
					results[itemIndex] = [{ json: errorItem(nodeError), pairedItem: { item: itemIndex } }];
				} else {
					// Another worker may have failed meanwhile (the loop condition narrowed this away).
					const earlier = stop.failure as { itemIndex: number } | undefined;
					if (earlier === undefined || itemIndex < earlier.itemIndex) stop.failure = { itemIndex, error: nodeError };
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), Math.max(1, count)) }, worker));
	if (stop.failure) throw stop.failure.error;
	return [results.flat()];
}

function errorItem(error: NodeApiError | NodeOperationError): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
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
	throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${lines[0]}`, {
		itemIndex,
		description:
			(violations.length > 1 ? `All problems in this item:\n- ${lines.join('\n- ')}\n` : '') +
			'Nothing was sent for this item. Fix the field in the node or in the data the expression reads.',
	});
}

export type OperationHandler = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;

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
	return await processItems(ctx, async (itemIndex) => await handler.call(ctx, itemIndex), concurrency);
}
