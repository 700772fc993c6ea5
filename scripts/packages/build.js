#!/usr/bin/env node
// The packaging step of `npm run build` (after tsc and gulp): writes each npm package of
// definitions.js into dist-packages/<name>/ - the files its entry points load (require graph, icons,
// codex), its package.json derived from the top-level one, its part of README.md and the licence -
// and, for the single-service packages, packages/<name>/: the package.json n8n's scanner looks for in
// the source repository, beside links to the sources of that package.
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, OUT_DIR, PACKAGES, VENDORS, packageDir, sourceRoot, readmeTags, manifestFor } = require('./definitions');
const { cutReadme } = require('./readme');
const { requireGraph } = require('./requireGraph');

const KNOWN_TAGS = [...new Set(PACKAGES.flatMap(readmeTags))];
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** The codex file names its node by full type, and the type starts with the package's name. */
function codexFor(file, packageName) {
	const codex = JSON.parse(fs.readFileSync(file, 'utf8'));
	return `${JSON.stringify({ ...codex, node: `${packageName}.${codex.node.split('.').pop()}` }, null, '\t')}\n`;
}

function writePackage(pkg, readme) {
	const manifest = manifestFor(pkg);
	const graph = requireGraph(ROOT, [...manifest.n8n.credentials, ...manifest.n8n.nodes]);
	if (graph.missing.length > 0) throw new Error(`${pkg.name}: ${graph.missing.join('; ')} (run tsc and gulp first: npm run build)`);
	const dir = packageDir(pkg);
	fs.rmSync(dir, { recursive: true, force: true });
	for (const file of graph.files) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		if (file.endsWith('.node.json')) fs.writeFileSync(path.join(dir, file), codexFor(path.join(ROOT, file), pkg.name));
		else fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
	}
	fs.copyFileSync(path.join(ROOT, manifest.main), path.join(dir, manifest.main));
	fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE'));
	// The repository's title is the combined package's (marked "only: msp-security"); the others get their name.
	const title = pkg.sourceRoot ? '' : `# ${pkg.name}\n\n`;
	fs.writeFileSync(path.join(dir, 'README.md'), title + cutReadme(readme, readmeTags(pkg), KNOWN_TAGS));
	fs.writeFileSync(path.join(dir, 'package.json'), json(manifest));
	if (!pkg.sourceRoot) writeSourceRoot(pkg, manifest, graph.files);
	return graph.files.length;
}

/**
 * packages/<name>/: the manifest, and relative links to the vendor's node folder, its credential,
 * nodes/shared and the icons it uses, so that the scanner lints exactly this package's sources.
 */
function writeSourceRoot(pkg, manifest, files) {
	const dir = sourceRoot(pkg);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), json(manifest));
	const icons = files.filter((file) => file.startsWith('dist/icons/')).map((file) => file.slice('dist/'.length));
	const linked = [...pkg.vendors.flatMap((vendor) => VENDORS[vendor].sources), 'nodes/shared', ...icons];
	for (const source of linked.sort()) {
		if (!fs.existsSync(path.join(ROOT, source))) throw new Error(`${pkg.name}: ${source} (named in definitions.js) does not exist`);
		const link = path.join(dir, source);
		fs.mkdirSync(path.dirname(link), { recursive: true });
		fs.symlinkSync(path.relative(path.dirname(link), path.join(ROOT, source)), link);
	}
}

function main() {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	fs.mkdirSync(OUT_DIR, { recursive: true });
	for (const pkg of PACKAGES) {
		const count = writePackage(pkg, readme);
		console.log(`packaged ${pkg.name}: ${count} files from dist/ -> ${path.relative(ROOT, packageDir(pkg))}/`);
	}
}

if (require.main === module) {
	try {
		main();
	} catch (error) {
		console.error(`Packaging failed: ${error.message}`);
		process.exit(1);
	}
}

module.exports = { KNOWN_TAGS };
