// Cuts the repository's README.md into one npm package's README (the marker convention is described in
// the comment at the top of README.md): blocks and lines marked for other packages or vendors go.
const BLOCK_START = /^\s*<!--\s*only:\s*([a-z0-9, -]+?)\s*-->\s*$/;
const BLOCK_END = /^\s*<!--\s*\/only\s*-->\s*$/;
const LINE_MARK = /\s*<!--\s*only:\s*([a-z0-9, -]+?)\s*-->\s*$/;
const MARKER = /<!--\s*\/?only\b/;
// The convention itself is written to the repository's readers, not to a package's.
const CONVENTION = /^<!--\s*README markers\b[\s\S]*?-->\n*/;

const tagsOf = (list) => list.split(',').map((tag) => tag.trim()).filter(Boolean);

/**
 * Returns the README for a package whose tags (its own tag and its vendors) are `tags`, or throws on
 * a marker that is unbalanced, nested or names an unknown tag, so that a typo cannot leak a section.
 */
function cutReadme(text, tags, knownTags) {
	const out = [];
	let open = null;
	text
		.replace(CONVENTION, '')
		.split('\n')
		.forEach((line, index) => {
			const where = `README.md line ${index + 1}`;
			const check = (list) => {
				const unknown = tagsOf(list).filter((tag) => !knownTags.includes(tag));
				if (unknown.length > 0 || tagsOf(list).length === 0) throw new Error(`${where}: unknown tag "${unknown.join(', ') || list}" (known: ${knownTags.join(', ')})`);
				return tagsOf(list).some((tag) => tags.includes(tag));
			};
			const start = BLOCK_START.exec(line);
			if (start) {
				if (open) throw new Error(`${where}: "only" block inside the block opened on line ${open.line} (blocks do not nest)`);
				open = { line: index + 1, keep: check(start[1]) };
				return;
			}
			if (BLOCK_END.test(line)) {
				if (!open) throw new Error(`${where}: "/only" without an open block`);
				open = null;
				return;
			}
			const mark = LINE_MARK.exec(line);
			if (mark) {
				if (check(mark[1]) && (!open || open.keep)) out.push(line.slice(0, mark.index));
				return;
			}
			if (MARKER.test(line)) throw new Error(`${where}: a marker must be "<!-- only: tags -->" or "<!-- /only -->" on its own line, or "<!-- only: tags -->" at the end of a line`);
			if (!open || open.keep) out.push(line);
		});
	if (open) throw new Error(`README.md: the "only" block opened on line ${open.line} is never closed`);
	// Cutting may leave runs of blank lines behind.
	return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

module.exports = { cutReadme };
