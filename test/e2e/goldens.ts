import { readdirSync } from 'node:fs';

import { documentedRequest, EXAMPLES_DIR as SHARED_EXAMPLES } from '../harness/golden';
import type { E2eContext } from './context';

/** The documented request examples, each a golden workflow (gz-* GravityZone, the others ESET). */
export const goldens = readdirSync(SHARED_EXAMPLES)
	.filter((file) => file.endsWith('.request.json'))
	.map((file) => file.replace('.request.json', ''))
	.sort();

type Run = Awaited<ReturnType<E2eContext['n8n']['execute']>>;

/** A golden run must have created exactly the documented company in the sandbox. */
export function expectDocumentedCompany(context: E2eContext, name: string, run: Run): void {
	expect(run.status).toBe('success');
	if (name.startsWith('gz-')) {
		const { params } = documentedRequest<{ params: Record<string, unknown> }>(name);
		expect(context.gravityZone.created.map((company) => company.params)).toStrictEqual([params]);
		const output = run.runData.Create[0].data!.main[0][0].json;
		expect(output).toStrictEqual({ id: context.gravityZone.created[0].id, name: params.name, type: params.type, outcome: 'created' });
	} else {
		expect(context.eset.created.map((company) => company.body)).toStrictEqual([documentedRequest(name)]);
		expect(context.eset.created[0].parentCompanyId).toBe(documentedRequest<{ parentCompanyId: string }>(name).parentCompanyId);
	}
}
