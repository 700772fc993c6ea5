import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureN8n, freePort, installPackage, N8n, n8nEnv, PROJECT_ROOT } from '../../scripts/lib/n8nRuntime';
import { startSandbox } from '../sandbox/cli';
import { allFieldsWorkflow } from './allFields';

export const GOLDEN_DIR = path.join(PROJECT_ROOT, 'test', 'golden');
export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');
/** Workflows only the end-to-end tests use (the editor check's). */
export const E2E_WORKFLOWS_DIR = path.join(PROJECT_ROOT, 'test', 'e2e', 'workflows');

export const workflowFiles = (dir: string) =>
	readdirSync(dir).filter((file) => file.endsWith('.workflow.json')).sort().map((file) => path.join(dir, file));

export type E2eContext = Awaited<ReturnType<typeof createContext>>;

export interface ContextOptions {
	/** The built package to install (dist-packages/<name>); the combined package by default. */
	packageDir?: string;
	/** Whose sandbox credentials to import; both by default. */
	credentials?: Array<'eset' | 'gravityZone'>;
	/** The workflows to import (default: every golden and example) and a rewrite of each file's JSON. */
	workflows?: string[];
	rewrite?: (json: string) => string;
}

/**
 * A fresh n8n user folder with a package installed as a community package, the sandbox on free
 * loopback ports, the sandbox credentials and the workflows imported.
 */
export async function createContext(options: ContextOptions = {}) {
	const install = await ensureN8n();
	const sandbox = await startSandbox(0, 0);
	const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-e2e-'));
	installPackage(userFolder, options.packageDir);
	const port = await freePort();
	const n8n = new N8n(install, n8nEnv(userFolder, port, await freePort()));
	if (options.credentials) await importSomeCredentials(n8n, sandbox.info, options.credentials);
	else await n8n.importCredentials(sandbox.info);
	const rewrite = options.rewrite ?? ((json: string) => json);
	// The bulk example downloads its CSV from the sandbox's default port: point it at this run's port.
	// The editor check's workflow with every field of the Create operations, built from the nodes.
	const generated = path.join(userFolder, 'editor-all-fields.workflow.json');
	writeFileSync(generated, JSON.stringify(allFieldsWorkflow()));
	const workflows = options.workflows ?? [...workflowFiles(GOLDEN_DIR), ...workflowFiles(EXAMPLES_DIR), ...workflowFiles(E2E_WORKFLOWS_DIR), generated];
	const ids = await n8n.importWorkflows(workflows, (json) =>
		rewrite(json).replaceAll('http://127.0.0.1:8931', sandbox.eset.url),
	);
	return {
		...sandbox,
		n8n,
		ids,
		port,
		userFolder,
		baseUrl: `http://localhost:${port}`,
		async dispose() {
			await Promise.all([sandbox.eset.stop(), sandbox.gravityZone.stop()]);
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** Imports only the named vendors' sandbox credentials (a single-service package knows only its own type). */
async function importSomeCredentials(n8n: N8n, info: Awaited<ReturnType<typeof startSandbox>>['info'], vendors: Array<'eset' | 'gravityZone'>) {
	const all = {
		eset: { id: 'esetMspSandbox', name: 'ESET MSP (sandbox)', type: 'esetMspApi', data: info.eset },
		gravityZone: { id: 'gravityZoneSandbox', name: 'GravityZone (sandbox)', type: 'gravityZoneApi', data: info.gravityZone },
	};
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-creds-'));
	try {
		writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(vendors.map((vendor) => all[vendor])));
		const result = await n8n.cli(['import:credentials', `--input=${path.join(dir, 'credentials.json')}`]);
		if (result.status !== 0) throw new Error(`n8n import:credentials failed:\n${result.stdout}\n${result.stderr}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
