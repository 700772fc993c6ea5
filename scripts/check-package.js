#!/usr/bin/env node
// After `npm run build`: checks that what n8n loads from the package is really there - every node and
// credential listed in package.json, the icons they point to, the codex files - and that the npm
// package ships dist/ only. Exits non-zero with the list of problems.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const problems = [];

const listed = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
for (const file of listed) {
	const full = path.join(root, file);
	if (!fs.existsSync(full)) {
		problems.push(`${file} is listed in package.json but was not built`);
		continue;
	}
	const exported = require(full);
	for (const Type of Object.values(exported)) {
		if (typeof Type !== 'function') continue;
		const instance = new Type();
		const icon = instance.icon ?? instance.description?.icon;
		for (const variant of typeof icon === 'object' ? Object.values(icon) : [icon]) {
			if (typeof variant !== 'string' || !variant.startsWith('file:')) continue;
			const iconPath = path.resolve(path.dirname(full), variant.slice('file:'.length));
			if (!fs.existsSync(iconPath)) problems.push(`${file}: icon ${variant} is missing from dist`);
		}
	}
	if (file.endsWith('.node.js') && !fs.existsSync(full.replace(/\.js$/, '.json'))) {
		problems.push(`${file}: codex file ${path.basename(file, '.js')}.json is missing from dist`);
	}
}

const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root }))[0].files.map(
	(entry) => entry.path,
);
const unexpected = packed.filter((file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE', pkg.main].includes(file));
if (unexpected.length > 0) problems.push(`the npm package would ship more than dist/: ${unexpected.join(', ')}`);
for (const file of listed) if (!packed.includes(file)) problems.push(`the npm package would miss ${file}`);

if (problems.length > 0) {
	console.error(`Package check failed:\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(`Package check passed: ${listed.length} entries, ${packed.length} files in the npm package.`);
