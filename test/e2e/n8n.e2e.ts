import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';

import { expectLicenseGolden, LICENSE_GOLDEN_CALLS, seedLicenseGoldens } from '../harness/licenseGoldens';
import { isRpc, rpcError } from '../sandbox/gravityZone';
import { DEPLOY_GOLDEN_API, deployGoldenOutput } from '../harness/deployGoldens';
import { GzDeploy } from '../sandbox/gzDeploy';
import { DEPLOY_EXAMPLES_DIR, documentedRequest } from '../harness/golden';
import { setupOwner } from '../../scripts/lib/n8nRuntime';
import { checkLicenseEditor, inspectEditor } from './editor';
import { createContext, type E2eContext } from './context';
import { expectDocumentedCompany, goldens } from './goldens';
import { ADMIN, deployedIn, expectSeatsAsTarget, webhookPayload } from './examples';

/**
 * n8n reports itself ready before it has activated the published workflows: wait until the webhook
 * is registered (a GET, which runs nothing, is then answered "not registered for GET requests").
 */
async function waitForWebhook(url: string): Promise<void> {
	for (let attempt = 0; attempt < 240; attempt++) {
		const answer = await (await fetch(url)).text();
		if (/not registered for GET requests/.test(answer)) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`The webhook ${url} was not registered within 2 minutes`);
}

const gzDeployGoldens = readdirSync(DEPLOY_EXAMPLES_DIR)
	.filter((file) => file.startsWith('gz-') && file.endsWith('.request.json'))
	.map((file) => file.replace('.request.json', ''))
	.sort();

