import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ensureN8n, installPackage, N8n, n8nEnv, PROJECT_ROOT } from '../../scripts/lib/n8nRuntime';
import { startSandbox } from '../sandbox/cli';
import { allFieldsWorkflow } from './allFields';

export const GOLDEN_DIR = path.join(PROJECT_ROOT, 'test', 'golden');
export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples');
/** Workflows only the end-to-end tests use (the editor check's). */
export const E2E_WORKFLOWS_DIR = path.join(PROJECT_ROOT, 'test', 'e2e', 'workflows');

const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

const workflowFiles = (dir: string) =>
	readdirSync(dir).filter((file) => file.endsWith('.workflow.json')).sort().map((file) => path.join(dir, file));

export type E2eContext = Awaited<ReturnType<typeof createContext>>;

/**
 * A fresh n8n user folder with this package installed as a community package, the sandbox on free
 * loopback ports, the sandbox credentials and every golden and example workflow imported.
 */
export async function createContext() {
	const install = ensureN8n();
	const sandbox = await startSandbox(0, 0);
	const userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-e2e-'));
	installPackage(userFolder);
	const port = await freePort();
	const n8n = new N8n(install, n8nEnv(userFolder, port, await freePort()));
	await n8n.importCredentials(sandbox.info);
	// The bulk example downloads its CSV from the sandbox's default port: point it at this run's port.
	// The editor check's workflow with every field of the Create operations, built from the nodes.
	const generated = path.join(userFolder, 'editor-all-fields.workflow.json');
	writeFileSync(generated, JSON.stringify(allFieldsWorkflow()));
	const ids = await n8n.importWorkflows([...workflowFiles(GOLDEN_DIR), ...workflowFiles(EXAMPLES_DIR), ...workflowFiles(E2E_WORKFLOWS_DIR), generated], (json) =>
		json.replaceAll('http://127.0.0.1:8931', sandbox.eset.url),
	);
	return {
		...sandbox,
		n8n,
		ids,
		port,
		baseUrl: `http://localhost:${port}`,
		async dispose() {
			await Promise.all([sandbox.eset.stop(), sandbox.gravityZone.stop()]);
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}
