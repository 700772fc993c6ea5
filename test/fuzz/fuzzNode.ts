import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { TestCredentialsHelper } from '../harness/credentialsHelper';
import { runWorkflow } from '../harness/runWorkflow';
import { singleNodeWorkflow } from '../harness/workflows';
import type { RecordedRequest } from '../sandbox/loopbackServer';
import type { Sample } from './models';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Fixed so that CI is repeatable; FUZZ_SEED=<n> explores other sets. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261122);

export interface FuzzTarget {
	nodeType: 'gravityZone' | 'esetMsp';
	samples: fc.Arbitrary<Sample>;
	credentialsHelper: TestCredentialsHelper;
	/** Forgets the companies created and the request log, so that every set starts alike. */
	forget(): void;
	/** The requests the set sent (the credential's own login or key check left out). */
	sent(): RecordedRequest[];
	/** Asserts that the sandbox accepted the one request of a valid set, and that the node said so. */
	checkAccepted(sample: Sample, request: RecordedRequest, output: IDataObject): void;
}

export interface FuzzTally {
	valid: number;
	invalid: number;
	/** Invalid sets n8n refused to run (parameter issues), before the node saw them. */
	refusedByN8n: number;
	unhandledRejections: unknown[];
}

/**
 * Runs every parameter set through n8n-core's WorkflowExecute (one run each, the set's item as the
 * trigger's output): an invalid set must end in a NodeOperationError that names one of its broken
 * fields, with nothing sent; a valid set must send one request that the sandbox accepts.
 */
export async function fuzzNode(target: FuzzTarget): Promise<FuzzTally> {
	const tally: FuzzTally = { valid: 0, invalid: 0, refusedByN8n: 0, unhandledRejections: [] };
	const onRejection = (reason: unknown) => tally.unhandledRejections.push(reason);
	process.on('unhandledRejection', onRejection);
	try {
		await fc.assert(
			fc.asyncProperty(target.samples, async (sample) => {
				const parameters = { resource: sample.resource ?? 'company', operation: sample.operation, ...sample.parameters };
				const runOnce = async () => {
					target.forget();
					return await runWorkflow(singleNodeWorkflow(target.nodeType, parameters), {
						items: [sample.item],
						credentialsHelper: target.credentialsHelper,
					}).catch((issue: Error) => issue);
				};
				let run = await runOnce();
				// n8n checks a "By ID" value with a regular expression given 250 ms (safe-regex); on a
				// loaded machine that can run out before the node is reached: the set is run again.
				for (let retry = 0; retry < 3 && run instanceof Error && run.message === 'Regular expression execution timed out'; retry++) {
					run = await runOnce();
				}
				const sent = target.sent();
				if (run instanceof Error) {
					// n8n itself refuses to start a workflow whose required parameter is left empty or
					// whose value typed "By ID" (a company, a language code) fails the picker's check: the editor shows it at the field.
					// (n8n repeats the picker's message for every property of that name, shown or not.)
					expect(run.message).toMatch(/^The 'Node' node has issues:(\n- (Parameter ".+" is required\.|Not a valid \w+ \(such as .+\)))+$/);
					expect({ invalid: sample.problems.length > 0, sent: sent.length }).toStrictEqual({ invalid: true, sent: 0 });
					tally.refusedByN8n++;
					return;
				}
				const error = run.error();
				if (sample.problems.length > 0) {
					tally.invalid++;
					expect({ error: error?.name, sent: sent.length }).toStrictEqual({ error: 'NodeOperationError', sent: 0 });
					const named = sample.problems.filter((path) => error!.message.includes(`"${path}"`));
					if (named.length === 0) throw new Error(`"${error!.message}" names none of ${sample.problems.join(', ')}`);
				} else {
					tally.valid++;
					expect(error?.message).toBeUndefined();
					expect(sent).toHaveLength(1);
					const output = run.output('Node');
					expect(output).toHaveLength(1);
					target.checkAccepted(sample, sent[0], output[0].json);
				}
			}),
			{ numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
		);
	} finally {
		process.off('unhandledRejection', onRejection);
	}
	return tally;
}

/** The body as JSON carries it (what the sandbox stored). */
export const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/**
 * Prints the tally and checks what every fuzz suite needs of it: no unhandled rejection, and neither
 * kind of set rare, or the property would prove little.
 */
export function expectUsefulTally(label: string, tally: FuzzTally): void {
	process.stdout.write(`${label} fuzzing: ${JSON.stringify(tally)}\n`);
	expect(tally.unhandledRejections).toStrictEqual([]);
	expect(tally.valid).toBeGreaterThan(FUZZ_RUNS * 0.25);
	expect(tally.invalid).toBeGreaterThan(FUZZ_RUNS * 0.25);
}
