import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { itLeaksNoSecret } from '../harness/secretScan';
import { ESET_PASSWORD, ESET_USER, EsetServer } from '../sandbox/eset';
import { withServer } from '../sandbox/loopbackServer';
import { asJson, expectUsefulTally, FUZZ_RUNS, fuzzNode } from './fuzzNode';
import { esetSamples } from './models';

describe('fuzzing the ESET MSP node', () => {
	it(`${FUZZ_RUNS} random parameter sets: invalid ones stop before sending and name a field, valid ones are accepted`, async () => {
		// Tokens that outlive the run, so that every set's requests are its own.
		await withServer(new EsetServer({ tokenLifetimeMs: 3_600_000 }), async (server) => {
			const credentialsHelper = new TestCredentialsHelper();
			credentialsHelper.setCredentials('esetMspApi', { baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD });
			const tally = await fuzzNode({
				nodeType: 'esetMsp',
				samples: esetSamples,
				credentialsHelper,
				forget() {
					server.companies.splice(0, server.companies.length, ...server.companies.filter((company) => company.type !== 1007));
					server.requests.length = 0;
				},
				sent: () => server.requests.filter((request) => !request.path.startsWith('/api/Token/')),
				checkAccepted(sample, request, output) {
					expect(request.outcome).toBe(200);
					if (sample.operation === 'createCustomer') {
						expect(request.path).toBe('/api/Company/Create/customer');
						expect(server.created).toHaveLength(1);
						expect(server.created[0].body).toStrictEqual(asJson(sample.body));
						expect(output).toMatchObject({ companyId: server.created[0].companyId, outcome: 'created' });
					} else {
						expect({ path: request.path, body: request.body }).toStrictEqual({ path: '/api/Company/Detail', body: sample.body });
						expect(String(output.companyId).toLowerCase()).toBe(String(sample.body.companyId).toLowerCase());
					}
				},
			});
			expectUsefulTally('ESET', tally);
		});
	}, 1_200_000);

	itLeaksNoSecret();
});
