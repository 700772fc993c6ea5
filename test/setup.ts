import * as n8nWorkflow from 'n8n-workflow';

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

// n8n checks the pickers' "By ID" values in a vm with a 250 ms timeout; on a shared machine under load
// the scheduler alone can exceed it ("Regular expression execution timed out") and n8n refuses a valid
// workflow. The patterns are the nodes' own: tests run them as plain RegExps.
// n8n-workflow 1.x has neither the engine nor its timeout.
const { setSafeRegexEngine } = n8nWorkflow as Partial<typeof n8nWorkflow>;
setSafeRegexEngine?.({
	exec: (pattern: string, input: string, flags?: string) => new RegExp(pattern, flags).exec(input),
	test: (pattern: string, input: string, flags?: string) => new RegExp(pattern, flags).test(input),
	replace: (pattern: string, input: string, flags: string | undefined, replacement: string) => input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern: string, input: string, flags?: string) => Array.from(input.matchAll(new RegExp(pattern, flags?.includes('g') ? flags : `${flags ?? ''}g`))),
	split: (pattern: string, input: string, flags?: string) => input.split(new RegExp(pattern, flags)),
} as Parameters<typeof n8nWorkflow.setSafeRegexEngine>[0]);
