import { itLeaksNoSecret } from '../harness/secretScan';
import { GravityZoneServer } from '../sandbox/gravityZone';
import { withServer } from '../sandbox/loopbackServer';
import { asJson, expectUsefulTally, FUZZ_RUNS, fuzzNode } from './fuzzNode';
import { packageSamples } from './gzDeployModels';
import { gzDeployTarget } from './gzDeployTarget';

describe('fuzzing GravityZone Package > Create', () => {
	it(`${FUZZ_RUNS} random parameter sets: invalid ones stop before sending and name a field, valid ones are accepted`, async () => {
		await withServer(new GravityZoneServer(), async (server) => {
			const target = await gzDeployTarget(server, packageSamples, (sample, request, output) => {
				const created = server.deploy.packages.filter((item) => !item.seeded);
				expect((request.body as { method: string }).method).toBe('createPackage');
				expect(created.map((item) => item.params)).toStrictEqual([asJson(sample.body)]);
				expect(output).toStrictEqual({
					id: created[0].id,
					packageName: sample.body.packageName,
					...(sample.body.companyId ? { companyId: sample.body.companyId } : {}),
					outcome: 'created',
				});
			});
			expectUsefulTally('GravityZone Package > Create', await fuzzNode(target));
		});
	}, 1_800_000);

	itLeaksNoSecret();
});
