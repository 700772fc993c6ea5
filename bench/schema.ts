/**
 * The shape of bench/results.json, which `npm run bench` (scripts/bench.ts) writes: one row per vendor
 * and client, one 5,000-item row per vendor for the memory scaling check, and the queue-mode rows
 * (`queueWorkers`). README.md > Benchmark explains how each number is measured.
 */
export type BenchVendor = 'eset' | 'gravityZone';

/** node: our node, Create Anyway; nodeFindOrCreate: our node's default find-or-create; httpRequest(Batched): n8n's HTTP Request node; raw: an axios loop. */
export type BenchClient = 'node' | 'nodeFindOrCreate' | 'httpRequest' | 'httpRequestBatched' | 'raw';

export interface BenchRow {
	vendor: BenchVendor;
	client: BenchClient;
	/** Queue mode: the n8n workers that ran the executions (main + workers, Redis, PostgreSQL); absent: one n8n process. */
	queueWorkers?: number;
	items: number;
	/** Items created without error per second of wall time. */
	itemsPerSecond: number;
	/** GravityZone: admitted requests per second / 10; ESET: itemsPerSecond / the raw loop's; null for the scaling rows. */
	ceilingRatio: number | null;
	/** Every request the sandbox received, per item: token calls, look-ups, 401- and 429-answered ones included. */
	requestsPerItem: number;
	/** Items that ended with an HTTP 429 error. */
	surfaced429: number;
	/** Items that ended with any error (429s included) or not at all. */
	failedItems: number;
	/** Peak RSS of the client's process (n8n, or the raw loop's own process) during the zero-latency run, sampled every 20 ms; null for the queue-mode rows. */
	peakRssMb: number | null;
	/** CPU time (user + system) of that process per item, in the zero-latency run. */
	cpuMsPerItem: number | null;
}
