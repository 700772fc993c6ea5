import type { INodeExecutionData } from 'n8n-workflow';

import { runCreateCustomer, withEset } from './esetMsp/fixtures';
import { runCreate, withGravityZone } from './gravityZone/fixtures';
import { itLeaksNoSecret } from './harness/secretScan';
import { EsetServer } from './sandbox/eset';
import type { FaultConfig } from './sandbox/loopbackServer';

const ITEMS = 1000;

/** 20% 429s, 5% 5xx, 2% connection resets, 2% "committed then dropped"; 429s ask for no wait. */
const FAULTS: Partial<FaultConfig> = {
	tooManyRequestsRate: 0.2,
	serverErrorRate: 0.05,
	resetRate: 0.02,
	dropAfterCommitRate: 0.02,
	retryAfterSeconds: 0,
	seed: 20261122,
};

/** Every input item ends as exactly one success or one error item, paired with it. */
function outcomes(items: INodeExecutionData[]) {
	expect(items).toHaveLength(ITEMS);
	expect(items.map((item) => item.pairedItem)).toStrictEqual(Array.from({ length: ITEMS }, (_, item) => ({ item })));
	const successes = items.filter((item) => item.json.error === undefined);
	const failures = items.filter((item) => item.json.error !== undefined);
	expect(successes.length + failures.length).toBe(ITEMS);
	return { successes, failures };
}

describe(`fault matrix: ${ITEMS} creates per vendor under throttling, errors, resets and lost answers`, () => {
	it('GravityZone: zero duplicates, zero lost', async () => {
		await withGravityZone(async (server) => {
			await fetch(`${server.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ ...FAULTS, rateLimit: false }) });
			const items = Array.from({ length: ITEMS }, (_, n) => ({ name: `Fault Co ${n}` }));
			// The sandbox's own rate limit is off here (the injected 429s stand for it), so no pacing either.
			const requestOptions = { requestsPerSecond: 0, concurrency: 8 };
			const { output } = await runCreate(server, { type: 1, name: '={{ $json.name }}', requestOptions }, { items, continueOnFail: true });
			const { successes } = outcomes(output('Node'));
			// The sandbox holds exactly one company per successful item.
			const names = server.created.map((company) => company.params.name);
			expect(new Set(names).size).toBe(names.length);
			expect(server.created).toHaveLength(successes.length);
			for (const item of successes) {
				expect(server.created.find((company) => company.id === item.json.id)?.params.name).toBe(item.json.name);
			}
			expect(successes.length).toBeGreaterThan(ITEMS * 0.99);
			const injected = server.requests.filter((request) => request.outcome === 429 || request.outcome === 503 || typeof request.outcome === 'string');
			expect(injected.length).toBeGreaterThan(ITEMS * 0.4);
		});
	}, 240_000);

	it('ESET, with tokens that expire every 5 s: zero duplicates, zero lost', async () => {
		await withEset(
			async (server: EsetServer) => {
				server.setFaults(FAULTS);
				const items = Array.from({ length: ITEMS }, (_, n) => ({ name: `Fault Customer ${n}`, psaId: `PSA-F${n}` }));
				const started = Date.now();
				const { output } = await runCreateCustomer(
					server,
					{
						name: '={{ $json.name }}',
						address: { city: 'Bratislava' },
						additionalFields: { customIdentifier: '={{ $json.psaId }}' },
						requestOptions: { concurrency: 8 },
					},
					{ items, continueOnFail: true },
				);
				const { successes } = outcomes(output('Node'));
				const ids = server.created.map((company) => company.body.customIdentifier);
				expect(new Set(ids).size).toBe(ids.length);
				expect(server.created).toHaveLength(successes.length);
				for (const item of successes) {
					expect(server.created.find((company) => company.companyId === item.json.companyId)?.body.customIdentifier).toBe(item.json.customIdentifier);
				}
				expect(successes.length).toBeGreaterThan(ITEMS * 0.99);
				if (Date.now() - started > 10_000) expect(server.logins).toBeGreaterThan(1);
			},
			{ tokenLifetimeMs: 5000 },
		);
	}, 240_000);

	itLeaksNoSecret();
});
