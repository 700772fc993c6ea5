import { readdirSync } from 'node:fs';

import { DEPLOY_EXAMPLES_DIR, documentedRequest, EXAMPLES_DIR, goldenWorkflow } from './harness/golden';
import { documentedTemplate, expectLicenseGolden, LICENSE_GOLDEN_CALLS, LICENSE_GOLDENS, outline, seedLicenseGoldens } from './harness/licenseGoldens';
import { runWorkflow } from './harness/runWorkflow';
import { ESET_PASSWORD, ESET_USER, EsetServer } from './sandbox/eset';
import { GZ_PARTNER_KEY, GravityZoneServer } from './sandbox/gravityZone';
import { DEPLOY_GOLDEN_API, deployGoldenOutput } from './harness/deployGoldens';

const gzExamples = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.startsWith('gz-') && file.endsWith('.request.json'))
	.map((file) => file.replace('.request.json', ''));

describe('golden workflows: the documented requests, sent through the nodes', () => {
	it('covers all five documented GravityZone createCompany examples', () => {
		expect(gzExamples).toHaveLength(5);
	});

	it.each(gzExamples)('%s sends exactly the documented params', async (name) => {
		const server = await new GravityZoneServer().start();
		try {
			const { output } = await runWorkflow(goldenWorkflow(name), {
				credentials: { gravityZoneApi: { accessUrl: `${server.url}/api//`, apiKey: GZ_PARTNER_KEY } },
			});
			const documented = documentedRequest<{ params: Record<string, unknown>; method: string }>(name);
			const [call] = server.rpcCalls('createCompany');
			expect(server.rpcCalls('createCompany')).toHaveLength(1);
			expect(call.path).toBe('/api/v1.0/jsonrpc/companies');
			expect(call.headers.authorization).toBe(`Basic ${Buffer.from(`${GZ_PARTNER_KEY}:`).toString('base64')}`);
			const body = call.body as Record<string, unknown>;
			expect(body.jsonrpc).toBe('2.0');
			expect(body.method).toBe(documented.method);
			expect(body.params).toStrictEqual(documented.params);
			expect(output('Create')).toStrictEqual([
				{
					json: { id: server.created[0].id, name: documented.params.name, type: documented.params.type, outcome: 'created' },
					pairedItem: { item: 0 },
				},
			]);
		} finally {
			await server.stop();
		}
	});

	it('eset-create-customer sends exactly the documented body', async () => {
		const server = await new EsetServer().start();
		try {
			const { output } = await runWorkflow(goldenWorkflow('eset-create-customer'), {
				credentials: { esetMspApi: { baseUrl: `${server.url}/`, username: ESET_USER, password: ESET_PASSWORD } },
			});
			const [call] = server.calls('/api/Company/Create/customer');
			expect(call.body).toStrictEqual(documentedRequest('eset-create-customer'));
			expect(call.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
			const documented = documentedRequest<Record<string, string>>('eset-create-customer');
			expect(output('Create')).toStrictEqual([
				{
					json: {
						companyId: server.created[0].companyId,
						name: documented.name,
						parentCompanyId: documented.parentCompanyId,
						customIdentifier: documented.customIdentifier,
						outcome: 'created',
					},
					pairedItem: { item: 0 },
				},
			]);
		} finally {
			await server.stop();
		}
	});
});

describe("golden workflows: ESET's licence call templates, with realistic values", () => {
	it.each(Object.keys(LICENSE_GOLDEN_CALLS))('%s: the realistic body has the documented shape', (name) => {
		expect(outline(LICENSE_GOLDENS.requests[name])).toStrictEqual(outline(documentedTemplate(name)));
		expect(Object.keys(LICENSE_GOLDENS.requests[name])).toStrictEqual(Object.keys(documentedTemplate(name)));
	});

	it.each(Object.keys(LICENSE_GOLDEN_CALLS))('%s sends exactly that body', async (name) => {
		const server = await new EsetServer().start();
		try {
			seedLicenseGoldens(server);
			const { output } = await runWorkflow(goldenWorkflow(name), {
				credentials: { esetMspApi: { baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD } },
			});
			expect(server.calls(LICENSE_GOLDEN_CALLS[name])[0].headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
			expectLicenseGolden(name, server, output('License').map((item) => item.json));
		} finally {
			await server.stop();
		}
	});
});

const gzDeployExamples = readdirSync(DEPLOY_EXAMPLES_DIR)
	.filter((file) => file.startsWith('gz-') && file.endsWith('.request.json'))
	.map((file) => file.replace('.request.json', ''));

describe('golden workflows: the documented GravityZone deploy requests (packages, accounts, seats, usage)', () => {
	it('covers all eight documented GravityZone examples of examples/deploy', () => {
		expect(gzDeployExamples.sort()).toStrictEqual(Object.keys(DEPLOY_GOLDEN_API).sort());
	});

	it.each(gzDeployExamples)('%s sends exactly the documented params and outputs what the sandbox holds', async (name) => {
		const server = await new GravityZoneServer().start();
		try {
			const documented = documentedRequest<{ params: Record<string, unknown>; method: string }>(name);
			const before = structuredClone(server.state());
			const { output } = await runWorkflow(goldenWorkflow(name), {
				credentials: { gravityZoneApi: { accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY } },
			});
			const calls = server.rpcCalls(documented.method);
			expect(calls).toHaveLength(1);
			expect(calls[0].path).toBe(`/api/v1.0/jsonrpc/${DEPLOY_GOLDEN_API[name]}`);
			expect((calls[0].body as { params: unknown }).params).toStrictEqual(documented.params);
			expect(output('GravityZone')).toStrictEqual(deployGoldenOutput(name, server, before).map((json) => ({ json, pairedItem: { item: 0 } })));
		} finally {
			await server.stop();
		}
	});
});
