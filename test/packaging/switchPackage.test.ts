import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { definitions, switchPackage, type Workflow } from './scripts';

const golden = (name: string): Workflow => JSON.parse(readFileSync(path.join(definitions.ROOT, 'test', 'golden', `${name}.workflow.json`), 'utf8'));
const types = (workflow: Workflow) => (workflow.nodes ?? []).map((node) => node.type);

describe('switching workflows between the combined and the single-service packages', () => {
	it('rewrites our node types, the tool variants included, and nothing else', () => {
		expect(switchPackage.switchType('n8n-nodes-msp-security.esetMsp', 'single')).toBe('n8n-nodes-eset-msp.esetMsp');
		expect(switchPackage.switchType('n8n-nodes-msp-security.gravityZone', 'single')).toBe('n8n-nodes-gravityzone-msp.gravityZone');
		expect(switchPackage.switchType('n8n-nodes-msp-security.esetMspTool', 'single')).toBe('n8n-nodes-eset-msp.esetMspTool');
		expect(switchPackage.switchType('n8n-nodes-gravityzone-msp.gravityZoneTool', 'combined')).toBe('n8n-nodes-msp-security.gravityZoneTool');
		expect(switchPackage.switchType('n8n-nodes-eset-msp.esetMsp', 'combined')).toBe('n8n-nodes-msp-security.esetMsp');
		expect(switchPackage.switchType('n8n-nodes-base.httpRequest', 'single')).toBeUndefined();
		expect(switchPackage.switchType('n8n-nodes-msp-security.somethingElse', 'single')).toBeUndefined();
		expect(switchPackage.switchType('n8n-nodes-other.esetMsp', 'single')).toBeUndefined();
	});

	it('moves a workflow with both nodes to the single packages and back unchanged', () => {
		const workflow = golden('gz-customer-monthly-phasr');
		workflow.nodes!.push({ ...golden('eset-create-customer').nodes![1], name: 'ESET' });
		const original = JSON.parse(JSON.stringify(workflow));
		expect(switchPackage.switchWorkflow(workflow, 'single')).toBe(2);
		expect(types(workflow)).toStrictEqual(['n8n-nodes-base.manualTrigger', 'n8n-nodes-gravityzone-msp.gravityZone', 'n8n-nodes-eset-msp.esetMsp']);
		expect(switchPackage.switchWorkflow(workflow, 'single')).toBe(0);
		expect(switchPackage.switchWorkflow(workflow, 'combined')).toBe(2);
		expect(workflow).toStrictEqual(original);
	});

	it('rewrites files as n8n export:workflow writes them (one workflow, or an array) in place', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'switch-'));
		try {
			const single = path.join(dir, 'one.json');
			const list = path.join(dir, 'all.json');
			writeFileSync(single, JSON.stringify(golden('eset-create-customer')));
			writeFileSync(list, JSON.stringify([golden('gz-customer-yearly-mdr'), golden('eset-create-customer')]));
			expect(switchPackage.switchFile(single, 'single')).toBe(1);
			expect(switchPackage.switchFile(list, 'single')).toBe(2);
			expect(types(JSON.parse(readFileSync(single, 'utf8')))).toContain('n8n-nodes-eset-msp.esetMsp');
			expect(JSON.parse(readFileSync(list, 'utf8')).flatMap(types)).toEqual(
				expect.arrayContaining(['n8n-nodes-gravityzone-msp.gravityZone', 'n8n-nodes-eset-msp.esetMsp']),
			);
			writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify([{ id: 'x', type: 'esetMspApi' }]));
			expect(() => switchPackage.switchFile(path.join(dir, 'credentials.json'), 'single')).toThrow(/not an n8n workflow export/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
