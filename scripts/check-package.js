#!/usr/bin/env node
// After `npm run build`: packs each npm package of dist-packages/ as `npm publish` would, unpacks the
// tarball and checks it - manifest, contents, require graph (a single-service package holds and loads
// nothing of the other vendor), that n8n can load what it lists - then runs n8n's lint rules on its
// package.json and n8n's own scanner (@n8n/scan-community-package) on the unpacked tarball and on the
// source folder the scanner would find for it in this repository. Exits non-zero with the problems.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { ROOT, PACKAGES, packageDir, sourceRoot, manifestFor } = require('./packages/definitions');
const { checkManifest, checkContents, checkLoad } = require('./packages/checks');

/** `npm pack` of a package folder into `into`; returns the tarball's path. */
function pack(dir, into) {
	const [result] = JSON.parse(execFileSync('npm', ['pack', dir, '--json', '--ignore-scripts', '--pack-destination', into], { encoding: 'utf8' }));
	return path.join(into, result.filename);
}

function unpack(tarball, into) {
	fs.mkdirSync(into, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', into, '--strip-components=1']);
	return into;
}

/** The repository as GitHub's source archive of a commit holds it: tracked and new files, links kept as links. */
function sourceCheckout(into) {
	const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
		.split('\0')
		.filter((file) => file && fs.existsSync(path.join(ROOT, file)));
	fs.mkdirSync(into, { recursive: true });
	execFileSync('tar', ['-cf', path.join(into, '..', 'source.tar'), '--null', '-T', '-'], { cwd: ROOT, input: files.join('\0') });
	execFileSync('tar', ['-xf', path.join(into, '..', 'source.tar'), '-C', into]);
	return into;
}

/** n8n's lint rules for package.json (this repository's eslint.config.mjs) on a generated manifest. */
async function lintManifest(text) {
	const { ESLint } = require('eslint');
	const [result] = await new ESLint({ cwd: ROOT }).lintText(text, { filePath: path.join(ROOT, 'package.json') });
	return result.messages.map((message) => `package.json: ${message.message} (${message.ruleId})`);
}

/** n8n's scanner as its registry scan runs it (tarball: code and manifest; source: package.json, nodes/, credentials/), and on everything unpacked. */
async function scan(unpacked, checkout, name) {
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const problems = [];
	const report = (what, result) => {
		if (!result.passed) problems.push(`n8n's scanner failed on the ${what}: ${result.message}\n${result.details ?? ''}`);
	};
	report('unpacked tarball', await scanner.analyzePackage(unpacked));
	report('tarball as the registry scan reads it', await scanner.analyzePackage(unpacked, ['**/*.js', 'package.json']));
	const root = scanner.findPackageRoot(checkout, name);
	if (!root) problems.push(`n8n's scanner would find no package.json named ${name} in the source repository (run npm run build and commit packages/)`);
	else report(`source folder ${path.relative(checkout, root) || '.'}`, await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS));
	return problems;
}

function checkSourceRoot(pkg, manifest) {
	if (pkg.sourceRoot) return [];
	const file = path.join(sourceRoot(pkg), 'package.json');
	if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== `${JSON.stringify(manifest, null, 2)}\n`) {
		return [`${path.relative(ROOT, file)} is missing or out of date (run npm run build and commit packages/)`];
	}
	return [];
}

function checkRepositoryUrl() {
	const root = require(path.join(ROOT, 'package.json'));
	const base = root.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
	return root.homepage === base ? [] : [`package.json: homepage ${root.homepage} is not the repository URL ${base} (set both together)`];
}

async function main() {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'check-package-'));
	const failures = checkRepositoryUrl();
	try {
		const checkout = sourceCheckout(path.join(work, 'source'));
		for (const pkg of PACKAGES) {
			const dir = packageDir(pkg);
			if (!fs.existsSync(path.join(dir, 'package.json'))) {
				failures.push(`${pkg.name}: ${path.relative(ROOT, dir)} does not exist (run npm run build)`);
				continue;
			}
			const unpacked = unpack(pack(dir, work), path.join(work, pkg.name));
			const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
			const problems = [
				...checkManifest(manifest, manifestFor(pkg)),
				...checkContents(unpacked, manifest, pkg),
				...checkLoad(unpacked, manifest),
				...(await lintManifest(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'))),
				...checkSourceRoot(pkg, manifest),
				...(await scan(unpacked, checkout, pkg.name)),
			];
			failures.push(...problems.map((problem) => `${pkg.name}: ${problem}`));
			const files = fs.readdirSync(path.join(unpacked, 'dist'), { recursive: true }).filter((file) => /\.(js|json|svg)$/.test(file));
			console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${pkg.name}@${manifest.version}: ${files.length} files in dist/, ${manifest.n8n.nodes.length} node(s), ${manifest.n8n.credentials.length} credential(s)`);
		}
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
	if (failures.length > 0) {
		console.error(`Package check failed:\n- ${failures.join('\n- ')}`);
		process.exit(1);
	}
	console.log(`Package check passed: ${PACKAGES.length} packages (manifest, contents, require graph, load, n8n's lint rules and scanner).`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
