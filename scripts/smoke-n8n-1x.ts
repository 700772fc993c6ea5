import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ESET_LOGIN_REFUSED } from '../credentials/EsetMspApi.credentials';
import { startSandbox } from '../test/sandbox/cli';
import { stopChild } from './lib/childProcess';
import { freePort, installPackage, N8n, n8nEnv, PROJECT_ROOT } from './lib/n8nRuntime';

/**
 * A real n8n 1.x runs the package: every golden workflow, the PSA webhook example (n8n started, the
 * webhook called over HTTP), and the failure paths that differ between n8n versions when they are read
 * from n8n's errors: 30% of the creates answered 429 (all waited out, one company per item) and a wrong
 * ESET password (one login for 20 items, each item told why). Usage, after `npm run build` and
 * `npm run build:tools`: node .build/scripts/smoke-n8n-1x.js <n8n version>...
 */
const CREATE_ITEMS = 20;

const say = (message: string) => process.stderr.write(`[smoke-n8n-1x] ${message}\n`);

function ensureN8n1x(version: string) {
	const result = spawnSync('bash', [path.join(PROJECT_ROOT, 'scripts', 'matrix', 'ensure-n8n-1x.sh'), version], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`Installing n8n ${version} failed (see above)`);
	const value = (key: string) => new RegExp(`^${key}=(.+)$`, 'm').exec(result.stdout)?.[1] ?? '';
	return { node24: value('NODE_BIN'), n8nBin: value('N8N_BIN') };
}

type RunData = Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> }; error?: { message?: string } }>>;

/**
 * `n8n execute --rawOutput`, judged by the run it printed: the CLI may exit non-zero after printing a
 * complete run, and n8n 1.85 prints "status": "running" with "finished": true for one.
 */
async function execute(n8n: N8n, id: string): Promise<RunData> {
	const { status, stdout, stderr } = await n8n.cli(['execute', `--id=${id}`, '--rawOutput']);
	const start = stdout.search(/^\{$/m);
	const end = start < 0 ? -1 : stdout.slice(start).search(/^\}$/m);
	if (end < 0) throw new Error(`n8n execute ${id} printed no run (exit ${status}):\n${stdout}\n${stderr}`);
	const run = JSON.parse(stdout.slice(start, start + end + 1));
	if (run.finished !== true && run.status !== 'success') throw new Error(`workflow ${id} did not finish: ${run.status}`);
	return run.data.resultData.runData;
}

function check(condition: boolean, what: string) {
	if (!condition) throw new Error(`FAILED: ${what}`);
	say(`ok - ${what}`);
}

/** Manual Trigger -> Code (CREATE_ITEMS names) -> one create per item, Create Anyway, errors as items. */
function bulkCreateWorkflow(name: string, node: Record<string, unknown>) {
	const names = `return Array.from({ length: ${CREATE_ITEMS} }, (_, n) => ({ json: { name: 'Smoke ${name} ' + n } }));`;
	return {
		name,
		nodes: [
			{ id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'a2', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: names } },
			{ id: 'a3', name: 'Create', typeVersion: 1, position: [400, 0], onError: 'continueRegularOutput', ...node },
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Create', type: 'main', index: 0 }]] },
		},
		settings: {},
	};
}

/** n8n 1.x answers ready before it has registered the active workflows' webhooks: 404 until then. */
async function callWebhook(url: string, payload: unknown): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
		if (response.status !== 404 || attempt >= 120) return response;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

