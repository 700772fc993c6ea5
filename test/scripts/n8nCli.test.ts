import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { isCompleteRun, printedRun } from '../../scripts/lib/cliRun';
import { N8n } from '../../scripts/lib/n8nRuntime';

/**
 * The e2e harness judges an n8n CLI run by what it printed: n8n 2.41.1 sometimes dies with SIGSEGV after a
 * complete run. A stand-in for n8n's CLI (test/scripts/fakes/n8n.js) prints what n8n prints, then ends as told.
 */
const FAKE_N8N = { node24: process.execPath, n8nBin: path.join(__dirname, 'fakes', 'n8n.js') };
const WORKFLOW = {
	nodes: [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
		{ name: 'Sum', type: 'n8n-nodes-base.set', parameters: { assignments: { assignments: [{ name: 'sum', value: '={{ 1 + 2 }}' }] } } },
	],
	connections: {},
};

let userFolder: string;
let notes: string[];

beforeEach(() => {
	userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-cli-test-'));
	notes = [];
});
afterEach(() => rmSync(userFolder, { recursive: true, force: true }));

/** An n8n whose commands end as `end` says: 'segv' (killed by SIGSEGV) or an exit code. */
const n8n = (end: string, output = 'complete') =>
	new N8n(FAKE_N8N, { ...process.env, N8N_USER_FOLDER: userFolder, FAKE_N8N_END: end, FAKE_N8N_OUTPUT: output }, (note) => notes.push(note));

async function imported(): Promise<string> {
	return (await n8n('0').importWorkflowObjects(new Map([['sum', WORKFLOW]]))).get('sum')!;
}

describe('judging an `n8n execute` by what it printed', () => {
	it('a complete run that exits 0 counts, without a note', async () => {
		const id = await imported();

		const run = await n8n('0').execute(id);

		expect(run.runData.Sum[0].data?.main[0][0].json).toStrictEqual({ sum: 3 });
		expect(notes).toStrictEqual([]);
	});

	it('a complete run, then SIGSEGV: the run counts and the crash is noted', async () => {
		const id = await imported();

		const run = await n8n('segv').execute(id);

		expect(run).toMatchObject({ status: 'success', runData: { Sum: [{ data: { main: [[{ json: { sum: 3 } }]] } }] } });
		expect(notes).toStrictEqual([expect.stringMatching(/^n8n execute printed a complete result, then died with SIGSEGV .*the result counts$/)]);
	});

	it('an incomplete run, then SIGSEGV: a failure that names the signal', async () => {
		const id = await imported();

		await expect(n8n('segv', 'incomplete').execute(id)).rejects.toThrow(/n8n execute died with SIGSEGV before it printed a complete result/);
		expect(notes).toStrictEqual([]);
	});

	it('a complete run with a non-zero exit code: a failure (n8n itself said so)', async () => {
		const id = await imported();

		await expect(n8n('1').execute(id)).rejects.toThrow(/n8n execute exited with code 1/);
	});
});

describe('judging the other commands', () => {
	it('an import that printed its success line, then SIGSEGV: done, and noted', async () => {
		const ids = await n8n('segv').importWorkflowObjects(new Map([['sum', WORKFLOW]]));

		expect(JSON.parse(readFileSync(path.join(userFolder, '.n8n', 'fake-database.json'), 'utf8'))).toHaveProperty(ids.get('sum')!);
		expect(notes).toStrictEqual([expect.stringMatching(/^n8n import:workflow printed a complete result, then died with SIGSEGV/)]);
	});

	it('an import that died before its success line: a failure', async () => {
		await expect(n8n('segv', 'incomplete').importWorkflowObjects(new Map([['sum', WORKFLOW]]))).rejects.toThrow(
			/n8n import:workflow died with SIGSEGV before it printed a complete result/,
		);
	});
});

describe('what counts as a complete run', () => {
	const printed = (run: object) => `Some log line\n${JSON.stringify(run, null, 2)}\nAnother log line`;
	const resultData = (runData: object) => ({ data: { resultData: { lastNodeExecuted: 'Last', runData } } });

	it('finished, with the last node output', () => {
		expect(isCompleteRun(printedRun(printed({ ...resultData({ Last: [{ data: { main: [[]] } }] }), finished: true })))).toBe(true);
	});

	it.each([
		['not finished', { ...resultData({ Last: [{ data: { main: [[]] } }] }), finished: false }],
		['no output of the last node', { ...resultData({ First: [{ data: { main: [[]] } }] }), finished: true }],
		['the last node failed', { ...resultData({ Last: [{ error: { message: 'x' } }] }), finished: true }],
	])('not when %s', (_case, run) => {
		expect(isCompleteRun(printedRun(printed(run)))).toBe(false);
	});

	it('not when the printout was cut off', () => {
		const text = printed({ ...resultData({ Last: [{ data: { main: [[]] } }] }), finished: true });
		expect(isCompleteRun(printedRun(text.slice(0, text.length / 2)))).toBe(false);
	});
});
