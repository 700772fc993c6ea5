import type { INodeParameters } from 'n8n-workflow';

import type { GravityZoneServer } from '../sandbox/gravityZone';
import { isRpc, rpcError } from '../sandbox/gravityZone';
import { byId, configure, paramsOf, runGz, withGravityZone, errorText } from './fixtures';

const CUSTOMER = '54a1a1d3b1a43d2b347b23c1';
const OTHER_CUSTOMER = '5493dcd2b1a43df00b7b23c6';
const CREATE = { resource: 'package', operation: 'create' };
const LINKS = { resource: 'package', operation: 'getInstallationLinks' };
const PASSWORD = 'Uninst4ll-Secret!';

const createPackage = (server: GravityZoneServer, parameters: INodeParameters, options = {}) =>
	runGz(server, { ...CREATE, packageName: 'Acme Endpoints', ...parameters, additionalFields: { companyId: byId(CUSTOMER), ...(parameters.additionalFields as object) } }, options);
const created = (server: GravityZoneServer) => server.deploy.packages.filter((item) => !item.seeded);

describe('GravityZone Package > Create: find or create by name within the company', () => {
	it('returns the existing package of the same name (ignoring case and spaces) in that company; another company gets its own', async () => {
		await withGravityZone(async (server) => {
			const first = (await createPackage(server, {})).output('Node')[0].json;
			const second = (await createPackage(server, { packageName: '  acme ENDPOINTS ' })).output('Node')[0].json;
			const elsewhere = (await createPackage(server, { additionalFields: { companyId: byId(OTHER_CUSTOMER) } })).output('Node')[0].json;
			expect(first).toStrictEqual({ id: created(server)[0].id, packageName: 'Acme Endpoints', companyId: CUSTOMER, outcome: 'created' });
			expect(second).toStrictEqual({ id: first.id, packageName: 'Acme Endpoints', companyId: CUSTOMER, outcome: 'existing' });
			expect(elsewhere).toMatchObject({ companyId: OTHER_CUSTOMER, outcome: 'created' });
			expect(created(server).map((item) => item.companyId)).toStrictEqual([CUSTOMER, OTHER_CUSTOMER]);
		});
	});

	it('creates one package for two identical items in one run', async () => {
		await withGravityZone(async (server) => {
			const { output } = await createPackage(server, { packageName: '={{ $json.name }}' }, { items: [{ name: 'Twin Pack' }, { name: 'Twin Pack' }] });
			expect(output('Node').map((item) => item.json.outcome)).toStrictEqual(['created', 'existing']);
			expect(created(server)).toHaveLength(1);
		});
	});

	it('finds a package beyond the first page of getPackagesList (no name filter there)', async () => {
		await withGravityZone(async (server) => {
			for (let n = 0; n < 150; n++) server.deploy.packages.push({ id: `p${n}`, companyId: CUSTOMER, params: { packageName: `Pack ${n}` }, createdAt: 0 });
			const { output } = await createPackage(server, { packageName: 'Pack 149' });
			expect(output('Node')[0].json).toMatchObject({ id: 'p149', outcome: 'existing' });
			expect(paramsOf(server, 'getPackagesList')).toStrictEqual([1, 2].map((page) => ({ companyId: CUSTOMER, page, perPage: 100 })));
			expect(server.rpcCalls('createPackage')).toHaveLength(0);
		});
	});

	it('Fail stops the item naming the existing package; Create Anyway sends without looking', async () => {
		await withGravityZone(async (server) => {
			await createPackage(server, {});
			const { error } = await createPackage(server, { options: { ifExists: 'fail' } });
			expect(error()?.message).toMatch(/^In item 0 \(the 1st\): a package named "Acme Endpoints" exists already \(id [0-9a-f]{24}\)$/);
			server.requests.length = 0;
			const anyway = await createPackage(server, { packageName: 'Other Pack', options: { ifExists: 'createAnyway' } });
			expect(anyway.output('Node')[0].json.outcome).toBe('created');
			expect(server.requests.map((request) => (request.body as { method: string }).method)).not.toContain('getPackagesList');
		});
	});

	it('a list it cannot read is an error, never "not found": nothing is created', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('getPackagesList'), { status: 200, body: { id: 1, jsonrpc: '2.0', result: { total: 0 } } });
			const { error } = await createPackage(server, {});
			expect(error()?.message).toBe("GravityZone's answer to getPackagesList could not be read (no list of items in it)");
			expect(server.rpcCalls('createPackage')).toHaveLength(0);
		});
	});

	it('a create whose answer was lost is looked up, not sent again', async () => {
		await withGravityZone(async (server) => {
			server.setFaults({ dropAfterCommitRate: 1 });
			const { output } = await createPackage(server, {});
			expect(output('Node')[0].json).toMatchObject({ id: created(server)[0].id, outcome: 'existing' });
			expect(server.rpcCalls('createPackage')).toHaveLength(1);
			expect(created(server)).toHaveLength(1);
		});
	});

	it.each(['records', 'id', 'object'])('reads the new ID from a %s answer', async (shape) => {
		await withGravityZone(async (server) => {
			await configure(server, { createPackageResult: shape });
			const { output } = await createPackage(server, {});
			expect(output('Node')[0].json).toMatchObject({ id: created(server)[0].id, outcome: 'created' });
		});
	});

	it('sends the deprecated atc module and any ll_CC language as given (the 2017 example), and roles through Extra Params', async () => {
		await withGravityZone(async (server) => {
			await createPackage(server, {
				modules: { atc: 1, contentControl: 1, userControl: 1 },
				additionalFields: { language: byId('en_EN'), productType: 0 },
				options: { extraParams: '{"roles": {"relay": 1}, "deploymentOptions": {"type": 1}}' },
			});
			expect(paramsOf(server, 'createPackage')).toStrictEqual([
				{
					packageName: 'Acme Endpoints',
					modules: { atc: 1, contentControl: 1, userControl: 1 },
					companyId: CUSTOMER,
					language: 'en_EN',
					productType: 0,
					roles: { relay: 1 },
					deploymentOptions: { type: 1 },
				},
			]);
		});
	});
});

