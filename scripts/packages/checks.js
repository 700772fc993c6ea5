// The checks every npm package of this repository must pass, run on the folder its tarball unpacks to
// (scripts/check-package.js packs and unpacks them). Each returns a list of problems; none means it passed.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { ROOT, VENDORS, PACKAGE_NAME_RULE, otherVendors } = require('./definitions');
const { requireGraph } = require('./requireGraph');

// Node's own modules n8n's `no-restricted-imports` rule lets a community node load.
const ALLOWED_BUILTINS = ['crypto', 'node:crypto'];
const SHIPPED = /^(package\.json|README\.md|LICENSE|index\.js|dist\/.+\.(js|json|svg))$/;
const LIFECYCLE_FIELDS = ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies', 'overrides', 'scripts'];

const listFiles = (dir, base = dir) =>
	fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
	});

/** The package.json as n8n's verification wants it, and as definitions.js derives it. */
function checkManifest(manifest, expected) {
	const problems = [];
	if (!PACKAGE_NAME_RULE.test(manifest.name)) problems.push(`name "${manifest.name}" does not follow n8n's rule n8n-nodes-<name> or @<scope>/n8n-nodes-<name>`);
	if (manifest.license !== 'MIT') problems.push(`license is ${manifest.license}, not MIT`);
	if (JSON.stringify(manifest.peerDependencies) !== JSON.stringify({ 'n8n-workflow': '*' })) problems.push(`peerDependencies must be exactly { "n8n-workflow": "*" }, is ${JSON.stringify(manifest.peerDependencies)}`);
	for (const field of LIFECYCLE_FIELDS) if (manifest[field] !== undefined) problems.push(`has "${field}" (runtime dependencies, overrides and scripts are not allowed)`);
	if (!Array.isArray(manifest.files) || manifest.files.length === 0) problems.push('has no "files" list');
	if (manifest.n8n?.strict !== true) problems.push('n8n.strict is not true');
	if (!manifest.keywords?.includes('n8n-community-node-package')) problems.push('keywords lack "n8n-community-node-package"');
	if (expected && JSON.stringify(manifest) !== JSON.stringify(expected)) problems.push('package.json differs from the one definitions.js derives from the top-level package.json (run npm run build)');
	return problems;
}

/** What the tarball holds: only shipped kinds of files, and every one of them loaded by an entry point. */
function checkContents(dir, manifest, pkg) {
	const problems = [];
	const files = listFiles(dir);
	for (const file of files.filter((file) => !SHIPPED.test(file))) problems.push(`ships ${file} (only dist/ code, codex and icons, the manifest, README, LICENSE and ${manifest.main})`);
	const graph = requireGraph(dir, [...manifest.n8n.credentials, ...manifest.n8n.nodes]);
	problems.push(...graph.missing);
	const allowed = [...Object.keys(manifest.peerDependencies ?? {}), ...ALLOWED_BUILTINS];
	for (const [name, from] of graph.bare) if (!allowed.includes(name)) problems.push(`${from[0]} requires "${name}", which is neither a peer dependency nor one of ${ALLOWED_BUILTINS.join(', ')}`);
	const reached = new Set(graph.files);
	for (const file of files.filter((file) => file.startsWith('dist/') && !reached.has(file))) problems.push(`ships ${file}, which no node or credential loads`);
	for (const vendor of otherVendors(pkg)) {
		const { node, credential, trace } = VENDORS[vendor];
		for (const file of [node, credential].filter((file) => files.includes(file))) problems.push(`ships ${file} of ${vendor}`);
		for (const file of files.filter((file) => file.startsWith('dist/') && trace.test(fs.readFileSync(path.join(dir, file), 'utf8')))) {
			problems.push(`${file} mentions ${vendor} (${trace})`);
		}
		const readme = fs.existsSync(path.join(dir, 'README.md')) ? fs.readFileSync(path.join(dir, 'README.md'), 'utf8') : '';
		for (const heading of readme.split('\n').filter((line) => /^#+ /.test(line) && trace.test(line))) problems.push(`README.md has a section about ${vendor}: "${heading}"`);
	}
	const readme = path.join(dir, 'README.md');
	if (!fs.existsSync(readme) || fs.readFileSync(readme, 'utf8').trim().length === 0) problems.push('has no README.md');
	else if (/<!--\s*\/?only\b/.test(fs.readFileSync(readme, 'utf8'))) problems.push('README.md still holds "only" markers');
	return problems;
}

/** Loads the classes as n8n would (n8n-workflow from this repository's node_modules) and checks what they declare. */
function checkLoad(dir, manifest) {
	const result = spawnSync(process.execPath, [path.join(__dirname, 'describe.js'), dir], {
		encoding: 'utf8',
		env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
	});
	if (result.status !== 0) return [`loading its nodes and credentials failed: ${result.stderr.trim().split('\n').slice(0, 4).join(' ')}`];
	const { nodes, credentials } = JSON.parse(result.stdout);
	const problems = [];
	const declared = credentials.map((credential) => credential.name);
	if (nodes.length !== manifest.n8n.nodes.length) problems.push(`${manifest.n8n.nodes.length} node files listed, ${nodes.length} node classes found`);
	if (credentials.length !== manifest.n8n.credentials.length) problems.push(`${manifest.n8n.credentials.length} credential files listed, ${credentials.length} credential classes found`);
	for (const node of nodes) {
		for (const name of node.credentials.filter((name) => !declared.includes(name))) problems.push(`${node.file} uses the credential ${name}, which the package does not contain`);
		if (node.codexNode !== `${manifest.name}.${node.name}`) problems.push(`${node.file}: codex names the node ${node.codexNode}, n8n will call it ${manifest.name}.${node.name}`);
	}
	return problems;
}

module.exports = { checkManifest, checkContents, checkLoad, listFiles };
