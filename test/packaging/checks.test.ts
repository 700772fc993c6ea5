import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { checks, definitions } from './scripts';

const eset = definitions.PACKAGES.find((pkg) => pkg.name === 'n8n-nodes-eset-msp')!;
const manifest = definitions.manifestFor(eset);

const NODE = `"use strict";
const n8n_workflow_1 = require("n8n-workflow");
const util_1 = require("../shared/util");
class EsetMsp {
	constructor() {
		this.description = { name: 'esetMsp', icon: 'file:../../icons/eset.svg', credentials: [{ name: 'esetMspApi' }], x: n8n_workflow_1 && util_1.x };
	}
}
exports.EsetMsp = EsetMsp;
`;
const CREDENTIAL = `"use strict";
const crypto = require("node:crypto");
class EsetMspApi {
	constructor() { this.name = 'esetMspApi'; this.icon = { light: 'file:../icons/eset.svg' }; this.hash = crypto && 1; }
}
exports.EsetMspApi = EsetMspApi;
`;

/** A small package shaped like n8n-nodes-eset-msp; `change` edits files before the checks run. */
function fixture(change: (write: (file: string, text: string) => void) => void = () => undefined) {
	const dir = mkdtempSync(path.join(tmpdir(), 'package-fixture-'));
	const write = (file: string, text: string) => {
		mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		writeFileSync(path.join(dir, file), text);
	};
	write('package.json', JSON.stringify(manifest));
	write('README.md', '# n8n-nodes-eset-msp\n\n## ESET MSP Administrator 2 API\n');
	write('LICENSE', 'MIT');
	write('index.js', 'module.exports = {};');
	write('dist/nodes/EsetMsp/EsetMsp.node.js', NODE);
	write('dist/nodes/EsetMsp/EsetMsp.node.json', JSON.stringify({ node: 'n8n-nodes-eset-msp.esetMsp' }));
	write('dist/nodes/shared/util.js', 'exports.x = 1;');
	write('dist/credentials/EsetMspApi.credentials.js', CREDENTIAL);
	write('dist/icons/eset.svg', '<svg/>');
	change(write);
	return dir;
}