describe('GravityZone Package > Create: the documented rules, checked before sending', () => {
	const EDR = { productType: 3 };
	const EDR_MODULES = { edrSensor: 1, contentControl: 1, networkAttackDefense: 1, advancedThreatControl: 1 };
	const cases: Array<[string, INodeParameters, string, RegExp]> = [
		['blank name', { packageName: '  ' }, '"packageName" (Package Name)', /is required/],
		['language not ll_CC', { additionalFields: { language: '={{ "english" }}' } }, '"language" (Language)', /ll_CC/],
		['a module set to 2', { modules: { firewall: '={{ 2 }}' } }, '"modules.firewall" (Modules > Firewall)', /must be one of 0 \(Disabled \(0\)\), 1/],
		['contentControl with a different successor', { modules: { contentControl: 1, trafficScan: 0 } }, '"modules.trafficScan"', /must equal modules.contentControl \(1\)/],
		['EDR without the EDR sensor', { modules: { ...EDR_MODULES, edrSensor: 0 }, additionalFields: EDR }, '"modules.edrSensor"', /must be 1 for productType 3/],
		['EDR with another module on', { modules: { ...EDR_MODULES, firewall: 1 }, additionalFields: EDR }, '"modules.firewall"', /must be 0 for productType 3/],
		['EDR without modules', { additionalFields: EDR }, '"modules.edrSensor"', /must be 1 for productType 3/],
		['scan mode without a type', { additionalFields: { scanMode: { computers: { main: 1 } } } }, '"scanMode.type"', /is required when scanMode is sent/],
		['engines with the automatic mode', { additionalFields: { scanMode: { type: 1, computers: { main: 1 } } } }, '"scanMode.computers"', /only used with scanMode.type 2/],
		['custom mode without vms', { additionalFields: { scanMode: { type: 2, computers: { main: 3 } } } }, '"scanMode.vms"', /required when scanMode.type is 2/],
		['engines without a main one', { additionalFields: { scanMode: { type: 2, computers: { fallback: 2 }, vms: { main: 2 } } } }, '"scanMode.computers.main"', /is required/],
		['EC2 with local scanning', { additionalFields: { scanMode: { type: 2, computers: { main: 1 }, vms: { main: 1 }, ec2: { main: '={{ 3 }}' } } } }, '"scanMode.ec2.main"', /must be one of 1/],
		['a fallback of central scanning', { additionalFields: { scanMode: { type: 2, computers: { main: 1, fallback: '={{ 1 }}' }, vms: { main: 1 } } } }, '"scanMode.computers.fallback"', /must be one of 2/],
		['a relative installation path', { additionalFields: { settings: { customInstallationPath: 'Program Files\\BD' } } }, '"settings.customInstallationPath"', /absolute Windows path/],
		['product type 7', { additionalFields: { productType: '={{ 7 }}' } }, '"productType"', /must be one of 0/],
	];

	it.each(cases)('%s: NodeOperationError naming item and field, nothing sent', async (_what, parameters, field, rule) => {
		await withGravityZone(async (server) => {
			const { error } = await createPackage(server, parameters);
			expect(error()?.name).toBe('NodeOperationError');
			expect(error()?.message).toContain(`In item 0 (the 1st): ${field}`);
			expect(error()?.message).toMatch(rule);
			expect(server.requests).toHaveLength(0);
		});
	});

	it.each(['Ab1!x', 'nouppercase1!', 'NOLOWERCASE1!', 'NoDigits!!', 'NoSpecial123', 'l'])('a weak uninstall password (%#) is refused without being repeated', async (weak) => {
		await withGravityZone(async (server) => {
			const { error } = await createPackage(server, { additionalFields: { settings: { uninstallPassword: weak } } });
			expect(error()?.message).toBe(
				'In item 0 (the 1st): "settings.uninstallPassword" (Settings > Uninstall Password) must be at least 6 characters with an upper-case letter, a lower-case letter, a digit and a special character',
			);
			// Not in the message, nor in the copy of the node n8n stores with the error.
			expect(errorText(error())).not.toContain(JSON.stringify(weak));
			expect((error() as unknown as { node: { parameters: { additionalFields: { settings: unknown } } } }).node.parameters.additionalFields.settings).toStrictEqual({ uninstallPassword: '********' });
			expect(server.requests).toHaveLength(0);
		});
	});
});

