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
