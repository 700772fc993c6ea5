import type { BenchRow } from '../../bench/schema';
import type { Client, Vendor } from './workflows';

export type Row = BenchRow;

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/** Rounded, with the keys in the documented order. */
export function rounded(row: Row): Row {
	return {
		vendor: row.vendor,
		client: row.client,
		...(row.queueWorkers === undefined ? {} : { queueWorkers: row.queueWorkers }),
		items: row.items,
		itemsPerSecond: round(row.itemsPerSecond, 2)!,
		ceilingRatio: round(row.ceilingRatio, 3),
		requestsPerItem: round(row.requestsPerItem, 3)!,
		surfaced429: row.surfaced429,
		failedItems: row.failedItems,
		peakRssMb: round(row.peakRssMb, 1),
		cpuMsPerItem: round(row.cpuMsPerItem, 3),
	};
}

/** The rows of `previous`, each replaced by the measured row of the same vendor, client, item count and setup; new rows at the end. */
export function mergeRows(previous: Row[], measured: Row[]): Row[] {
	const key = (row: Row) => `${row.vendor}/${row.client}/${row.items}/${row.queueWorkers ?? 'one process'}`;
	const byKey = new Map(measured.map((row) => [key(row), row]));
	const merged = previous.map((row) => byKey.get(key(row)) ?? row);
	const kept = new Set(previous.map(key));
	return [...merged, ...measured.filter((row) => !kept.has(key(row)))];
}

const COLUMNS: Array<keyof Row> = ['vendor', 'client', 'queueWorkers', 'items', 'itemsPerSecond', 'ceilingRatio', 'requestsPerItem', 'surfaced429', 'failedItems', 'peakRssMb', 'cpuMsPerItem'];

/** A Markdown table of the rows. */
export function markdownTable(rows: Row[]): string {
	const cell = (value: unknown) => (value === null || value === undefined ? '-' : String(value));
	return [
		`| ${COLUMNS.join(' | ')} |`,
		`|${COLUMNS.map((_column, index) => (index < 2 ? ' --- ' : ' ---: ')).join('|')}|`,
		...rows.map((row) => `| ${COLUMNS.map((column) => cell(row[column])).join(' | ')} |`),
	].join('\n');
}

export interface Target {
	label: string;
	holds: boolean;
	measured: string;
}

/** The targets for our nodes, checked against the rows. */
export function checkTargets(rows: Row[], items: number, scaleItems: number): Target[] {
	const find = (vendor: Vendor, client: Client, count = items) =>
		rows.find((row) => row.vendor === vendor && row.client === client && row.items === count && row.queueWorkers === undefined);
	const targets: Target[] = [];
	for (const client of ['node', 'nodeFindOrCreate'] as Client[]) {
		const gz = find('gravityZone', client);
		const eset = find('eset', client);
		const limit = client === 'node' ? 1.02 : 2.02;
		if (gz) {
			targets.push({ label: `gravityZone ${client}: ceilingRatio >= 0.9`, holds: (gz.ceilingRatio ?? 0) >= 0.9, measured: String(gz.ceilingRatio) });
			targets.push({ label: `gravityZone ${client}: 0 surfaced 429s, 0 failed items`, holds: gz.surfaced429 === 0 && gz.failedItems === 0, measured: `${gz.surfaced429} / ${gz.failedItems}` });
		}
		const raw = find('eset', 'raw');
		if (eset && client === 'node') {
			targets.push({ label: 'eset node: >= 0.9 of the raw loop', holds: (eset.ceilingRatio ?? 0) >= 0.9, measured: String(eset.ceilingRatio) });
		} else if (eset && raw) {
			// The raw loop sends one create per item; find-or-create sends a look-up first: compare request rates.
			const ratio = (eset.itemsPerSecond * eset.requestsPerItem) / (raw.itemsPerSecond * raw.requestsPerItem);
			targets.push({ label: `eset ${client}: requests per second >= 0.9 of the raw loop's`, holds: ratio >= 0.9, measured: `${ratio.toFixed(3)}; items per second ${String(eset.ceilingRatio)} of its` });
		}
		for (const row of [gz, eset]) {
			if (!row) continue;
			targets.push({ label: `${row.vendor} ${client}: requestsPerItem <= ${limit}`, holds: row.requestsPerItem <= limit, measured: String(row.requestsPerItem) });
			targets.push({ label: `${row.vendor} ${client}: cpuMsPerItem <= 1`, holds: (row.cpuMsPerItem ?? Infinity) <= 1, measured: String(row.cpuMsPerItem) });
		}
	}
	for (const vendor of ['gravityZone', 'eset'] as Vendor[]) {
		const small = find(vendor, 'node');
		const large = find(vendor, 'node', scaleItems);
		if (small?.peakRssMb && large?.peakRssMb) {
			const growth = large.peakRssMb / small.peakRssMb - 1;
			targets.push({ label: `${vendor} node: peak RSS ${items} -> ${scaleItems} items within 20%`, holds: growth <= 0.2, measured: `${small.peakRssMb} -> ${large.peakRssMb} MB (${(growth * 100).toFixed(1)}%)` });
		}
	}
	targets.push(...queueTargets(rows));
	return targets;
}

/**
 * Queue mode (GravityZone, several workers on one key), issue 12's targets: with find-or-create the key's
 * ceiling, no 429 reaching an item, at most 2.2 requests per item; with Create Anyway at most 1.2.
 */
function queueTargets(rows: Row[]): Target[] {
	return rows
		.filter((row) => row.queueWorkers !== undefined)
		.flatMap((row) => {
			const label = `${row.vendor} ${row.client}, queue mode with ${row.queueWorkers} workers`;
			const findOrCreate = row.client === 'nodeFindOrCreate';
			const limit = findOrCreate ? 2.2 : 1.2;
			return [
				...(findOrCreate ? [{ label: `${label}: ceilingRatio >= 0.9`, holds: (row.ceilingRatio ?? 0) >= 0.9, measured: String(row.ceilingRatio) }] : []),
				{ label: `${label}: 0 surfaced 429s, 0 failed items`, holds: row.surfaced429 === 0 && row.failedItems === 0, measured: `${row.surfaced429} / ${row.failedItems}` },
				{ label: `${label}: requestsPerItem <= ${limit} (429-answered ones counted)`, holds: row.requestsPerItem <= limit, measured: String(row.requestsPerItem) },
			];
		});
}
