import { runCreate, withGravityZone } from './gravityZone/fixtures';

describe('concurrency and pacing', () => {
	it('processes items in parallel but keeps the input order and pairing', async () => {
		await withGravityZone(async (server) => {
			server.setFaults({ latencyMs: 30 });
			await fetch(`${server.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ rateLimit: false }) });
			const items = Array.from({ length: 24 }, (_, n) => ({ name: `Parallel Co ${n}` }));
			const { output } = await runCreate(
				server,
				{ type: 1, name: '={{ $json.name }}', requestOptions: { concurrency: 8, requestsPerSecond: 0 } },
				{ items },
			);
			expect(output('Node').map((item) => [item.json.name, item.pairedItem])).toStrictEqual(items.map((item, n) => [item.name, { item: n }]));
			// Up to 8 items at once: each request takes 30 ms, so they overlap at the sandbox.
			expect(server.peakInFlight).toBeGreaterThan(1);
			expect(server.peakInFlight).toBeLessThanOrEqual(8);
		});
	});

	it("reads an item's parameters while the previous item's request is out (Create)", async () => {
		await withGravityZone(async (server) => {
			// One item at a time, each request answered after 500 ms; the name records when n8n evaluated it.
			server.setFaults({ latencyMs: 500 });
			const items = [{ n: 0 }, { n: 1 }, { n: 2 }];
			const name = '={{ "Co " + $json.n + " @" + Date.now() }}';
			const { output } = await runCreate(server, { type: 1, name, requestOptions: { concurrency: 1, requestsPerSecond: 0 } }, { items });
			expect(output('Node').map((item) => item.pairedItem)).toStrictEqual(items.map((_, item) => ({ item })));
			const creates = server.rpcCalls('createCompany');
			const evaluatedAt = creates.map((call) => Number(/@(\d+)$/.exec((call.body as { params: { name: string } }).params.name)![1]));
			// Items 1 and 2 were read before the answer to the item before them came back (and sent after it).
			for (const n of [1, 2]) {
				expect(evaluatedAt[n]).toBeLessThan(creates[n - 1].answeredAt!);
				expect(creates[n].receivedAt!).toBeGreaterThan(creates[n - 1].answeredAt!);
			}
		});
	});

	it('two identical items in flight at once still create one company', async () => {
		await withGravityZone(async (server) => {
			server.setFaults({ latencyMs: 20 });
			const { output } = await runCreate(
				server,
				{ type: 1, name: '={{ $json.name }}', requestOptions: { concurrency: 4 } },
				{ items: [{ name: 'Same Co' }, { name: 'Same Co' }, { name: 'same co ' }, { name: 'Other Co' }] },
			);
			expect(output('Node').map((item) => item.json.outcome)).toStrictEqual(['created', 'existing', 'existing', 'created']);
			expect(server.created).toHaveLength(2);
		});
	});

	it('paces requests to the documented 10 per second per key: GravityZone never answers 429', async () => {
		await withGravityZone(async (server) => {
			const items = Array.from({ length: 20 }, (_, n) => ({ name: `Paced Co ${n}` }));
			const started = Date.now();
			const { output } = await runCreate(server, { type: 1, name: '={{ $json.name }}', requestOptions: { concurrency: 8 } }, { items });
			expect(output('Node').every((item) => item.json.outcome === 'created')).toBe(true);
			expect(server.requests.filter((request) => request.outcome === 429)).toHaveLength(0);
			// 41 requests (a key check, then a lookup and a create per item) at 10 per second.
			expect(Date.now() - started).toBeGreaterThanOrEqual(3900);
		});
	});

	it.each([
		['concurrency', 0, /"requestOptions.concurrency" \(Request Options > Concurrency\) must be a whole number of at least 1 \(got 0\)/],
		['concurrency', '={{ 2.5 }}', /whole number of at least 1 \(got 2.5\)/],
		['requestsPerSecond', '={{ "fast" }}', /Requests per Second\) must be a number of at least 0 \(got "fast"\)/],
		['timeoutMs', 10, /Timeout \(Ms\)\) must be a number of at least 1000 \(got 10\)/],
	])('rejects Request Options > %s = %p, sending nothing', async (name, value, message) => {
		await withGravityZone(async (server) => {
			const { error } = await runCreate(server, { type: 1, name: 'Acme', requestOptions: { [name]: value } });
			expect(error()?.name).toBe('NodeOperationError');
			expect(error()?.message).toMatch(message);
			expect(server.requests).toHaveLength(0);
		});
	});
});
