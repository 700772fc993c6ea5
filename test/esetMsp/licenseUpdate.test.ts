import type { INodeParameters } from 'n8n-workflow';

import { ESET_PASSWORD } from '../sandbox/eset';
import { withEset } from './fixtures';
import { apiCalls, runLicense, seedLicense } from './licenseFixtures';

const update = (publicLicenseKey: string, quantity: number | string, options: INodeParameters = {}) => ({
	operation: 'updateQuantity',
	publicLicenseKey,
	quantity,
	options,
});

describe('ESET License > Update Quantity', () => {
	it('reads the licence, then sets the new quantity', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server, { quantity: 25, usage: 18 });
			const { output } = await runLicense(server, update(license.publicLicenseKey, 30));
			expect(output('Node').map((item) => item.json)).toStrictEqual([
				{ publicLicenseKey: license.publicLicenseKey, quantity: 30, previousQuantity: 25, usage: 18, outcome: 'updated' },
			]);
			expect(apiCalls(server)).toStrictEqual([
				['/api/License/Detail', { publicLicenseKey: license.publicLicenseKey }],
				['/api/License/UpdateQuantity', { quantity: 30, publicLicenseKey: license.publicLicenseKey }],
			]);
			expect(license.quantity).toBe(30);
		});
	});

	it('sends nothing when the licence already has that quantity: a scheduled re-run changes nothing', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server, { quantity: 25 });
			const { output } = await runLicense(server, update(license.publicLicenseKey, '25'));
			expect(output('Node')[0].json).toStrictEqual({ publicLicenseKey: license.publicLicenseKey, quantity: 25, previousQuantity: 25, usage: 0, outcome: 'unchanged' });
			expect(server.calls('/api/License/UpdateQuantity')).toHaveLength(0);
		});
	});

	it('treats ESET\'s "unchanged quantity" refusal (8/48) as no change: someone set it between read and write', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server, { quantity: 30 });
			// The read shows an older quantity; the update then meets EMA 2's refusal.
			server.scriptNext((request) => request.path === '/api/License/Detail', { status: 200, body: { publicLicenseKey: license.publicLicenseKey, quantity: 25, usage: 3, state: 1 } });
			const { output } = await runLicense(server, update(license.publicLicenseKey, 30));
			expect(output('Node')[0].json).toMatchObject({ quantity: 30, previousQuantity: 25, outcome: 'unchanged' });
			expect(server.calls('/api/License/UpdateQuantity').map((request) => request.outcome)).toStrictEqual([400]);
		});
	});

	it('two items setting the same licence in one run: one update, the second finds it done', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server, { quantity: 5 });
			const { output } = await runLicense(server, update(license.publicLicenseKey, '={{ $json.seats }}'), { items: [{ seats: 9 }, { seats: 9 }] });
			expect(output('Node').map((item) => item.json.outcome)).toStrictEqual(['updated', 'unchanged']);
			expect(server.calls('/api/License/UpdateQuantity')).toHaveLength(1);
		});
	});

	it.each([
		['adds', 25, 200, 50, /"quantity" \(Quantity\) 200 would add 175 seats \(the licence has 25\); "Most Seats Added or Removed at Once" allows 50/],
		['removes', 25, 1, 10, /"quantity" \(Quantity\) 1 would remove 24 seats \(the licence has 25\); "Most Seats Added or Removed at Once" allows 10/],
	])('the guard stops an item that %s too many seats, before sending it', async (_what, current, target, guard, message) => {
		await withEset(async (server) => {
			const license = seedLicense(server, { quantity: current });
			const { error } = await runLicense(server, update(license.publicLicenseKey, target, { maxQuantityChange: guard }));
			expect(error()?.name).toBe('NodeOperationError');
			expect(error()?.message).toMatch(new RegExp(`^In item 0 \\(the 1st\\): ${message.source}`));
			expect(error()?.description).toMatch(/^Nothing was sent for this item/);
			expect(server.calls('/api/License/UpdateQuantity')).toHaveLength(0);
			expect(license.quantity).toBe(current);
		});
	});

	it('the guard lets a change within it through', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server, { quantity: 25 });
			const { output } = await runLicense(server, update(license.publicLicenseKey, 75, { maxQuantityChange: 50 }));
			expect(output('Node')[0].json.outcome).toBe('updated');
			expect(license.quantity).toBe(75);
		});
	});

	it('dry run: reads the licence and returns the request without sending it (no token, no password)', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server, { quantity: 25 });
			const { output } = await runLicense(server, update(license.publicLicenseKey, 40, { dryRun: true }));
			const json = output('Node')[0].json;
			expect(json).toStrictEqual({
				dryRun: true,
				publicLicenseKey: license.publicLicenseKey,
				quantity: 40,
				previousQuantity: 25,
				usage: 0,
				outcome: 'wouldUpdate',
				request: { method: 'POST', url: `${server.url}/api/License/UpdateQuantity`, body: { quantity: 40, publicLicenseKey: license.publicLicenseKey } },
			});
			expect(JSON.stringify(json)).not.toContain(ESET_PASSWORD);
			expect(server.issuedTokens.some((token) => JSON.stringify(json).includes(token))).toBe(false);
			expect(server.calls('/api/License/UpdateQuantity')).toHaveLength(0);
			const unchanged = await runLicense(server, update(license.publicLicenseKey, 25, { dryRun: true }));
			expect(unchanged.output('Node')[0].json).toMatchObject({ dryRun: true, outcome: 'unchanged' });
			expect(license.quantity).toBe(25);
		});
	});

	it('a lost answer is read back, not sent again blindly: the update went through', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server, { quantity: 25 });
			server.setFaults({ dropAfterCommitRate: 1 });
			const { output } = await runLicense(server, update(license.publicLicenseKey, 35));
			expect(output('Node')[0].json).toMatchObject({ quantity: 35, outcome: 'updated' });
			expect(server.calls('/api/License/UpdateQuantity').map((request) => request.outcome)).toStrictEqual(['dropped-after-commit']);
			expect(server.calls('/api/License/Detail')).toHaveLength(2);
		});
	});

	it('a server error before the change: read back, still the old quantity, so sent again', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server, { quantity: 25 });
			server.scriptNext((request) => request.path === '/api/License/UpdateQuantity', { status: 503, body: { message: 'Service temporarily unavailable' } });
			const { output } = await runLicense(server, update(license.publicLicenseKey, 35));
			expect(output('Node')[0].json.outcome).toBe('updated');
			expect(server.calls('/api/License/UpdateQuantity').map((request) => request.outcome)).toStrictEqual([503, 200]);
			expect(license.quantity).toBe(35);
		});
	});

	it.each([
		['a suspended licence', { state: 3 }, 40, 'ESET rejected the request: LicenseIsNotActive', /^The licence is not active .*unsuspend it in EMA 2 first\..*ESET error code 8\/23\.$/],
		['an expired licence', { expired: true }, 40, 'ESET rejected the request: LicenseIsExpired', /^The licence has expired .*ESET error code 8\/37\.$/],
		['a quantity out of range', {}, 250_000, 'ESET rejected the request: QuantityIsOutOfRange', /^The quantity is outside the range .*ESET error code 8\/30\.$/],
	])('%s: ESET\'s refusal, with what to do', async (_what, state, quantity, message, description) => {
		await withEset(async (server) => {
			const license = seedLicense(server, state);
			const { error } = await runLicense(server, update(license.publicLicenseKey, quantity));
			expect(error()?.name).toBe('NodeApiError');
			expect(error()?.message).toBe(message);
			expect(error()?.description).toMatch(description);
		});
	});

	it('checks the fields before sending anything', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server);
			const badKey = await runLicense(server, update('3AB-C4D', 10));
			expect(badKey.error()?.message).toBe('In item 0 (the 1st): "publicLicenseKey" (Public License Key) must be a public licence key of the form XXX-XXX-XXX (got "3AB-C4D")');
			const zero = await runLicense(server, update(license.publicLicenseKey, 0));
			expect(zero.error()?.message).toBe('In item 0 (the 1st): "quantity" (Quantity) must be at least 1 (got 0)');
			const text = await runLicense(server, update(license.publicLicenseKey, 'ten'));
			expect(text.error()?.message).toBe('In item 0 (the 1st): "quantity" (Quantity) must be a whole number (got "ten")');
			const guard = await runLicense(server, update(license.publicLicenseKey, 10, { maxQuantityChange: -1 }));
			expect(guard.error()?.message).toBe('In item 0 (the 1st): "maxQuantityChange" (Most Seats Added or Removed at Once) must be a whole number of 0 or more (got -1)');
			expect(server.requests).toHaveLength(0);
		});
	});

	it('continue on fail: each failing item becomes an error item paired with its input, the others go on', async () => {
		await withEset(async (server) => {
			const good = seedLicense(server, { quantity: 25 });
			const suspended = seedLicense(server, { quantity: 5, state: 3 });
			const { output } = await runLicense(server, update('={{ $json.key }}', '={{ $json.seats }}'), {
				continueOnFail: true,
				items: [{ key: good.publicLicenseKey, seats: 26 }, { key: 'nope', seats: 3 }, { key: suspended.publicLicenseKey, seats: 6 }, { key: 'ZZZ-ZZZ-ZZZ', seats: 6 }],
			});
			const items = output('Node');
			expect(items.map((item) => item.pairedItem)).toStrictEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
			expect(items[0].json).toMatchObject({ outcome: 'updated', quantity: 26 });
			expect(items[1].json.error).toBe('In item 1 (the 2nd): "publicLicenseKey" (Public License Key) must be a public licence key of the form XXX-XXX-XXX (got "nope")');
			expect(items[2].json).toMatchObject({ error: 'ESET rejected the request: LicenseIsNotActive', httpCode: '400' });
			expect(items[3].json).toMatchObject({ error: 'ESET rejected the request: publicLicenseKey: The license was not found.', httpCode: '400' });
			expect(good.quantity).toBe(26);
			expect(suspended.quantity).toBe(5);
		});
	});

	it('a Detail answer without a numeric quantity fails the item, naming the call and what came back', async () => {
		await withEset(async (server) => {
			const license = seedLicense(server);
			server.scriptNext((request) => request.path === '/api/License/Detail', { status: 200, body: { license: { seats: 25 } } });
			const { error } = await runLicense(server, update(license.publicLicenseKey, 30));
			expect(error()?.message).toBe('ESET answered License/Detail with an object with the keys "license", which this node cannot read as a licence with a numeric quantity');
			expect(server.calls('/api/License/UpdateQuantity')).toHaveLength(0);
		});
	});
});
