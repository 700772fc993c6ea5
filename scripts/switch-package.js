#!/usr/bin/env node
// Moves exported n8n workflows between the combined package and the single-service packages: n8n
// names a community node type after its package (n8n-nodes-msp-security.esetMsp in the combined
// package, n8n-nodes-eset-msp.esetMsp in the single one), so the type of each of our nodes is
// rewritten. Credentials need nothing: both kinds of package declare the same credential types.
//
//   node scripts/switch-package.js --to single|combined <workflow.json | folder>...
//
// Takes what `n8n export:workflow` writes: one workflow, an array of workflows, or a folder of them
// (--separate / --backup); rewrites the files in place and prints what it changed.
const fs = require('node:fs');
const path = require('node:path');

const { PACKAGES, VENDORS } = require('./packages/definitions');

const COMBINED = PACKAGES.find((pkg) => pkg.vendors.length > 1);
const NODE_TYPES = Object.fromEntries(Object.entries(VENDORS).map(([vendor, { types }]) => [vendor, types[0]]));

/** The package a node of `vendor` belongs to when switching `to` "single" or "combined". */
const targetPackage = (vendor, to) => (to === 'combined' ? COMBINED : PACKAGES.find((pkg) => pkg.vendors.length === 1 && pkg.vendors[0] === vendor));

/** Our node type `type` as it reads in the target packages, or undefined for any other node. */
function switchType(type, to) {
	const dot = type.indexOf('.');
	const [packageName, nodeName] = [type.slice(0, dot), type.slice(dot + 1)];
	if (!PACKAGES.some((pkg) => pkg.name === packageName)) return undefined;
	// n8n also registers each node usable as a tool as <node>Tool.
	const vendor = Object.keys(NODE_TYPES).find((key) => nodeName === NODE_TYPES[key] || nodeName === `${NODE_TYPES[key]}Tool`);
	return vendor && `${targetPackage(vendor, to).name}.${nodeName}`;
}

/** Rewrites the node types of one workflow object; returns the number of nodes changed. */
function switchWorkflow(workflow, to) {
	let changed = 0;
	for (const node of workflow.nodes ?? []) {
		const type = typeof node.type === 'string' ? switchType(node.type, to) : undefined;
		if (type && type !== node.type) {
			node.type = type;
			changed += 1;
		}
	}
	return changed;
}

function switchFile(file, to) {
	const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
	const workflows = Array.isArray(parsed) ? parsed : [parsed];
	if (!workflows.every((workflow) => workflow && Array.isArray(workflow.nodes))) throw new Error(`${file} is not an n8n workflow export (no "nodes" list)`);
	const changed = workflows.reduce((sum, workflow) => sum + switchWorkflow(workflow, to), 0);
	if (changed > 0) fs.writeFileSync(file, `${JSON.stringify(parsed, null, 2)}\n`);
	return changed;
}

function main(args) {
	const toIndex = args.indexOf('--to');
	const to = toIndex >= 0 ? args[toIndex + 1] : undefined;
	const inputs = args.filter((_, index) => index !== toIndex && index !== toIndex + 1);
	if (!['single', 'combined'].includes(to) || inputs.length === 0) {
		throw new Error('Usage: node scripts/switch-package.js --to single|combined <workflow.json | folder>...');
	}
	const files = inputs.flatMap((input) =>
		fs.statSync(input).isDirectory()
			? fs.readdirSync(input).filter((name) => name.endsWith('.json')).sort().map((name) => path.join(input, name))
			: [input],
	);
	let total = 0;
	for (const file of files) {
		const changed = switchFile(file, to);
		total += changed;
		if (changed > 0) console.log(`${file}: ${changed} node(s) switched to the ${to === 'single' ? 'single-service packages' : COMBINED.name}`);
	}
	console.log(`${total} node(s) in ${files.length} file(s) switched.`);
}

if (require.main === module) {
	try {
		main(process.argv.slice(2));
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
}

module.exports = { switchType, switchWorkflow, switchFile };
