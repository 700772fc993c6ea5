import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * An answer's shape in words, for errors that say which call answered what ("an object with the keys
 * "results", "count""). Only its structure: no values, which might hold customer data.
 */
export function describeShape(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined || value === '') return 'nothing';
	if (Array.isArray(value)) {
		const kinds = [...new Set(value.map((entry) => (entry === null ? 'null' : Array.isArray(entry) ? 'list' : typeof entry)))];
		return value.length === 0 ? 'an empty list' : `a list of ${kinds.join(' and ')} values`;
	}
	if (typeof value === 'object') {
		const keys = Object.keys(value);
		if (keys.length === 0) return 'an empty object';
		const named = keys.slice(0, 8).map((key) => `"${key}"`).join(', ');
		return `an object with the keys ${named}${keys.length > 8 ? ` and ${keys.length - 8} more` : ''}`;
	}
	return `a ${typeof value}`;
}

const REPORT_IT = "Nothing was decided from this answer (it is not read as \"nothing found\"). Please report the shape above to the node's maintainers.";

/**
 * The error for an answer the node cannot read: it names the vendor's call and the answer's shape,
 * so that a look-up never reads "nothing found" from an answer it did not understand.
 */
export function unreadableAnswer(
	node: INode,
	source: { vendor: 'ESET' | 'GravityZone'; call: string },
	answer: unknown,
	readAs: string,
	options: { description?: string; itemIndex?: number } = {},
): NodeApiError {
	const shape = describeShape(answer);
	return new NodeApiError(node, { call: source.call, shape } as JsonObject, {
		message: `${source.vendor} answered ${source.call} with ${shape}, which this node cannot read as ${readAs}`,
		description: options.description ? `${options.description} ${REPORT_IT}` : REPORT_IT,
		itemIndex: options.itemIndex,
	});
}
