import type { INodeParameters } from 'n8n-workflow';

import { rateClassOf } from '../../nodes/GravityZone/transport/rateClasses';
import type { GravityZoneServer } from '../sandbox/gravityZone';
import { byId, configure, paramsOf, runGz, withGravityZone } from './fixtures';

const CUSTOMER = '5493dcd2b1a43df00b7b23c6';
const USAGE_CUSTOMER = '55115935b1a43dcc4a7b23c6';

const setSubscription = (server: GravityZoneServer, subscriptionFields: INodeParameters, parameters: INodeParameters = {}) =>
	runGz(server, { resource: 'licensing', operation: 'setMonthlySubscription', companyId: byId(CUSTOMER), additionalFields: subscriptionFields, ...parameters }, { continueOnFail: true });
const usage = (server: GravityZoneServer, parameters: INodeParameters) =>
	runGz(server, { resource: 'licensing', operation: 'getMonthlyUsage', companyId: byId(USAGE_CUSTOMER), ...parameters }, { continueOnFail: true });

describe('GravityZone Licensing > Set Monthly Subscription', () => {
	it('sets the seats a customer buys; Get License Info reads them back as totalSlots', async () => {
		await withGravityZone(async (server) => {
			const set = await setSubscription(server, { reservedSlots: 25, manageEncryption: true, endSubscription: '2027-12-31', autoRenewPeriod: 12 });
			expect(set.output('Node')[0].json).toStrictEqual({
				companyId: CUSTOMER,
				subscriptionSet: true,
				sent: { reservedSlots: 25, endSubscription: '2027-12-31', autoRenewPeriod: 12, manageEncryption: true },
			});
			const info = await runGz(server, { resource: 'licensing', operation: 'getLicenseInfo', companyId: byId(CUSTOMER) });
			expect(info.output('Node')[0].json).toMatchObject({ subscriptionType: 3, totalSlots: 25, manageEncryption: true });
		});
	});

	it('sends an empty End Subscription (it removes the date) and later parameters through Extra Params', async () => {
		await withGravityZone(async (server) => {
			await setSubscription(server, { endSubscription: '' }, { options: { extraParams: '{"ownUse": {"manageXDRNetwork": true}}' } });
			expect(paramsOf(server, 'setMonthlySubscription')).toStrictEqual([{ companyId: CUSTOMER, endSubscription: '', ownUse: { manageXDRNetwork: true } }]);
		});
	});

	const cases: Array<[string, INodeParameters, INodeParameters, string]> = [
		['negative seats', { reservedSlots: '={{ -3 }}' }, {}, 'In item 0 (the 1st): "reservedSlots" (Reserved Slots) must be at least 0 (got -3)'],
		['an end date of another form', { endSubscription: '31.12.2027' }, {}, 'In item 0 (the 1st): "endSubscription" (End Subscription) must be a date of the form YYYY-MM-DD, or empty to remove the end date (got "31.12.2027")'],
		['HyperDetect here and in ownUse', { manageHyperDetect: true }, { options: { extraParams: '{"ownUse": {"manageHyperDetect": false}}' } }, 'In item 0 (the 1st): "manageHyperDetect" (HyperDetect) is also set inside ownUse: set manageHyperDetect in one place only'],
		['an empty company from an expression', {}, { companyId: byId('={{ "" }}') }, 'In item 0 (the 1st): "companyId" (Company) must not be empty'],
	];

	it.each(cases)('%s: refused before sending', async (_what, fields, parameters, message) => {
		await withGravityZone(async (server) => {
			const { output } = await setSubscription(server, fields, parameters);
			expect(output('Node')[0].json.error).toBe(message);
			expect(server.requests.filter((request) => (request.body as { method: string }).method !== 'getApiKeyDetails')).toHaveLength(0);
		});
	});

	it('Dry Run sends nothing', async () => {
		await withGravityZone(async (server) => {
			const { output } = await setSubscription(server, { reservedSlots: 5 }, { options: { dryRun: true } });
			expect(output('Node')[0].json).toMatchObject({ dryRun: true, request: { body: { method: 'setMonthlySubscription', params: { companyId: CUSTOMER, reservedSlots: 5 } } } });
			expect(server.rpcCalls('setMonthlySubscription')).toHaveLength(0);
		});
	});
});

