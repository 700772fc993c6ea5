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
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handleItem(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
			if (!ctx.continueOnFail()) throw nodeError;
			output.push({ json: errorItem(nodeError), pairedItem: { item: itemIndex } });
		}
	}
	return [output];
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
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await processItems(ctx, async (itemIndex) => await handler.call(ctx, itemIndex));
}