describe('in a real n8n, against the sandbox', () => {
	let context: E2eContext;
	let server: ChildProcess | undefined;

	beforeAll(async () => {
		context = await createContext();
	});

	afterAll(async () => {
		server?.kill('SIGTERM');
		await context?.dispose();
	});

	beforeEach(() => {
		// The documented examples reuse names: every workflow starts from the sandbox's seed state.
		context.eset.reset();
		context.gravityZone.reset();
	});

	it('runs all six golden workflows', () => {
		expect(goldens).toHaveLength(6);
	});

	it.each(goldens)('golden %s: the sandbox holds the documented company', async (name) => {
		expectDocumentedCompany(context, name, await context.n8n.execute(context.ids.get(name)!));
	});

	it.each(Object.keys(LICENSE_GOLDEN_CALLS))('golden %s: the realistic licence call, sent and answered', async (name) => {
		seedLicenseGoldens(context.eset);
		const run = await context.n8n.execute(context.ids.get(name)!);
		expect(run.status).toBe('success');
		expectLicenseGolden(name, context.eset, run.runData.License[0].data!.main[0].map((item) => item.json));
	});

	it('runs all eight GravityZone deploy golden workflows', () => {
		expect(gzDeployGoldens).toStrictEqual(Object.keys(DEPLOY_GOLDEN_API).sort());
	});

	it.each(gzDeployGoldens)('golden %s: sends the documented params; the output matches the sandbox', async (name) => {
		const before = structuredClone(context.gravityZone.state());
		const run = await context.n8n.execute(context.ids.get(name)!);
		expect(run.status).toBe('success');
		const documented = documentedRequest<{ method: string; params: Record<string, unknown> }>(name);
		expect(context.gravityZone.rpcCalls(documented.method).map((call) => (call.body as { params: unknown }).params)).toStrictEqual([documented.params]);
		const output = run.runData.GravityZone[0].data!.main[0].map((item) => item.json);
		expect(output).toStrictEqual(deployGoldenOutput(name, context.gravityZone, before));
		// The documented examples' uninstall and account passwords reached the sandbox, and nothing n8n printed.
		for (const secret of GzDeploy.secretsReceived) expect(JSON.stringify(run.runData)).not.toContain(secret);
	});

	it('scheduled bulk onboarding: checks each row for both consoles first, creates the valid ones in both, sets the CSV\'s seats as a target; the same CSV again sends nothing', async () => {
		await expectSeatsAsTarget(context);
	});

	it('customer lifecycle: onboards, updates, suspends and deletes the customer in both consoles', async () => {
		const run = await context.n8n.execute(context.ids.get('customer-lifecycle')!);
		expect(run.status).toBe('success');
		const out = (node: string) => run.runData[node][0].data!.main[0][0].json;
		const esetId = out('Onboard in ESET').companyId;
		const gzId = out('Onboard in GravityZone').id;
		expect(out('Onboard in ESET')).toMatchObject({ outcome: 'created', customIdentifier: 'PSA-LC-1' });
		expect(out('Update in ESET')).toMatchObject({ companyId: esetId, updated: true });
		expect(out('Update in GravityZone')).toMatchObject({ companyId: gzId, updated: true });
		expect(out('Suspend in ESET')).toMatchObject({ companyId: esetId, suspended: true });
		expect(out('Suspend in GravityZone')).toStrictEqual({ companyId: gzId, suspended: true });
		expect(out('Delete in ESET')).toMatchObject({ companyId: esetId, deleted: true });
		expect(out('Delete in GravityZone')).toStrictEqual({ companyId: gzId, deleted: true });
		// Gone from both consoles, after the updates reached them.
		expect(context.eset.created).toHaveLength(0);
		expect(context.gravityZone.created).toHaveLength(0);
		expect(context.eset.calls('/api/Company/Update/customer').map((request) => request.body)).toStrictEqual([
			{ companyId: esetId, comment: 'Contract signed', tagsToAdd: [{ tag: 'active-contract' }] },
		]);
		expect(context.gravityZone.rpcCalls('updateCompanyDetails').map((request) => (request.body as { params: unknown }).params)).toStrictEqual([
			{ id: gzId, phone: '+1 503 555 0100' },
		]);
	});

	describe('with n8n running', () => {
		beforeAll(async () => {
			await context.n8n.publishWorkflow(context.ids.get('psa-webhook-onboarding')!);
			server = await context.n8n.start(context.port);
			await setupOwner(context.baseUrl);
			await waitForWebhook(`${context.baseUrl}/webhook/msp-onboarding`);
		});

		const callWebhook = async (body: unknown) => {
			const response = await fetch(`${context.baseUrl}/webhook/msp-onboarding`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			// Parsed here: jest compares objects of its own realm (response.json() makes them in Node's).
			return { status: response.status, body: JSON.parse(await response.text()) as Record<string, unknown> };
		};
		it('PSA webhook: a customer ready to deploy - the company in both consoles, its installation package and links, its admin account; the same payload again answers the same with "existing"', async () => {
			// Links that come a moment after the package (unconfirmed): the node waits for them.
			context.gravityZone.deploy.configure({ linksDelayMs: 2000 });
			try {
				const first = await callWebhook(webhookPayload('CW-7781', 'US', ADMIN));
				expect(context.eset.created).toHaveLength(1);
				expect(context.gravityZone.created).toHaveLength(1);
				const ids = { eset: context.eset.created[0].companyId, gravityZone: context.gravityZone.created[0].id };
				expect(context.eset.created[0].body).toMatchObject({ name: 'Blue Yonder Dental CW-7781', customIdentifier: 'CW-7781', tags: [{ tag: 'psa-onboarded' }] });
				expect(context.gravityZone.created[0].params).toMatchObject({
					name: 'Blue Yonder Dental CW-7781',
					licenseSubscription: { type: 3, reservedSlots: 30, assignedProductType: 0 },
					customFields: { psaId: 'CW-7781' },
				});
				// In the new company: one package, named after the company, and a Company Administrator for the admin's e-mail.
				const deployed = deployedIn(context, ids.gravityZone);
				expect(deployed.packages.map((item) => item.params)).toStrictEqual([
					{
						packageName: 'Blue Yonder Dental CW-7781 endpoints',
						modules: { advancedThreatControl: 1, firewall: 1, userControl: 1, antiphishing: 1, trafficScan: 1, advancedAntiExploit: 1, networkAttackDefense: 1 },
						companyId: ids.gravityZone,
						description: 'Endpoints of Blue Yonder Dental CW-7781 (PSA CW-7781)',
					},
				]);
				expect(deployed.accounts.map((account) => account.params)).toStrictEqual([
					{ email: ADMIN.email, profile: { fullName: ADMIN.name }, companyId: ids.gravityZone, role: 1 },
				]);
				// The answer: the IDs, and of the links only the installLink* ones, as GravityZone gives them for the package.
				expect(Object.keys(deployed.installLinks[0]).sort()).toStrictEqual(['installLinkLinux', 'installLinkMac', 'installLinkMacArm', 'installLinkMacDownloader', 'installLinkWindows']);
				const onboarded = (outcome: string) => ({
					status: 200,
					body: {
						psaId: 'CW-7781',
						eset: { companyId: ids.eset, outcome },
						gravityZone: { companyId: ids.gravityZone, outcome },
						installationPackage: { id: deployed.packages[0].id, name: 'Blue Yonder Dental CW-7781 endpoints', outcome, linksReady: true },
						installLinks: deployed.installLinks[0],
						adminAccount: { id: deployed.accounts[0].id, email: ADMIN.email, outcome },
					},
				});
				expect(first).toStrictEqual(onboarded('created'));
				expect(JSON.stringify(first.body)).not.toMatch(/fullKit/i);

				// The PSA fires again (a retry, a second save): same IDs and links, nothing new.
				expect(await callWebhook(webhookPayload('CW-7781', 'US', ADMIN))).toStrictEqual(onboarded('existing'));
				expect(context.eset.created).toHaveLength(1);
				expect(context.gravityZone.created).toHaveLength(1);
				expect(deployedIn(context, ids.gravityZone)).toStrictEqual(deployed);
				expect(['createPackage', 'createAccount'].map((method) => context.gravityZone.rpcCalls(method).length)).toStrictEqual([1, 1]);
			} finally {
				context.gravityZone.deploy.configure({ linksDelayMs: 0 });
			}
		});

		it('PSA webhook: a payload without an admin e-mail onboards the customer with its package and links, and no account', async () => {
			const answer = await callWebhook(webhookPayload('CW-7786', 'US'));
			const companyId = context.gravityZone.created[0].id;
			expect(answer.status).toBe(200);
			expect(answer.body).toMatchObject({ gravityZone: { companyId, outcome: 'created' }, installLinks: deployedIn(context, companyId).installLinks[0], adminAccount: null });
			expect(deployedIn(context, companyId).accounts).toStrictEqual([]);
			expect(context.gravityZone.calls('accounts')).toStrictEqual([]);
		});

		it('PSA webhook: a payload a check refuses gets HTTP 422 with the node\'s message, and nothing is sent to either console', async () => {
			const alpha3 = await callWebhook(webhookPayload('CW-7782', 'USA'));
			expect(alpha3).toStrictEqual({
				status: 422,
				body: {
					psaId: 'CW-7782',
					error: 'In item 0 (the 1st): "country" (Country) must be a 2-letter ISO 3166-1 country code such as US or DE (got "USA"; did you mean "US"?)',
					details: 'Nothing was sent for this item. Fix the field in the node or in the data the expression reads.',
					refusedBy: 'Check GravityZone Company',
				},
			});
			// A payload of another shape: the first check names what is missing.
			const otherShape = await callWebhook({ customer: { title: 'Blue Yonder Dental' }, id: 7783 });
			expect(otherShape.status).toBe(422);
			expect(otherShape.body).toStrictEqual({
				error: 'In item 0 (the 1st): "name" (Name) is required',
				details:
					'All problems in this item:\n- "name" (Name) is required\n- "address" (Address) needs at least one of its fields: Street Address, City, ZIP Code or State\nNothing was sent for this item. Fix the field in the node or in the data the expression reads.',
				refusedBy: 'Check ESET Customer',
			});
			// The admin's e-mail is checked before either console is written.
			const badAdmin = await callWebhook(webhookPayload('CW-7785', 'US', { email: 'jane.doe-at-blueyonder.example', name: 'Jane Doe' }));
			expect(badAdmin).toStrictEqual({
				status: 422,
				body: {
					psaId: 'CW-7785',
					error: 'In item 0 (the 1st): "email" (Email) must be an e-mail address of the form local@domain (got "jane.doe-at-blueyonder.example")',
					details: 'Nothing was sent for this item. Fix the field in the node or in the data the expression reads.',
					refusedBy: 'Check Admin Account',
				},
			});
			// The checks validate only: neither console received a request.
			expect(context.eset.requests).toStrictEqual([]);
			expect(context.gravityZone.requests).toStrictEqual([]);
		});

		it('PSA webhook: a console that fails while writing gets HTTP 502 naming the step; sent again, the payload completes without a duplicate', async () => {
			context.gravityZone.scriptNext(isRpc('createCompany'), rpcError('x', -32000, 'Server error', 'Maintenance window'));
			const failed = await callWebhook(webhookPayload('CW-7784', 'US', ADMIN));
			expect(failed).toStrictEqual({
				status: 502,
				body: {
					psaId: 'CW-7784',
					error: 'GravityZone createCompany failed: Server error - Maintenance window',
					details: expect.stringContaining('Maintenance window'),
					failedAt: 'Create GravityZone Company',
				},
			});
			expect(context.eset.created).toHaveLength(1);
			expect(context.gravityZone.created).toHaveLength(0);
			// Sent again, and this time the package fails: the company is there now, the package is not.
			context.gravityZone.scriptNext(isRpc('createPackage'), rpcError('x', -32000, 'Server error', 'Maintenance window'));
			const packageFailed = await callWebhook(webhookPayload('CW-7784', 'US', ADMIN));
			expect(packageFailed).toMatchObject({ status: 502, body: { failedAt: 'Create Installation Package', error: 'GravityZone createPackage failed: Server error - Maintenance window' } });
			expect(context.gravityZone.created).toHaveLength(1);
			const again = await callWebhook(webhookPayload('CW-7784', 'US', ADMIN));
			expect(again.status).toBe(200);
			expect(again.body).toMatchObject({
				eset: { companyId: context.eset.created[0].companyId, outcome: 'existing' },
				gravityZone: { companyId: context.gravityZone.created[0].id, outcome: 'existing' },
				installationPackage: { outcome: 'created', linksReady: true },
				adminAccount: { email: ADMIN.email, outcome: 'created' },
			});
			expect(context.eset.created).toHaveLength(1);
			expect(context.gravityZone.created).toHaveLength(1);
			expect(deployedIn(context, context.gravityZone.created[0].id).packages).toHaveLength(1);
		});

		it('the editor shows readable subtitles in both examples, the licence Type first, no TRIAL notice with a licence, a searchable Country, error lists, and no label cut off', async () => {
			const seen = await inspectEditor(context.baseUrl, context.ids);
			const companies = { 'Check ESET Customer': 'Create a customer', 'Check GravityZone Company': 'Create a company', 'Create ESET Customer': 'Create a customer', 'Create GravityZone Company': 'Create a company' };
			expect(seen.subtitles).toStrictEqual({
				'scheduled-bulk-onboarding': {
					...companies,
					'Read GravityZone Seats': 'Get license info',
					'Set GravityZone Seats': 'Set monthly subscription',
					'Find ESET Licences': 'Search licenses',
					'Set ESET Seats': 'Update the quantity of a license',
					'Order ESET Licence': 'Order a license',
				},
				'psa-webhook-onboarding': {
					...companies,
					'Check Installation Package': 'Create a package',
					'Check Admin Account': 'Create an account',
					'Create Installation Package': 'Create a package',
					'Get Installation Links': 'Get installation links',
					'Create Admin Account': 'Create an account',
				},
			});
			expect(seen.trialNotice).toStrictEqual({ withLicence: false, newNode: true, afterAddingLicence: false });
			expect(seen.licenceLabels).toStrictEqual(['License Subscription', 'Type', 'More License Fields', 'Own Use', 'Resell']);
			expect(seen.licenceMenu).toEqual(expect.arrayContaining(['License Key', 'Reserved Slots', 'End Subscription', 'Product Type']));
			expect(seen.licenceMenu).not.toContain('Type');
			expect(seen.countrySearch).toStrictEqual(['New Zealand (NZ)']);
			expect(seen.errorPanel).toStrictEqual({
				message: 'In item 0 (the 1st): "address" (Address) must not contain HTML tags',
				items: [
					'"address" (Address) must not contain HTML tags',
					'"country" (Country) must be a 2-letter ISO 3166-1 country code such as US or DE (got "NZL"; did you mean "NZ"?)',
					'"phone" (Phone) must be at most 32 characters (it has 36)',
				],
				text: expect.stringMatching(/^All problems in this item:\n[\s\S]*\nNothing was sent for this item\./),
			});
			// Every field of both Create operations is on screen, and every entry of their "Add ..." menus.
			expect(seen.labels.count).toBeGreaterThan(100);
			expect(seen.labels.cutOff).toStrictEqual([]);
			expect(seen.menus.count).toBeGreaterThanOrEqual(14);
			expect(seen.menus.cutOff).toStrictEqual([]);
		});

		it('the editor renders the ESET Update Quantity node with its seat guard', async () => {
			await checkLicenseEditor(context.baseUrl, context.ids.get('eset-license-update-quantity')!);
		});
	});
});