function problemsOf(change?: Parameters<typeof fixture>[0]) {
	const dir = fixture(change);
	try {
		return [...checks.checkContents(dir, manifest, eset), ...checks.checkLoad(dir, manifest)];
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('the package checks', () => {
	it('pass a package that holds what its node and credential load, and no more', () => {
		expect(problemsOf()).toStrictEqual([]);
		expect(checks.checkManifest(manifest, definitions.manifestFor(eset))).toStrictEqual([]);
	});

	it("fail a single-service package that ships the other vendor's node, even unused", () => {
		expect(problemsOf((write) => write('dist/nodes/GravityZone/GravityZone.node.js', 'exports.GravityZone = class {};'))).toEqual(
			expect.arrayContaining([
				'ships dist/nodes/GravityZone/GravityZone.node.js of gravityzone',
				'ships dist/nodes/GravityZone/GravityZone.node.js, which no node or credential loads',
			]),
		);
	});

	it("fail shared code that requires the other vendor's code", () => {
		const problems = problemsOf((write) => {
			write('dist/nodes/shared/util.js', 'const rpc = require("./gravityZoneRpc");\nexports.x = rpc.x;');
			write('dist/nodes/shared/gravityZoneRpc.js', "exports.x = 'gravityZone';");
		});
		expect(problems).toContain(`dist/nodes/shared/gravityZoneRpc.js mentions gravityzone (${definitions.VENDORS.gravityzone.trace})`);
	});

	it('fail a require of a runtime dependency, of a missing file, and of a missing icon', () => {
		const problems = problemsOf((write) => {
			write('dist/nodes/shared/util.js', 'const axios = require("axios");\nconst gone = require("./gone");\nexports.x = axios && gone;');
			write('dist/credentials/EsetMspApi.credentials.js', CREDENTIAL.replace('file:../icons/eset.svg', 'file:../icons/missing.svg'));
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				'dist/nodes/shared/util.js requires "axios", which is neither a peer dependency nor one of crypto, node:crypto',
				'dist/nodes/shared/util.js requires "./gone", which does not exist',
				'dist/credentials/EsetMspApi.credentials.js points to the icon file:../icons/missing.svg, which does not exist',
			]),
		);
	});

	it("fail a README with the other vendor's sections, or with markers left", () => {
		expect(problemsOf((write) => write('README.md', '# x\n\n### Bitdefender GravityZone API (`gravityZoneApi`)\n'))).toContain(
			'README.md has a section about gravityzone: "### Bitdefender GravityZone API (`gravityZoneApi`)"',
		);
		expect(problemsOf((write) => write('README.md', '# x\n<!-- only: eset -->\n'))).toContain('README.md still holds "only" markers');
	});

	it('fail files that are not shipped code, codex or icons', () => {
		expect(problemsOf((write) => write('dist/nodes/EsetMsp/EsetMsp.node.d.ts', 'export {};'))).toContain(
			'ships dist/nodes/EsetMsp/EsetMsp.node.d.ts (only dist/ code, codex and icons, the manifest, README, LICENSE and index.js)',
		);
	});

	it('fail a node that uses a credential the package lacks, and a codex naming another package', () => {
		const problems = problemsOf((write) => {
			write('dist/nodes/EsetMsp/EsetMsp.node.js', NODE.replace("[{ name: 'esetMspApi' }]", "[{ name: 'esetMspApi' }, { name: 'otherApi' }]"));
			write('dist/nodes/EsetMsp/EsetMsp.node.json', JSON.stringify({ node: 'n8n-nodes-msp-security.esetMsp' }));
		});
		expect(problems).toStrictEqual([
			'dist/nodes/EsetMsp/EsetMsp.node.js uses the credential otherApi, which the package does not contain',
			'dist/nodes/EsetMsp/EsetMsp.node.js: codex names the node n8n-nodes-msp-security.esetMsp, n8n will call it n8n-nodes-eset-msp.esetMsp',
		]);
	});

	it('fail a manifest n8n would not verify', () => {
		const bad = {
			...manifest,
			name: 'eset-msp-nodes',
			license: 'ISC',
			dependencies: { axios: '1' },
			scripts: { postinstall: 'node x' },
			peerDependencies: { 'n8n-workflow': '^2' },
			n8n: { ...manifest.n8n, strict: false },
			keywords: ['eset'],
		};
		expect(checks.checkManifest(bad)).toStrictEqual([
			'name "eset-msp-nodes" does not follow n8n\'s rule n8n-nodes-<name> or @<scope>/n8n-nodes-<name>',
			'license is ISC, not MIT',
			'peerDependencies must be exactly { "n8n-workflow": "*" }, is {"n8n-workflow":"^2"}',
			'has "dependencies" (runtime dependencies, overrides and scripts are not allowed)',
			'has "scripts" (runtime dependencies, overrides and scripts are not allowed)',
			'n8n.strict is not true',
			'keywords lack "n8n-community-node-package"',
		]);
		expect(checks.checkManifest({ ...manifest, version: '9.9.9' }, manifest)).toStrictEqual([
			'package.json differs from the one definitions.js derives from the top-level package.json (run npm run build)',
		]);
	});

	it('derive every package.json from the top-level one: version, licence, author and repository URL in one place', () => {
		const root = { version: '3.1.4', description: 'both', license: 'MIT', author: { name: 'a', email: 'a@b.c' }, repository: { type: 'git', url: 'https://github.com/acme/nodes.git' }, n8n: { n8nNodesApiVersion: 1 }, engines: { node: '>=20' } };
		for (const pkg of definitions.PACKAGES) {
			const derived = definitions.manifestFor(pkg, root);
			expect(derived).toMatchObject({ version: '3.1.4', license: 'MIT', author: root.author, homepage: 'https://github.com/acme/nodes', repository: { url: root.repository.url } });
			expect(derived.n8n.nodes).toHaveLength(pkg.vendors.length);
		}
	});
});
