/**
 * Error texts for people. n8n's error panel renders an error's `description` as sanitized HTML
 * (NodeErrorView: newlines collapse into one paragraph; `br`, `ul`, `li` and `code` are kept), so a
 * description with several lines or a list is written in those tags, with the data in it escaped.
 * Error items and logs get the same description as plain text (`plainDescription`).
 */

const ORDINAL_ENDINGS: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ordinalRules = new Intl.PluralRules('en-US', { type: 'ordinal' });

/**
 * "item 3 (the 4th)": n8n numbers items from 0, people (and the rows of a CSV) from 1. Lower case on
 * purpose: n8n's error panel appends "[item 3]" to a message unless it already says "item 3".
 */
export function itemLabel(itemIndex: number): string {
	const position = itemIndex + 1;
	return `item ${itemIndex} (the ${position}${ORDINAL_ENDINGS[ordinalRules.select(position)]})`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>]/g, (character) => HTML_ESCAPES[character]);

/** A description for n8n's error panel: each string a line, each list of strings a bulleted list. */
export function panelDescription(...parts: Array<string | string[]>): string {
	let html = '';
	for (const part of parts) {
		if (Array.isArray(part)) {
			html += `<ul>${part.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
		} else {
			html += `${html === '' || html.endsWith('</ul>') ? '' : '<br>'}${escapeHtml(part)}`;
		}
	}
	return html;
}

/** The plain-text form of a description (for error items, logs and webhook answers). */
export function plainDescription(description: string): string {
	return description
		.replace(/<li>/g, '\n- ')
		.replace(/<br>|<\/ul>/g, '\n')
		.replace(/<\/?(ul|li)>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.replace(/^\n+|\n+$/g, '')
		.replace(/\n{2,}/g, '\n');
}
