import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';

import { DEPLOY_GOLDEN_API, deployGoldenOutput } from '../harness/deployGoldens';
import { GzDeploy } from '../sandbox/gzDeploy';
import { DEPLOY_EXAMPLES_DIR, documentedRequest, EXAMPLES_DIR as SHARED_EXAMPLES } from '../harness/golden';
import { setupOwner } from '../../scripts/lib/n8nRuntime';
import { checkEditor } from './editor';
import { createContext, type E2eContext } from './context';

const goldens = readdirSync(SHARED_EXAMPLES)
	.filter((file) => file.endsWith('.request.json'))
	.map((file) => file.replace('.request.json', ''))
	.sort();
const gzDeployGoldens = readdirSync(DEPLOY_EXAMPLES_DIR)
	.filter((file) => file.startsWith('gz-') && file.endsWith('.request.json'))
	.map((file) => file.replace('.request.json', ''))
	.sort();

/**
 * n8n answers its readiness check before it has activated the published workflows: until then a
 * production webhook is "not registered" (404), which says nothing about the workflow. Sends again
 * until the webhook is there (a request n8n refused that way ran nothing).
 */
async function postOnceRegistered(url: string, init: RequestInit): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(url, init);
		if (response.status !== 404 || attempt === 120) return response;
		const text = await response.clone().text();
		if (!text.includes('is not registered')) return response;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

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
		const run = await context.n8n.execute(context.ids.get(name)!);
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

	it('scheduled bulk onboarding: every CSV row in ESET, the valid ones in GravityZone, and a summary', async () => {
		const run = await context.n8n.execute(context.ids.get('scheduled-bulk-onboarding')!);
		expect(run.status).toBe('success');
		// Items run in parallel (Request Options > Concurrency): compare in the CSV's order.
		const byPsaId = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.customIdentifier ?? (a.customFields as { psaId: string }).psaId).localeCompare(String(b.customIdentifier ?? (b.customFields as { psaId: string }).psaId));
		expect(context.eset.created.map((company) => company.body).sort(byPsaId)).toStrictEqual(
			[
				['PSA-2001', 'Northwind Dental', '1 Harbor Way', 'Seattle', '98101', 'Washington', 'it@northwind-dental.example'],
				['PSA-2002', 'Contoso Legal', '22 Elm Street', 'Austin', '78701', 'Texas', 'admin@contoso-legal.example'],
				['PSA-2003', 'Fabrikam Clinics', '5 Rue de Rivoli', 'Paris', '75001', 'Ile-de-France', 'it@fabrikam.example'],
				['PSA-2004', 'Tailspin Toys', '9 Queen Street', 'Auckland', '1010', 'Auckland', 'it@tailspin.example'],
			].map(([customIdentifier, name, streetAddress, city, zipCode, state, email]) => ({
				name,
				address: { streetAddress, city, zipCode, state },
				email,
				customIdentifier,
				tags: [{ tag: 'bulk-import' }],
			})),
		);
		// Row 4 has the country "NZL", not an ISO alpha-2 code: refused before sending, the rest went on.
		expect(context.gravityZone.created.map((company) => company.params).sort(byPsaId)).toStrictEqual(
			[
				['Northwind Dental', 15, 'US', 'US-WA', 'PSA-2001'],
				['Contoso Legal', 40, 'US', 'US-TX', 'PSA-2002'],
				['Fabrikam Clinics', 25, 'FR', 'FR-75', 'PSA-2003'],
			].map(([name, reservedSlots, country, state, psaId]) => ({
				type: 1,
				name,
				licenseSubscription: { type: 3, reservedSlots, assignedProductType: 0 },
				country,
				state,
				customFields: { psaId },
			})),
		);
		expect(run.runData.Summary[0].data!.main[0][0].json).toStrictEqual({ count_id: 3, count_error: 1 });
		const failed = run.runData['Create GravityZone Company'][0].data!.main[0][3].json;
		expect(failed.error).toMatch(/^Item 3: "country" \(Country\) is not one of the documented values \(got "NZL"\)/);
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
		});

		it('PSA webhook: creates the customer in both consoles and answers with both IDs', async () => {
			const response = await postOnceRegistered(`${context.baseUrl}/webhook/msp-onboarding`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					psaId: 'CW-7781',
					seats: 30,
					company: {
						name: 'Blue Yonder Dental',
						street: '7 Pier Road',
						city: 'San Diego',
						zip: '92101',
						state: 'California',
						country: 'US',
						countrySubdivision: 'US-CA',
						email: 'it@blueyonder.example',
					},
				}),
			});
			expect(response.status).toBe(200);
			const body = await response.json();
			expect(context.eset.created).toHaveLength(1);
			expect(context.gravityZone.created).toHaveLength(1);
			expect(body).toEqual({
				psaId: 'CW-7781',
				esetCompanyId: context.eset.created[0].companyId,
				gravityZoneCompanyId: context.gravityZone.created[0].id,
			});
			expect(context.eset.created[0].body).toMatchObject({ name: 'Blue Yonder Dental', customIdentifier: 'CW-7781', tags: [{ tag: 'psa-onboarded' }] });
			expect(context.gravityZone.created[0].params).toMatchObject({
				name: 'Blue Yonder Dental',
				licenseSubscription: { type: 3, reservedSlots: 30, assignedProductType: 0 },
				customFields: { psaId: 'CW-7781' },
			});
		});

		it('the editor renders the licence fields of the GravityZone node and the address of the ESET node', async () => {
			await checkEditor(context.baseUrl, context.ids.get('scheduled-bulk-onboarding')!);
		});
	});
});
