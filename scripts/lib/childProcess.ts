import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface CommandResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a command to its end without blocking this process (the sandbox may live in it). */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

/** Runs a command and returns its output; a non-zero exit throws with everything it printed. */
export async function runOrThrow(command: string, args: string[]): Promise<string> {
	const result = await run(command, args);
	if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit code ${result.status}):\n${result.stdout}${result.stderr}`);
	return result.stdout;
}

/** SIGTERM, then SIGKILL when it has not exited after 30 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
	await exited;
	clearTimeout(timer);
}
