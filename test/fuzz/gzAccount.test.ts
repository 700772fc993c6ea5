import { itLeaksNoSecret } from '../harness/secretScan';
import { GravityZoneServer } from '../sandbox/gravityZone';
import { withServer } from '../sandbox/loopbackServer';
import { asJson, expectUsefulTally, FUZZ_RUNS, fuzzNode } from './fuzzNode';
import { accountSamples } from './gzDeployModels';
import { gzDeployTarget } from './gzDeployTarget';

describe('fuzzing GravityZone Account > Create', () => {
	it(`${FUZZ_RUNS} random parameter sets: invalid ones stop before sending and name a field, valid ones are accepted`, async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			const target = await gzDeployTarget(server, accountSamples, (sample, request, output) => {
				const created = server.deploy.accounts.filter((account) => !account.seeded);
				const { password: _password, ...stored } = asJson(sample.body) as Record<string, unknown>;
				expect((request.body as { method: string }).method).toBe('createAccount');
				expect((request.body as { params: unknown }).params).toStrictEqual(asJson(sample.body));
				expect(created.map((account) => account.params)).toStrictEqual([stored]);
				expect(output).toStrictEqual({
					id: created[0].id,
					email: sample.body.email,
					...(sample.body.companyId ? { companyId: sample.body.companyId } : {}),
					outcome: 'created',
				});
			});
			expectUsefulTally('GravityZone Account > Create', await fuzzNode(target));
		});
	}, 1_800_000);

	itLeaksNoSecret();
});
