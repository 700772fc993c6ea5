import { CLIMB_SHARE_PER_SECOND, DECREASE, pace, rateLimited } from '../nodes/shared/requestPacer';

const gaps = (times: number[]) => times.slice(1).map((time, n) => time - times[n]);

/** The time `pace` lets the next request of `key` go, with the clock moved on 1 ms at a time. */
async function nextTurn(key: string, perSecond: number): Promise<number> {
	let at: number | undefined;
	void pace(key, perSecond).then((time) => (at = time));
	await jest.advanceTimersByTimeAsync(0);
	while (at === undefined) await jest.advanceTimersByTimeAsync(1);
	return at;
}

describe('pacing per bucket (one n8n process)', () => {
	afterEach(() => jest.useRealTimers());

	it('measures from real send times: sends that came due while the event loop was busy leave spaced, not in a burst', async () => {
		const released: number[] = [];
		const sends = Array.from({ length: 8 }, async () => released.push(await pace('busy loop', 10)));
		await new Promise((resolve) => setTimeout(resolve, 50));
		// n8n busy for 600 ms (expressions, another execution...): six turns come due meanwhile.
		for (const until = Date.now() + 600; Date.now() < until; );
		await Promise.all(sends);
		expect(released).toHaveLength(8);
		for (const gap of gaps(released)) expect(gap).toBeGreaterThanOrEqual(100);
	});

	it('a 429 pauses the whole bucket for its Retry-After; the requests due after it leave one by one at the lowered rate', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		const key = 'pause';
		const first = await nextTurn(key, 10);
		rateLimited(key, 10, first, 1000);
		const after = [];
		for (let n = 0; n < 5; n++) after.push(await nextTurn(key, 10));
		expect(after[0]).toBeGreaterThanOrEqual(first + 1000);
		// Jitter: at most a fifth of the Retry-After more.
		expect(after[0]).toBeLessThanOrEqual(first + 1200 + 1);
		// Half the rate (5/s, climbing back a little since): no burst of what came due during the pause.
		for (const gap of gaps(after)) expect(gap).toBeGreaterThan(1000 / (10 * DECREASE + 1));
	});

	it('lowers the rate once per congestion (not for each 429 of the requests already out) and lets it climb back slowly', async () => {
		jest.useFakeTimers({ now: 2_000_000 });
		const key = 'aimd';
		const sent = [await nextTurn(key, 10), await nextTurn(key, 10), await nextTurn(key, 10)];
		expect(gaps(sent).every((gap) => gap >= 100 && gap < 110)).toBe(true);
		// Three requests in flight come back 429 (Retry-After 0): one decrease, to 5/s.
		for (const at of sent) rateLimited(key, 10, at, 0);
		const lowered = [await nextTurn(key, 10), await nextTurn(key, 10)];
		expect(gaps(lowered)[0]).toBeGreaterThan(1000 / (10 * DECREASE + 1));
		expect(gaps(lowered)[0]).toBeLessThan(210);
		// Additive increase: ten seconds later it is at 5 + 10 * 0.25 = 7.5/s...
		await jest.advanceTimersByTimeAsync(10_000);
		const climbing = [await nextTurn(key, 10), await nextTurn(key, 10)];
		expect(gaps(climbing)[0]).toBeLessThan(1000 / (5 + 10 * 10 * CLIMB_SHARE_PER_SECOND) + 5);
		expect(gaps(climbing)[0]).toBeGreaterThan(1000 / 9);
		// ...and back at its ceiling (10/s, Requests per Second) after twenty.
		await jest.advanceTimersByTimeAsync(10_000);
		const climbed = [await nextTurn(key, 10), await nextTurn(key, 10)];
		expect(gaps(climbed)[0]).toBeLessThan(105);
		// A 429 to a request sent after the decrease is new congestion: half again.
		rateLimited(key, 10, climbed[1], 0);
		const again = [await nextTurn(key, 10), await nextTurn(key, 10)];
		expect(gaps(again)[0]).toBeGreaterThan(1000 / (10 * DECREASE + 1));
	});

	it('keeps an unlimited bucket (Requests per Second 0) unpaced, but pauses it on a 429', async () => {
		jest.useFakeTimers({ now: 3_000_000 });
		const key = 'unlimited';
		const burst = [await nextTurn(key, 0), await nextTurn(key, 0), await nextTurn(key, 0)];
		expect(gaps(burst)).toStrictEqual([0, 0]);
		rateLimited(key, 0, burst[2], 2000);
		expect(await nextTurn(key, 0)).toBeGreaterThanOrEqual(burst[2] + 2000);
		expect(gaps([await nextTurn(key, 0), await nextTurn(key, 0)])).toStrictEqual([0]);
	});
});
