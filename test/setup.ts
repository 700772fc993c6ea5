import { recordN8nLogs } from './harness/secretScan';

// n8n-core logs every node error; its log lines are recorded and scanned for secrets instead of printed.
process.env.N8N_LOG_LEVEL ??= 'silent';
recordN8nLogs();

// The version matrix (jest.matrix.config.js) says which n8n-core / n8n-workflow it installed: make sure
// that these are the ones the tests load, not the project's own.
const expected = process.env.N8N_MATRIX_EXPECT;
if (expected) {
	const loaded = ['n8n-core', 'n8n-workflow']
		.map((name) => `${name}@${jest.requireActual<{ version: string }>(`${name}/package.json`).version}`)
		.join(' ');
	if (loaded !== expected) throw new Error(`The version matrix expected ${expected} but the tests load ${loaded}`);
}
