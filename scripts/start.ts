import { readdirSync } from 'node:fs';
import path from 'node:path';

import { startSandbox } from '../test/sandbox/cli';
import { ensureN8n, installPackage, log, N8n, n8nEnv, OWNER, PACKAGE_NAME, PROJECT_ROOT, setupOwner, startUserFolder } from './lib/n8nRuntime';

/**
 * `npm start`: the sandbox of both APIs, and a real n8n with this package installed as a community
 * package, sandbox credentials and the example workflows imported, and an owner account. Ctrl-C stops all.
 */
async function main() {
	const port = Number(process.env.N8N_PORT ?? 5678);
	log('checking Node 24 and n8n (the first run installs them: about 25 minutes; later runs check them, under a minute)...');
	const install = await ensureN8n();
	const { eset, gravityZone, info } = await startSandbox(8931, 8932);
	const userFolder = startUserFolder();
	log(`installing ${PACKAGE_NAME} into ${userFolder}/.n8n/nodes as n8n's Community Nodes install does...`);
	installPackage(userFolder);
	const n8n = new N8n(install, n8nEnv(userFolder, port));
	log('importing the sandbox credentials and the example workflows...');
	await n8n.importCredentials(info);
	const examplesDir = path.join(PROJECT_ROOT, 'examples');
	const ids = await n8n.importWorkflows(
		readdirSync(examplesDir).filter((file) => file.endsWith('.workflow.json')).map((file) => path.join(examplesDir, file)),
	);
	await n8n.publishWorkflow(ids.get('psa-webhook-onboarding')!);
	log(`starting n8n on port ${port}...`);
	const child = await n8n.start(port, process.env.N8N_START_VERBOSE ? 'inherit' : 'ignore');
	const baseUrl = `http://localhost:${port}`;
	await setupOwner(baseUrl);

	console.log(`
n8n is running: ${baseUrl}
  login: ${OWNER.email} / ${OWNER.password}
  example workflows: ${[...ids].map(([name, id]) => `\n    ${name}: ${baseUrl}/workflow/${id}`).join('')}
  try the PSA webhook:
    curl -s -X POST ${baseUrl}/webhook/msp-onboarding -H 'content-type: application/json' \\
      -d '{"psaId":"PSA-1","seats":25,"company":{"name":"Acme Dental","street":"1 Main St","city":"San Diego","zip":"92101","state":"California","country":"US","countrySubdivision":"US-CA","email":"it@acme.example"},"admin":{"email":"jane@acme.example","name":"Jane Doe"}}'
Sandbox (stands in for both vendors):
  ESET MSP Administrator 2  ${info.eset.baseUrl}   (state: ${info.eset.baseUrl}/_sandbox/state)
  GravityZone               ${info.gravityZone.accessUrl}   (state: ${gravityZone.url}/_sandbox/state)
Ctrl-C stops n8n and the sandbox.`);

	const stop = async () => {
		child.kill('SIGTERM');
		await Promise.all([eset.stop(), gravityZone.stop()]);
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	child.on('exit', (code) => {
		log(`n8n exited (code ${code})`);
		void Promise.all([eset.stop(), gravityZone.stop()]).then(() => process.exit(code ?? 1));
	});
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
