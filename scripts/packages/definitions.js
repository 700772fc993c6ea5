// The npm packages built from this one source tree: the combined package and one package per vendor.
// Everything else about a package (its files, icons, manifest, README) is derived from this table, the
// built dist/ and the top-level package.json.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'dist-packages');
// n8n's scanner lints the source repository recorded in a package's provenance, starting at the folder
// whose package.json carries the package's name: the single-service packages get such a folder here.
const SOURCE_ROOTS_DIR = path.join(ROOT, 'packages');

/**
 * One vendor: its node and credential (entry points in dist/), the sources n8n's scanner should lint for
 * it, its node and credential type names, and what must never appear in another vendor's package.
 */
const VENDORS = {
	eset: {
		node: 'dist/nodes/EsetMsp/EsetMsp.node.js',
		credential: 'dist/credentials/EsetMspApi.credentials.js',
		sources: ['nodes/EsetMsp', 'credentials/EsetMspApi.credentials.ts'],
		types: ['esetMsp', 'esetMspApi'],
		// Matches the vendor's names in built files (not "ECONNRESET": a letter before "eset" does not count).
		trace: /(^|[^a-z])eset|EsetMsp/i,
	},
	gravityzone: {
		node: 'dist/nodes/GravityZone/GravityZone.node.js',
		credential: 'dist/credentials/GravityZoneApi.credentials.js',
		sources: ['nodes/GravityZone', 'credentials/GravityZoneApi.credentials.ts'],
		types: ['gravityZone', 'gravityZoneApi'],
		trace: /gravity\s*zone|bitdefender/i,
	},
};

/**
 * `tag` names the package in README markers (see the comment at the top of README.md); `vendors` are
 * also tags. Descriptions and keywords are the npm listing's.
 */
const PACKAGES = [
	{
		name: 'n8n-nodes-msp-security',
		tag: 'msp-security',
		vendors: ['eset', 'gravityzone'],
		// The combined package's source root is the repository itself.
		sourceRoot: ROOT,
		keywords: ['n8n-community-node-package', 'eset', 'bitdefender', 'gravityzone', 'msp'],
	},
	{
		name: 'n8n-nodes-eset-msp',
		tag: 'eset-msp',
		vendors: ['eset'],
		description:
			'n8n node for MSPs: onboard and manage customers, and order licences, in ESET MSP Administrator 2 without code.',
		keywords: ['n8n-community-node-package', 'eset', 'ema2', 'msp'],
	},
	{
		name: 'n8n-nodes-gravityzone-msp',
		tag: 'gravityzone-msp',
		vendors: ['gravityzone'],
		description:
			'n8n node for MSPs: onboard and manage customer companies and their licences in Bitdefender GravityZone without code.',
		keywords: ['n8n-community-node-package', 'bitdefender', 'gravityzone', 'msp'],
	},
];

// n8n's rule for community package names (n8n-node CLI, @n8n/community-nodes/package-name-convention).
const PACKAGE_NAME_RULE = /^(@[a-z0-9]+(?:-[a-z0-9]+)*\/)?n8n-nodes-[a-z0-9]+(?:-[a-z0-9]+)*$/;

const packageDir = (pkg) => path.join(OUT_DIR, pkg.name);
const sourceRoot = (pkg) => pkg.sourceRoot ?? path.join(SOURCE_ROOTS_DIR, pkg.name);
const otherVendors = (pkg) => Object.keys(VENDORS).filter((vendor) => !pkg.vendors.includes(vendor));
const readmeTags = (pkg) => [pkg.tag, ...pkg.vendors];

/**
 * The published package.json: derived from the top-level one (the ONE place for version, author,
 * licence and repository URL), without scripts, devDependencies or anything npm would run.
 */
function manifestFor(pkg, root = require(path.join(ROOT, 'package.json'))) {
	const entries = pkg.vendors.map((vendor) => VENDORS[vendor]);
	const repositoryUrl = root.repository.url;
	const homepage = repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '');
	return {
		name: pkg.name,
		version: root.version,
		description: pkg.description ?? root.description,
		license: root.license,
		keywords: pkg.keywords,
		homepage,
		bugs: { url: `${homepage}/issues` },
		repository: { type: 'git', url: repositoryUrl, ...(pkg.sourceRoot ? {} : { directory: path.relative(ROOT, sourceRoot(pkg)) }) },
		author: root.author,
		main: 'index.js',
		files: ['dist', 'index.js'],
		n8n: {
			n8nNodesApiVersion: root.n8n.n8nNodesApiVersion,
			strict: true,
			credentials: entries.map((vendor) => vendor.credential),
			nodes: entries.map((vendor) => vendor.node),
		},
		peerDependencies: { 'n8n-workflow': '*' },
		engines: root.engines,
	};
}

module.exports = {
	ROOT,
	OUT_DIR,
	SOURCE_ROOTS_DIR,
	VENDORS,
	PACKAGES,
	PACKAGE_NAME_RULE,
	packageDir,
	sourceRoot,
	otherVendors,
	readmeTags,
	manifestFor,
};
