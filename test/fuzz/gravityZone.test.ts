import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { itLeaksNoSecret } from '../harness/secretScan';
import { GZ_PARTNER_KEY, GravityZoneServer } from '../sandbox/gravityZone';
import { withServer } from '../sandbox/loopbackServer';
import { asJson, expectUsefulTally, FUZZ_RUNS, fuzzNode } from './fuzzNode';
import { gravityZoneSamples } from './models';

const rpcMethod = (body: unknown) => (body as { method?: string }).method;

describe('fuzzing the GravityZone node', () => {
	it(`${FUZZ_RUNS} random parameter sets: invalid ones stop before sending and name a field, valid ones are accepted`, async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			// The pacing has tests of its own; here every set sets a rate that keeps the runs quick.
			await fetch(`${server.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ rateLimit: false }) });
			const credentialsHelper = new TestCredentialsHelper();
			credentialsHelper.setCredentials('gravityZoneApi', { accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY });
			const tally = await fuzzNode({
				nodeType: 'gravityZone',
				samples: gravityZoneSamples,
				credentialsHelper,
				forget() {
					server.companies.splice(0, server.companies.length, ...server.companies.filter((company) => company.seeded));
					server.requests.length = 0;
				},
				sent: () => server.requests.filter((request) => rpcMethod(request.body) !== 'getApiKeyDetails'),
				checkAccepted(sample, request, output) {
					const { method, params } = request.body as { method: string; params: unknown };
					if (sample.operation === 'create') {
						expect(method).toBe('createCompany');
						expect(server.created).toHaveLength(1);
						expect(server.created[0].params).toStrictEqual(asJson(sample.body));
						expect(output).toMatchObject({ id: server.created[0].id, outcome: 'created' });
					} else {
						expect({ method, params }).toStrictEqual({ method: 'getCompanyDetails', params: sample.body });
						expect(output.id).toBe(sample.body.companyId);
					}
				},
			});
			expectUsefulTally('GravityZone', tally);
		});
	}, 1_200_000);

	itLeaksNoSecret();
});