describe('GravityZone Licensing > Get Monthly Usage', () => {
	const march2015 = { endpointMonthlyUsage: 101, exchangeMonthlyUsage: 15 };

	it.each([
		['a day picked in the date picker', '2015-03-14T00:00:00'],
		['mm/yyyy typed in', '03/2015'],
		['a date from an expression', '={{ DateTime.fromISO("2015-03-31") }}'],
		['a JavaScript date from an expression', '={{ new Date(Date.UTC(2015, 2, 20)) }}'],
	])('asks for the month of %s', async (_what, targetMonth) => {
		await withGravityZone(async (server) => {
			const { output } = await usage(server, { targetMonth });
			expect(paramsOf(server, 'getMonthlyUsage')).toStrictEqual([{ companyId: USAGE_CUSTOMER, targetMonth: '03/2015' }]);
			expect(output('Node')[0].json).toMatchObject({ companyId: USAGE_CUSTOMER, targetMonth: '03/2015', ...march2015 });
		});
	});

	it('asks for the current month when the month is empty', async () => {
		await withGravityZone(async (server) => {
			await usage(server, { targetMonth: '' });
			expect(paramsOf(server, 'getMonthlyUsage')).toStrictEqual([{ companyId: USAGE_CUSTOMER }]);
		});
	});

	it('reads the aLaCarteMonhtlyUsage spelling of one page revision as aLaCarteMonthlyUsage', async () => {
		await withGravityZone(async (server) => {
			await configure(server, { usageMisspelled: true });
			server.deploy.usage.set(`${USAGE_CUSTOMER} 03/2015`, { aLaCarteMonthlyUsage: 7 });
			const { output } = await usage(server, { targetMonth: '03/2015' });
			expect(output('Node')[0].json).toMatchObject({ aLaCarteMonthlyUsage: 7 });
			expect(output('Node')[0].json).not.toHaveProperty('aLaCarteMonhtlyUsage');
		});
	});

	it.each([
		['month 13', { targetMonth: '13/2015' }, 'In item 0 (the 1st): "targetMonth" (Target Month) must be a month of the form mm/yyyy, such as 03/2026 (or a date) (got "13/2015")'],
		['a coverage type without dates', { additionalFields: { usageCoverageType: 3, companyRegistrationStartDate: '2026-01-01' } }, 'In item 0 (the 1st): "companyRegistrationEndDate" (Company Registration End Date) is required with usageCoverageType 3'],
	])('%s: refused before sending', async (_what, parameters, message) => {
		await withGravityZone(async (server) => {
			const { output } = await usage(server, parameters);
			expect(output('Node')[0].json.error).toBe(message);
			expect(server.rpcCalls('getMonthlyUsage')).toHaveLength(0);
		});
	});
});

describe('GravityZone pacing of the deploy methods, per API key and class', () => {
	it('puts each method in its documented class', () => {
		const classOf = (api: Parameters<typeof rateClassOf>[0], methods: string[]) => methods.map((method) => rateClassOf(api, method).name);
		expect(classOf('packages', ['createPackage', 'updatePackage', 'deletePackage', 'getPackagesList', 'getPackageDetails', 'getInstallationLinks'])).toStrictEqual(Array(6).fill('default'));
		expect(classOf('accounts', ['getAccountsList', 'createAccount', 'deleteAccount', 'updateAccount'])).toStrictEqual(['default', 'perMinute30', 'perMinute30', 'perMinute30']);
		expect(classOf('licensing', ['setMonthlySubscription', 'getLicenseInfo', 'getMonthlyUsage', 'getMonthlyUsagePerProductType'])).toStrictEqual(['perMinute30', 'slow', 'slow', 'slow']);
	});

	it('spaces createAccount calls 2 s apart (30 per minute); the sandbox with the documented limits answers no 429', async () => {
		await withGravityZone(async (server) => {
			const items = [1, 2, 3, 4].map((n) => ({ email: `user${n}@acme.example` }));
			const { output } = await runGz(
				server,
				{ resource: 'account', operation: 'create', email: '={{ $json.email }}', profile: { fullName: 'User' }, options: { ifExists: 'createAnyway' } },
				{ items },
			);
			expect(output('Node').map((item) => item.json.outcome)).toStrictEqual(['created', 'created', 'created', 'created']);
			const sent = server.rpcCalls('createAccount').map((request) => request.receivedAt!);
			expect(server.requests.filter((request) => request.outcome === 429)).toHaveLength(0);
			// Each slot comes 2 s after the one before; a slow machine may deliver one request late (not early), so
			// the span is measured, with a second of slack for the first request's own delay. Unpaced it is ~0.
			expect(sent[sent.length - 1] - sent[0]).toBeGreaterThanOrEqual((sent.length - 1) * 2000 - 1000);
		});
	});
});