async function smoke(version: string) {
	say(`n8n ${version}`);
	const install = ensureN8n1x(version);
	const sandbox = await startSandbox(0, 0);
	const userFolder = mkdtempSync(path.join(tmpdir(), `n8n-${version}-`));
	const work = mkdtempSync(path.join(tmpdir(), 'n8n-smoke-'));
	let server: ChildProcess | undefined;
	try {
		installPackage(userFolder);
		const port = await freePort();
		const n8n = new N8n(install, n8nEnv(userFolder, port, await freePort()));
		await n8n.importCredentials(sandbox.info);
		const wrong = path.join(work, 'wrong.json');
		const wrongEset = { ...sandbox.info.eset, password: 'Wrong-Pa55word' };
		writeFileSync(wrong, JSON.stringify([{ id: 'esetMspWrongPass', name: 'ESET MSP (wrong password)', type: 'esetMspApi', data: wrongEset }]));
		const imported = await n8n.cli(['import:credentials', `--input=${wrong}`]);
		if (imported.status !== 0) throw new Error(imported.stderr);

		const goldenDir = path.join(PROJECT_ROOT, 'test', 'golden');
		// The company creates of the documented examples (the licence and deploy goldens need seeded sandboxes: e2e).
		const companyGoldens = readdirSync(path.resolve(PROJECT_ROOT, '..', 'shared', 'api', 'examples'))
			.filter((file) => file.endsWith('.request.json'))
			.map((file) => file.replace('.request.json', ''))
			.sort();
		const files = [
			...companyGoldens.map((name) => path.join(goldenDir, `${name}.workflow.json`)),
			path.join(PROJECT_ROOT, 'examples', 'psa-webhook-onboarding.workflow.json'),
		];
		const eset = { type: 'n8n-nodes-msp-security.esetMsp', credentials: { esetMspApi: { id: 'esetMspSandbox', name: 'ESET MSP (sandbox)' } } };
		const esetCreate = { resource: 'company', operation: 'createCustomer', name: '={{ $json.name }}', address: { city: 'Bratislava' }, options: { ifExists: 'createAnyway' } };
		const bulk = {
			'smoke-eset-429': bulkCreateWorkflow('smoke-eset-429', { ...eset, parameters: esetCreate }),
			'smoke-gz-429': bulkCreateWorkflow('smoke-gz-429', {
				type: 'n8n-nodes-msp-security.gravityZone',
				parameters: { resource: 'company', operation: 'create', type: 1, name: '={{ $json.name }}', options: { ifExists: 'createAnyway' } },
				credentials: { gravityZoneApi: { id: 'gravityZoneSandbox', name: 'GravityZone (sandbox)' } },
			}),
			'smoke-eset-wrong-password': bulkCreateWorkflow('smoke-eset-wrong-password', {
				...eset,
				parameters: esetCreate,
				credentials: { esetMspApi: { id: 'esetMspWrongPass', name: 'ESET MSP (wrong password)' } },
			}),
		};
		for (const [name, workflow] of Object.entries(bulk)) {
			const file = path.join(work, `${name}.workflow.json`);
			writeFileSync(file, JSON.stringify(workflow));
			files.push(file);
		}
		const ids = await n8n.importWorkflows(files);

		for (const name of companyGoldens) {
			sandbox.eset.reset();
			sandbox.gravityZone.reset();
			const runData = await execute(n8n, ids.get(name)!);
			const created = name.startsWith('gz-') ? sandbox.gravityZone.created.length : sandbox.eset.created.length;
			check(created === 1 && !runData.Create[0].error, `golden ${name}: one company created`);
		}

		for (const vendor of ['eset', 'gz'] as const) {
			sandbox.eset.reset();
			sandbox.gravityZone.reset();
			const target = vendor === 'eset' ? sandbox.eset : sandbox.gravityZone;
			target.setFaults({ tooManyRequestsRate: 0.3, retryAfterSeconds: 0, seed: 7 });
			const runData = await execute(n8n, ids.get(`smoke-${vendor}-429`)!);
			target.setFaults({ tooManyRequestsRate: 0 });
			const items = runData.Create[0].data!.main[0];
			const refused = target.requests.filter((request) => request.outcome === 429).length;
			check(
				items.every((item) => item.json.error === undefined) && target.created.length === CREATE_ITEMS && refused > 0,
				`${vendor}: ${CREATE_ITEMS} creates with ${refused} answered 429: every one waited out, ${target.created.length} companies`,
			);
		}

		sandbox.eset.reset();
		const refusedRun = await execute(n8n, ids.get('smoke-eset-wrong-password')!);
		const refusedItems = refusedRun.Create[0].data!.main[0];
		check(
			sandbox.eset.logins === 1 &&
				refusedItems.length === CREATE_ITEMS &&
				refusedItems.every((item) => item.json.error === `${ESET_LOGIN_REFUSED} (HTTP 401)`),
			`wrong ESET password: one login tried for ${CREATE_ITEMS} items, each told the login was refused`,
		);

		sandbox.eset.reset();
		sandbox.gravityZone.reset();
		const activate = await n8n.cli(['update:workflow', `--id=${ids.get('psa-webhook-onboarding')!}`, '--active=true']);
		if (activate.status !== 0) throw new Error(activate.stderr);
		server = await n8n.start(port);
		const response = await callWebhook(`http://localhost:${port}/webhook/msp-onboarding`, {
			psaId: 'CW-1X',
			seats: 5,
			company: { name: 'Smoke Dental', street: '1 Pier', city: 'San Diego', zip: '92101', state: 'California', country: 'US', countrySubdivision: 'US-CA', email: 'it@smoke.example' },
		});
		const body = (await response.json()) as { eset?: { companyId?: string }; gravityZone?: { companyId?: string }; installLinks?: Record<string, string>; adminAccount?: unknown };
		const packageId = sandbox.gravityZone.deploy.packages.find((item) => item.companyId === sandbox.gravityZone.created[0]?.id)?.id;
		check(
			response.status === 200 &&
				body.eset?.companyId === sandbox.eset.created[0]?.companyId &&
				body.gravityZone?.companyId === sandbox.gravityZone.created[0]?.id &&
				packageId !== undefined &&
				String(body.installLinks?.installLinkWindows).includes(packageId) &&
				body.adminAccount === null,
			'PSA webhook: the customer in both consoles, its installation package, both IDs and the install links in the answer',
		);
	} finally {
		// Waits until n8n has exited: it writes into its user folder until then.
		if (server) await stopChild(server);
		await Promise.all([sandbox.eset.stop(), sandbox.gravityZone.stop()]);
		rmSync(userFolder, { recursive: true, force: true });
		rmSync(work, { recursive: true, force: true });
	}
}

async function main() {
	const versions = process.argv.slice(2);
	if (versions.length === 0) throw new Error('usage: node .build/scripts/smoke-n8n-1x.js <n8n 1.x version>...');
	for (const version of versions) await smoke(version);
	say('all passed');
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
