import { setSafeRegexEngine } from 'n8n-workflow';

import { recordN8nLogs } from './harness/secretScan';

// n8n-core logs every node error; its log lines are recorded and scanned for secrets instead of printed.
process.env.N8N_LOG_LEVEL ??= 'silent';
recordN8nLogs();

// n8n checks the pickers' "By ID" values in a vm with a 250 ms timeout; on a shared machine under load
// the scheduler alone can exceed it ("Regular expression execution timed out") and n8n refuses a valid
// workflow. The patterns are the nodes' own: tests run them as plain RegExps.
setSafeRegexEngine({
	exec: (pattern: string, input: string, flags?: string) => new RegExp(pattern, flags).exec(input),
	test: (pattern: string, input: string, flags?: string) => new RegExp(pattern, flags).test(input),
	replace: (pattern: string, input: string, flags: string | undefined, replacement: string) => input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern: string, input: string, flags?: string) => Array.from(input.matchAll(new RegExp(pattern, flags?.includes('g') ? flags : `${flags ?? ''}g`))),
	split: (pattern: string, input: string, flags?: string) => input.split(new RegExp(pattern, flags)),
} as Parameters<typeof setSafeRegexEngine>[0]);
