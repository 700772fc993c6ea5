import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** A failed install step, worded for the person at the terminal: what failed, the last error, the log, what to do. */
export class InstallError extends Error {}

/** npm's own warnings are counted, not shown: n8n's dependency tree prints hundreds of deprecation notes. */
const WARNING = /^npm warn/i;
const ERROR = /(^|\s)(ERR!|error|fatal)(\b|:)|Error:|not (been )?found|No such file/i;
const NOISE = /complete log of this run|A complete log|^npm error\s*$|verbose/i;

/** The last lines of a log that look like errors (at most `count`), oldest first. */
export function lastErrors(text: string, count = 3): string[] {
	const lines = text.split('\n').map((line) => line.trimEnd());
	return lines.filter((line) => ERROR.test(line) && !NOISE.test(line)).slice(-count);
}

export const countWarnings = (text: string) => text.split('\n').filter((line) => WARNING.test(line)).length;

/** Whether `command` is an executable file in one of PATH's folders. */
export function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
	return (env.PATH ?? '').split(path.delimiter).some((dir) => {
		try {
			accessSync(path.join(dir, command), constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
}

export const elapsed = (since: number) => {
	const seconds = Math.round((Date.now() - since) / 1000);
	return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
};

/** The install's full log (npm, the compiler, apt-get, a failed check): one file, rewritten by each install. */
export class InstallLog {
	private readonly fd: number;

	constructor(readonly file: string) {
		this.fd = openSync(file, 'w');
		this.write(`n8n install log, ${new Date().toISOString()}\n`);
	}

	write(text: string): void {
		writeSync(this.fd, text.endsWith('\n') ? text : `${text}\n`);
	}

	text(): string {
		return readFileSync(this.file, 'utf8');
	}

	/** Runs a command with its output in the log; a failure becomes an InstallError that says `todo`. */
	run(step: string, command: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv; todo: string }): Promise<void> {
		this.write(`\n$ ${[command, ...args].join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
		return new Promise((resolve, reject) => {
			const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', this.fd, this.fd] });
			child.on('error', (error) => reject(this.failure(`${step} (${error.message})`, options.todo)));
			child.on('close', (status, signal) => {
				if (status === 0) resolve();
				else reject(this.failure(`${step} (${command} ${signal ? `died with ${signal}` : `exited with code ${status}`})`, options.todo));
			});
		});
	}

	/** `quoteLog`: add the log's last error lines (not when `what` already says what went wrong). */
	failure(what: string, todo: string, quoteLog = true): InstallError {
		const errors = quoteLog ? lastErrors(this.text()) : [];
		return new InstallError(
			[
				`Installing n8n failed: ${what}`,
				...(errors.length ? errors.map((line, index) => `  ${index ? '            ' : 'last error: '}${line}`) : []),
				`  full log:   ${this.file}`,
				`  what to do: ${todo}`,
			].join('\n'),
		);
	}

	close(): void {
		closeSync(this.fd);
	}
}
