/**
 * `npm test` against the n8n-core / n8n-workflow of an older n8n, installed by scripts/test-matrix.sh:
 * the same tests (type-checked against the project's n8n 2.x types) run with the modules of the
 * node_modules folder N8N_MATRIX_MODULES. Every module our code and n8n-core share comes from there,
 * so that one copy of n8n-workflow (its error classes, its LoggerProxy) is in play.
 */
const path = require('node:path');
const base = require('./jest.config.js');

const modules = process.env.N8N_MATRIX_MODULES;
if (!modules) throw new Error('Set N8N_MATRIX_MODULES to the node_modules folder to test against (see scripts/test-matrix.sh)');
const from = (name) => path.join(path.resolve(modules), name);
// test/setup.ts checks that the tests load these versions.
process.env.N8N_MATRIX_EXPECT = ['n8n-core', 'n8n-workflow'].map((name) => `${name}@${require(from(`${name}/package.json`)).version}`).join(' ');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	// n8n-core 1.x starts SSHClientsManager's clean-up interval without unref() (2.x unrefs it): after a
	// run of a single test file (in band) it would keep jest from exiting. The results are not affected.
	forceExit: true,
	moduleNameMapper: {
		'^(n8n-core|n8n-workflow|@n8n/di|@n8n/backend-common)$': from('$1'),
		'^(n8n-core|n8n-workflow)/package\\.json$': from('$1/package.json'),
	},
};
