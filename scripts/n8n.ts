import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { isCompleteRun, judgeCliRun, printedRun } from './lib/cliRun';
import { ensureN8n, freePort, log, n8nEnv, PACKAGE_NAME, startUserFolder } from './lib/n8nRuntime';

/**
 * `npm run n8n -- <command> [flags]`: n8n's own CLI (import:workflow, execute, list:workflow, export:workflow...)
 * as `npm start` runs n8n - the cache's Node 24 and n8n, the `npm start` user folder and settings (telemetry
 * off), and a free task-broker port, so it also works while `npm start` runs. Relative paths are read from the
 * folder npm was called in.
 */
const DONE_LINE = /Successfully imported \d+|Please restart n8n for changes to take effect/;

async function main() {
	const args = process.argv.slice(2);
	if (args.length === 0) {
		console.error('usage: npm run n8n -- <n8n command> [flags], e.g. npm run n8n -- list:workflow');
		return 2;
	}
	// The quick check (its native modules load): the full one costs half a minute per command.
	const install = await ensureN8n({ check: 'quick' });
	const userFolder = startUserFolder();
	if (!existsSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME))) {
		log(`${PACKAGE_NAME} is not installed in ${userFolder} yet: run \`npm start\` once (it installs it and imports the examples)`);
	}
	const env = n8nEnv(userFolder, Number(process.env.N8N_PORT ?? 5678), await freePort());
	const child = spawn(install.node24, [install.n8nBin, ...args], { env, cwd: process.env.INIT_CWD ?? process.cwd(), stdio: ['inherit', 'pipe', 'inherit'] });
	let stdout = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString('utf8');
		process.stdout.write(chunk);
	});
	// Ctrl-C reaches n8n too (same process group): let it shut down and report.
	process.on('SIGINT', () => undefined);
	const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (...end) => resolve(end)));
	if (!signal) return status ?? 1;
	const complete = args[0] === 'execute' ? isCompleteRun(printedRun(stdout)) : DONE_LINE.test(stdout);
	const verdict = judgeCliRun(args[0], { status, signal, stdout, stderr: '' }, complete);
	log(verdict.ok ? `${verdict.note ?? ''} (README > Development)` : verdict.reason);
	return verdict.ok ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(error.message);
		process.exit(1);
	},
);
