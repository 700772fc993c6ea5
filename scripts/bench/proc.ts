import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU time and peak memory of a process, read from Linux's /proc. */
const clockTicks = (() => {
	const result = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
	const ticks = Number(result.stdout?.trim());
	return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

/** User + system CPU time of the process so far (ms; resolution 1000 / CLK_TCK, usually 10 ms). */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name (field 2) may hold spaces: count fields after its closing parenthesis.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const utime = Number(fields[11]);
	const stime = Number(fields[12]);
	return ((utime + stime) * 1000) / clockTicks;
}

function statusField(pid: number, field: string): number {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
	return Number(match[1]) / 1024;
}

/** Peak resident set size of the process since it started (VmHWM, MB). */
export const peakRssMb = (pid: number) => statusField(pid, 'VmHWM');

/** Current resident set size (VmRSS, MB). */
export const rssMb = (pid: number) => statusField(pid, 'VmRSS');

/**
 * Samples the process's RSS every `intervalMs` until stopped; returns the highest sample (MB). Unlike
 * VmHWM it leaves out n8n's start-up, whose peak can hide what a run itself needs.
 */
export function sampleRss(pid: number, intervalMs = 20): { stop(): number } {
	let peak = rssMb(pid);
	const timer = setInterval(() => {
		try {
			peak = Math.max(peak, rssMb(pid));
		} catch {
			// the process is gone
		}
	}, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			return Math.max(peak, rssMb(pid));
		},
	};
}

