import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { createContext, GOLDEN_DIR, workflowFiles, type E2eContext } from './context';
import { expectDocumentedCompany, goldens } from './goldens';

import { definitions, switchPackage } from '../packaging/scripts';

const { PACKAGES, VENDORS, packageDir } = definitions;
const singles = PACKAGES.filter((pkg) => pkg.vendors.length === 1);
const goldenVendor = (name: string) => (name.startsWith('gz-') ? 'gravityzone' : 'eset');

const listFiles = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
	);

describe.each(singles)('the single-service package $name, alone in a fresh n8n', (pkg) => {
	const vendor = pkg.vendors[0];
	const other = Object.keys(VENDORS).find((key) => key !== vendor)!;
	const own = goldens.filter((name) => goldenVendor(name) === vendor);
	let context: E2eContext;

	beforeAll(async () => {
		context = await createContext({
			packageDir: packageDir(pkg),
			credentials: [vendor === 'eset' ? 'eset' : 'gravityZone'],
			workflows: workflowFiles(GOLDEN_DIR).filter((file) => own.includes(path.basename(file, '.workflow.json'))),
			// The goldens are written for the combined package: switched as a user would switch theirs.
			rewrite: (json) => {
				const workflow = JSON.parse(json);
				expect(switchPackage.switchWorkflow(workflow, 'single')).toBe(1);
				return JSON.stringify(workflow);
			},
		});
	});

	afterAll(async () => {
		await context?.dispose();
	});

	beforeEach(() => {
		context.eset.reset();
		context.gravityZone.reset();
	});

	it(`holds only ${pkg.name}, with nothing of the other vendor`, () => {
		const nodeModules = path.join(context.userFolder, '.n8n', 'nodes', 'node_modules');
		expect(readdirSync(nodeModules)).toStrictEqual([pkg.name]);
		const code = listFiles(path.join(nodeModules, pkg.name, 'dist'));
		expect(code.filter((file) => VENDORS[other].trace.test(readFileSync(file, 'utf8')))).toStrictEqual([]);
		expect(own.length).toBeGreaterThan(0);
	});

	it.each(goldens.filter((name) => goldenVendor(name) === vendor))('golden %s: the sandbox holds the documented company', async (name) => {
		expectDocumentedCompany(context, name, await context.n8n.execute(context.ids.get(name)!));
		expect(vendor === 'eset' ? context.gravityZone.created : context.eset.created).toHaveLength(0);
	});
});