describe('GravityZone Package: the uninstall password stays secret', () => {
	it('Dry Run shows the request with the password masked and sends nothing but the lookup', async () => {
		await withGravityZone(async (server) => {
			const { output } = await createPackage(server, { additionalFields: { settings: { uninstallPassword: PASSWORD, scanBeforeInstall: 1 } }, options: { dryRun: true } });
			const json = output('Node')[0].json as { request: { body: { params: unknown } } };
			expect(json).toMatchObject({ dryRun: true, outcome: 'wouldCreate' });
			expect(json.request.body.params).toStrictEqual({ packageName: 'Acme Endpoints', companyId: CUSTOMER, settings: { uninstallPassword: '********', scanBeforeInstall: 1 } });
			expect(JSON.stringify(output('Node'))).not.toContain(PASSWORD);
			expect(server.rpcCalls('createPackage')).toHaveLength(0);
		});
	});

	it('an error that repeats the password reaches n8n without it', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('createPackage'), rpcError(1, -32602, 'Invalid params', `Password "${PASSWORD}" was used before`));
			const { output } = await createPackage(server, { additionalFields: { settings: { uninstallPassword: PASSWORD } } }, { continueOnFail: true });
			expect(output('Node')[0].json.error).toBe('GravityZone createPackage failed: Invalid params - Password "********" was used before');
			expect(JSON.stringify(output('Node'))).not.toContain(PASSWORD);
		});
	});

	it('the item after such an error still sends the password the user set', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext(isRpc('createPackage'), rpcError(1, -32602, 'Invalid params', `Password "${PASSWORD}" was used before`));
			const items = [{ name: 'First Pack' }, { name: 'Second Pack' }];
			const { output } = await createPackage(
				server,
				{ packageName: '={{ $json.name }}', additionalFields: { settings: { uninstallPassword: PASSWORD } }, requestOptions: { concurrency: 1 } },
				{ items, continueOnFail: true },
			);
			expect(output('Node').map((item) => item.json.outcome ?? 'error')).toStrictEqual(['error', 'created']);
			expect(paramsOf(server, 'createPackage').map((params) => (params.settings as { uninstallPassword: string }).uninstallPassword)).toStrictEqual([PASSWORD, PASSWORD]);
		});
	});

	it('Get masks the password should GravityZone return it in the settings', async () => {
		await withGravityZone(async (server) => {
			const id = (await createPackage(server, { additionalFields: { settings: { uninstallPassword: PASSWORD } } })).output('Node')[0].json.id as string;
			const { output } = await runGz(server, { resource: 'package', operation: 'get', packageId: id });
			expect(output('Node')[0].json).toMatchObject({ packageId: id, packageName: 'Acme Endpoints', settings: { uninstallPassword: '********' } });
			expect(JSON.stringify(output('Node'))).not.toContain(PASSWORD);
		});
	});
});

