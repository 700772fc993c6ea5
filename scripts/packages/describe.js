#!/usr/bin/env node
// Loads an unpacked package the way n8n does (every class its package.json lists) and prints what it
// declares as JSON. Run in its own process with NODE_PATH pointing at an n8n-workflow, as n8n provides it.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(process.argv[2]);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const instances = (file) => Object.values(require(path.join(dir, file))).filter((value) => typeof value === 'function').map((Type) => new Type());

const nodes = manifest.n8n.nodes.flatMap((file) =>
	instances(file).map((node) => {
		const codexFile = path.join(dir, file.replace(/\.js$/, '.json'));
		return {
			file,
			name: node.description.name,
			credentials: (node.description.credentials ?? []).map((credential) => credential.name),
			codexNode: fs.existsSync(codexFile) ? JSON.parse(fs.readFileSync(codexFile, 'utf8')).node : null,
		};
	}),
);
const credentials = manifest.n8n.credentials.flatMap((file) => instances(file).map((credential) => ({ file, name: credential.name })));
process.stdout.write(JSON.stringify({ nodes, credentials }));
