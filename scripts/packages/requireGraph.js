// What a package's entry points load: follows every require() of the compiled CommonJS (tsc writes them
// as require("...") with a literal) and the icons the classes point to (`file:` paths).
const fs = require('node:fs');
const path = require('node:path');

const REQUIRE = /\brequire\(\s*(["'])([^"']+)\1\s*\)/g;
const ICON = /(["'])file:([^"']+)\1/g;

function resolveRelative(fromFile, request) {
	const base = path.resolve(path.dirname(fromFile), request);
	return [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')].find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/**
 * Walks the require graph from `entries` (paths relative to `rootDir`). Returns the files reached
 * (relative, sorted; icons and each node's codex file included), the bare module names required, and
 * the relative requires or icons that point at nothing or outside `rootDir`.
 */
function requireGraph(rootDir, entries) {
	const files = new Set();
	const bare = new Map();
	const missing = [];
	const inside = (file) => !path.relative(rootDir, file).startsWith('..');
	const visit = (file) => {
		const relative = path.relative(rootDir, file);
		if (files.has(relative)) return;
		files.add(relative);
		if (!file.endsWith('.js')) return;
		const code = fs.readFileSync(file, 'utf8');
		for (const [, , request] of code.matchAll(REQUIRE)) {
			if (!request.startsWith('.')) {
				bare.set(request, [...(bare.get(request) ?? []), relative]);
				continue;
			}
			const target = resolveRelative(file, request);
			if (!target || !inside(target)) missing.push(`${relative} requires "${request}", which ${target ? 'lies outside the package' : 'does not exist'}`);
			else visit(target);
		}
		for (const [, , icon] of code.matchAll(ICON)) {
			const target = path.resolve(path.dirname(file), icon);
			if (!fs.existsSync(target) || !inside(target)) missing.push(`${relative} points to the icon file:${icon}, which ${fs.existsSync(target) ? 'lies outside the package' : 'does not exist'}`);
			else files.add(path.relative(rootDir, target));
		}
		if (file.endsWith('.node.js')) {
			const codex = file.replace(/\.js$/, '.json');
			if (fs.existsSync(codex)) files.add(path.relative(rootDir, codex));
			else missing.push(`${relative} has no codex file ${path.basename(codex)}`);
		}
	};
	for (const entry of entries) {
		const file = path.join(rootDir, entry);
		if (fs.existsSync(file)) visit(file);
		else missing.push(`${entry} (listed in package.json) does not exist`);
	}
	return { files: [...files].sort(), bare, missing };
}

module.exports = { requireGraph };