describe('GravityZone Package > Get Installation Links', () => {
	const links = (server: GravityZoneServer, parameters: INodeParameters = {}) =>
		runGz(server, { ...LINKS, companyId: byId(CUSTOMER), packageName: 'Acme Endpoints', ...parameters }, { continueOnFail: true });

	it('one item per package of the company, every link field as GravityZone names it, only the package asked for', async () => {
		await withGravityZone(async (server) => {
			await createPackage(server, {});
			await createPackage(server, { packageName: 'Acme Endpoints Servers' });
			const one = (await links(server)).output('Node');
			expect(one).toHaveLength(1);
			expect(Object.keys(one[0].json).sort()).toStrictEqual(
				['packageName', 'companyName', 'companyId', 'linksReady', 'installLinkWindows', 'installLinkMac', 'installLinkMacArm', 'installLinkMacDownloader', 'installLinkLinux']
					.concat(['WindowsX32', 'WindowsX64', 'WindowsArm64', 'LinuxX32', 'LinuxX64', 'LinuxArm64'].map((kit) => `fullKit${kit}`))
					.sort(),
			);
			expect(one[0].json).toMatchObject({ packageName: 'Acme Endpoints', companyId: CUSTOMER, linksReady: true });
			const all = (await links(server, { packageName: '' })).output('Node');
			expect(all.map((item) => item.json.packageName)).toStrictEqual(['my package', 'Acme Endpoints', 'Acme Endpoints Servers']);
		});
	});

	it.each(['absent', 'empty'])('waits for links that come later (pending packages %s from the answer)', async (pendingLinks) => {
		await withGravityZone(async (server) => {
			await configure(server, { linksDelayMs: 2500, pendingLinks });
			await createPackage(server, {});
			const { output } = await links(server, { waitSeconds: 60 });
			expect(output('Node')).toHaveLength(1);
			expect(output('Node')[0].json).toMatchObject({ packageName: 'Acme Endpoints', linksReady: true, installLinkWindows: expect.stringMatching(/^https:/) });
			expect(server.rpcCalls('getInstallationLinks').length).toBeGreaterThan(1);
		});
	});

	it.each(['absent', 'empty'])('answers linksReady: false when the wait runs out (pending packages %s), never an empty success', async (pendingLinks) => {
		await withGravityZone(async (server) => {
			await configure(server, { linksDelayMs: 600_000, pendingLinks });
			await createPackage(server, {});
			const { output } = await links(server, { waitSeconds: 1 });
			expect(output('Node').map((item) => item.json)).toStrictEqual([
				pendingLinks === 'absent'
					? { packageName: 'Acme Endpoints', companyId: CUSTOMER, linksReady: false }
					: { packageName: 'Acme Endpoints', companyName: 'TestC2', companyId: CUSTOMER, linksReady: false },
			]);
		});
	});

	it('a package that does not exist is an error at once, not a wait', async () => {
		await withGravityZone(async (server) => {
			const { output } = await links(server, { packageName: 'No Such Pack', waitSeconds: 600 });
			expect(output('Node')[0].json.error).toBe(`In item 0 (the 1st): GravityZone has no installation links for a package named "No Such Pack" in company ${CUSTOMER}`);
			expect(server.rpcCalls('getInstallationLinks')).toHaveLength(1);
		});
	});
});

describe('GravityZone Package > Get Many, Get, Delete', () => {
	it('Get Many reads every page with Return All, and asks for just the limit below a page', async () => {
		await withGravityZone(async (server) => {
			for (let n = 0; n < 230; n++) server.deploy.packages.push({ id: `p${n}`, companyId: CUSTOMER, params: { packageName: `Pack ${n}` }, createdAt: 0 });
			const all = await runGz(server, { resource: 'package', operation: 'getMany', companyId: byId(CUSTOMER), returnAll: true });
			expect(all.output('Node')).toHaveLength(231);
			expect(paramsOf(server, 'getPackagesList').map((params) => params.page)).toStrictEqual([1, 2, 3]);
			server.requests.length = 0;
			const some = await runGz(server, { resource: 'package', operation: 'getMany', companyId: byId(CUSTOMER), limit: 5 });
			expect(some.output('Node').map((item) => item.json.name)).toStrictEqual(['my package', 'Pack 0', 'Pack 1', 'Pack 2', 'Pack 3']);
			expect(paramsOf(server, 'getPackagesList')).toStrictEqual([{ companyId: CUSTOMER, page: 1, perPage: 5 }]);
		});
	});

	it('Delete removes the package; its Dry Run sends nothing', async () => {
		await withGravityZone(async (server) => {
			const id = (await createPackage(server, {})).output('Node')[0].json.id as string;
			const dry = await runGz(server, { resource: 'package', operation: 'delete', packageId: id, options: { dryRun: true } });
			expect(dry.output('Node')[0].json).toMatchObject({ dryRun: true, request: { body: { method: 'deletePackage', params: { packageId: id } } } });
			expect(created(server)).toHaveLength(1);
			const done = await runGz(server, { resource: 'package', operation: 'delete', packageId: id });
			expect(done.output('Node')[0].json).toStrictEqual({ packageId: id, deleted: true });
			expect(created(server)).toHaveLength(0);
		});
	});
});
