import type { INodeExecutionData } from 'n8n-workflow';

import { runCreateCustomer, withEset } from './esetMsp/fixtures';
import { byId, runCreate, runGz, withGravityZone } from './gravityZone/fixtures';
import { GZ_ROOT_COMPANY, type GravityZoneServer } from './sandbox/gravityZone';
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

/** Failed items whose company exists anyway (by its key: the input's name or PSA ID), each with its error. */
function failedButCreated(failures: INodeExecutionData[], inputKeys: string[], createdKeys: unknown[]) {
	const failed = new Map(failures.map((item) => [inputKeys[(item.pairedItem as { item: number }).item], item.json.error]));
	return createdKeys.filter((key) => failed.has(String(key))).map((key) => ({ key, error: failed.get(String(key)) }));
}

describe(`fault matrix: ${ITEMS} creates per create operation under throttling, errors, resets and lost answers`, () => {
	it('GravityZone: zero duplicates, zero lost', async () => {
		await withGravityZone(async (server) => {
			await fetch(`${server.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ ...FAULTS, rateLimit: false }) });
			const items = Array.from({ length: ITEMS }, (_, n) => ({ name: `Fault Co ${n}` }));
			// The sandbox's own rate limit is off here (the injected 429s stand for it), so no pacing either.
			const requestOptions = { requestsPerSecond: 0, concurrency: 8 };
			const { output } = await runCreate(server, { type: 1, name: '={{ $json.name }}', requestOptions }, { items, continueOnFail: true });
			const { successes, failures } = outcomes(output('Node'));
			// The sandbox holds exactly one company per successful item (a failed item whose company exists is
			// shown with its error, to say which path lost it).
			const names = server.created.map((company) => company.params.name);
			expect(failedButCreated(failures, items.map((item) => item.name), names)).toStrictEqual([]);
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

	// Items spread over 20 customer companies (50 each), so each find-or-create lookup reads one page.
	const COMPANIES = Array.from({ length: 20 }, (_, n) => `fa17${String(n).padStart(20, '0')}`);
	const deployItems = (prefix: string) =>
		Array.from({ length: ITEMS }, (_, n) => ({ name: `${prefix} ${n}`, email: `${prefix.toLowerCase().replace(/ /g, '.')}${n}@acme.example`, companyId: COMPANIES[n % COMPANIES.length] }));
	const faultyGravityZone = async (server: GravityZoneServer) => {
		for (const id of COMPANIES) server.companies.push({ id, params: { type: 1, name: `Fault Customer ${id}` }, parentId: GZ_ROOT_COMPANY, isSuspended: false, createdAt: '2026-01-01T00:00:00Z' });
		await fetch(`${server.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ ...FAULTS, rateLimit: false }) });
	};

	it('GravityZone Package > Create: zero duplicates, zero lost', async () => {
		await withGravityZone(async (server) => {
			await faultyGravityZone(server);
			const { output } = await runGz(
				server,
				{ resource: 'package', operation: 'create', packageName: '={{ $json.name }}', additionalFields: { companyId: byId('={{ $json.companyId }}') }, requestOptions: { requestsPerSecond: 0, concurrency: 8 } },
				{ items: deployItems('Fault Pack'), continueOnFail: true },
			);
			const { successes } = outcomes(output('Node'));
			const created = server.deploy.packages.filter((item) => !item.seeded);
			const keys = created.map((item) => `${item.companyId} ${String(item.params.packageName)}`);
			expect(new Set(keys).size).toBe(keys.length);
			expect(created).toHaveLength(successes.length);
			for (const item of successes) {
				expect(created.find((pack) => pack.id === item.json.id)?.params).toMatchObject({ packageName: item.json.packageName, companyId: item.json.companyId });
			}
			expect(successes.length).toBeGreaterThan(ITEMS * 0.99);
		});
	}, 300_000);

	it('GravityZone Account > Create: zero duplicates, zero lost', async () => {
		await withGravityZone(async (server) => {
			await faultyGravityZone(server);
			const { output } = await runGz(
				server,
				{
					resource: 'account',
					operation: 'create',
					email: '={{ $json.email }}',
					profile: { fullName: '={{ $json.name }}' },
					additionalFields: { companyId: byId('={{ $json.companyId }}'), password: 'Fault-Pa55word!' },
					requestOptions: { requestsPerSecond: 0, concurrency: 8 },
				},
				{ items: deployItems('Fault User'), continueOnFail: true },
			);
			const { successes } = outcomes(output('Node'));
			const created = server.deploy.accounts.filter((account) => !account.seeded);
			const emails = created.map((account) => String(account.params.email));
			expect(new Set(emails).size).toBe(emails.length);
			expect(created).toHaveLength(successes.length);
			for (const item of successes) {
				expect(created.find((account) => account.id === item.json.id)).toMatchObject({ companyId: item.json.companyId, params: { email: item.json.email } });
			}
			expect(successes.length).toBeGreaterThan(ITEMS * 0.99);
		});
	}, 300_000);

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
				const { successes, failures } = outcomes(output('Node'));
				const ids = server.created.map((company) => company.body.customIdentifier);
				expect(new Set(ids).size).toBe(ids.length);
				// A failed item whose customer exists is shown with its error, to say which path lost it.
				expect(failedButCreated(failures, items.map((item) => item.psaId), ids)).toStrictEqual([]);
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
