import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { isPlainObject } from './collectBody';
import { itemLabel } from './errorText';

/** Reads an optional JSON object parameter ("{}" when unset), naming the item and field when broken. */
export function readJsonObject(
	ctx: IExecuteFunctions,
	parameter: string,
	label: string,
	itemIndex: number,
): IDataObject {
	const raw = ctx.getNodeParameter(parameter, itemIndex, {}) as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			value = jsonParse(raw);
		} catch {
			throw new NodeOperationError(ctx.getNode(), `In ${itemLabel(itemIndex)}: ${label} is not valid JSON`, {
				itemIndex,
				description: 'Enter a JSON object such as {"someNewParam": true}. Nothing was sent for this item.',
			});
		}
	}
	if (!isPlainObject(value)) {
		throw new NodeOperationError(ctx.getNode(), `In ${itemLabel(itemIndex)}: ${label} must be a JSON object`, {
			itemIndex,
			description: 'Enter a JSON object such as {"someNewParam": true}. Nothing was sent for this item.',
		});
	}
	return value;
}

/** Merges `extra` into `target`, object by object; on a clash the extra value wins. */
export function deepMerge(target: IDataObject, extra: IDataObject): IDataObject {
	const merged: IDataObject = { ...target };
	for (const [key, value] of Object.entries(extra)) {
		merged[key] =
			isPlainObject(value) && isPlainObject(merged[key])
				? deepMerge(merged[key] as IDataObject, value)
				: value;
	}
	return merged;
}
