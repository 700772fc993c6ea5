/**
 * How a run of n8n's CLI is judged. n8n 2.41.1's CLI sometimes dies with SIGSEGV after it printed a
 * complete result (its isolated-vm expression engine is still busy when `process.exit` tears Node down,
 * see README > Development), so the exit status alone would fail good runs: what it printed decides.
 */
export interface CliResult {
	status: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

export type CliVerdict = { ok: true; note?: string } | { ok: false; reason: string };

/** complete: the command printed its whole result (for `execute`: the finished run, see `isCompleteRun`). */
export function judgeCliRun(command: string, result: CliResult, complete: boolean): CliVerdict {
	if (result.signal) {
		return complete
			? { ok: true, note: `n8n ${command} printed a complete result, then died with ${result.signal} (n8n 2.41.1's exit crash); the result counts` }
			: { ok: false, reason: `n8n ${command} died with ${result.signal} before it printed a complete result` };
	}
	if (result.status !== 0) return { ok: false, reason: `n8n ${command} exited with code ${result.status}` };
	return complete ? { ok: true } : { ok: false, reason: `n8n ${command} exited without printing a complete result` };
}

export type RunData = Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> }; error?: unknown }>>;

export interface PrintedRun {
	status: string;
	finished: boolean;
	lastNodeExecuted?: string;
	runData: RunData;
}

/** The run `n8n execute --rawOutput` printed as indented JSON: from a line "{" to the next line "}". */
export function printedRun(stdout: string): PrintedRun | undefined {
	const start = stdout.search(/^\{$/m);
	const end = start < 0 ? -1 : stdout.slice(start).search(/^\}$/m);
	if (end < 0) return undefined;
	try {
		const run = JSON.parse(stdout.slice(start, start + end + 1));
		return {
			status: run.status,
			finished: run.finished === true,
			lastNodeExecuted: run.data?.resultData?.lastNodeExecuted,
			runData: run.data?.resultData?.runData ?? {},
		};
	} catch {
		return undefined; // cut off in the middle
	}
}

/** Complete: n8n marked the run finished and printed the last node's output. */
export function isCompleteRun(run: PrintedRun | undefined): run is PrintedRun {
	if (!run?.finished || !run.lastNodeExecuted) return false;
	const tasks = run.runData[run.lastNodeExecuted] ?? [];
	return tasks.length > 0 && tasks.every((task) => task.data !== undefined);
}
