import { randomBytes } from 'node:crypto';

import { createAccountProblem, createPackageProblem, getMonthlyUsageProblem, setMonthlySubscriptionProblem } from './gzDeployValidation';
import type { Answer } from './loopbackServer';

/**
 * GravityZone's Packages and Accounts APIs and the licensing calls that set seats and read usage, as
 * REFERENCE-deploy.md section 1 documents them. Unconfirmed behaviour is a setting, so tests can
 * show that the node works with either answer.
 */
type Params = Record<string, unknown>;

export interface DeploySettings {
	/** How long after its creation a package has installation links (unconfirmed: 0 = at once). */
	linksDelayMs: number;
	/** What getInstallationLinks shows for a package without links yet: nothing, or the entry without links. */
	pendingLinks: 'absent' | 'empty';
	/** Where an account's e-mail must be unique (unconfirmed). */
	accountEmailScope: 'global' | 'company';
	/** The newer page asks for 12 characters, the older one and the 2017 guide for 6. */
	passwordMinLength: number;
	/** createPackage's answer: the 2017 guide's shape, a bare ID or an object (the current one is unconfirmed). */
	createPackageResult: 'records' | 'id' | 'object';
	/** One page revision spells the counter aLaCarteMonhtlyUsage. */
	usageMisspelled: boolean;
}

export const DEFAULT_DEPLOY_SETTINGS: DeploySettings = {
	linksDelayMs: 0,
	pendingLinks: 'absent',
	accountEmailScope: 'global',
	passwordMinLength: 6,
	createPackageResult: 'records',
	usageMisspelled: false,
};

export interface GzPackage {
	id: string;
	companyId: string;
	/** The createPackage params as received. */
	params: Params;
	createdAt: number;
	seeded?: true;
}

export interface GzAccount {
	id: string;
	companyId: string;
	/** The createAccount params as received, without the password. */
	params: Params;
	seeded?: true;
}

/** What the Packages and Accounts APIs need to know about the companies. */
export interface CompanyDirectory {
	rootCompanyId: string;
	name(companyId: string): string | undefined;
	/** The company's licence (createCompany's licenseSubscription), changed in place. */
	license(companyId: string): Params | undefined;
	setLicense(companyId: string, license: Params): void;
}

/** Customer companies the documented deploy examples name (REFERENCE-deploy.md section 5). */
export const DEPLOY_SEEDED_COMPANIES: Array<[string, string]> = [
	['54a1a1d3b1a43d2b347b23c1', 'TestC2'],
	['58541613aaed7090058b4567', 'bitdefender'],
	['5493dcd2b1a43df00b7b23c6', 'Example Customer D'],
	['55115935b1a43dcc4a7b23c6', 'Example Customer E'],
];
/** The account deleted in gz-delete-account.request.json, and the key's own (never listed, not deletable). */
export const SEEDED_ACCOUNT_ID = '585d3810aaed70cc068b45f8';
export const KEY_OWNER_ACCOUNT_ID = '5f0c8e1b2a3d4c5e6f7081aa';

export const USAGE_COUNTERS = [
	'endpointMonthlyUsage', 'aLaCarteMonthlyUsage', 'mspSecureMonthlyUsage', 'mspSecurePlusMonthlyUsage', 'mspSecureExtraMonthlyUsage',
	'emailSecurityMonthlyUsage', 'mobileSecurityMonthlyUsage', 'exchangeMonthlyUsage', 'encryptionMonthlyUsage', 'atsMonthlyUsage', 'edrMonthlyUsage',
];

const rpc = (id: unknown, result: unknown): Answer => ({ status: 200, body: { id, jsonrpc: '2.0', result } });
const serverError = (id: unknown, details: string): Answer => ({ status: 200, body: { id, jsonrpc: '2.0', error: { code: -32000, message: 'Server error', data: { details } } } });
const invalidParams = (id: unknown, details: string): Answer => ({ status: 200, body: { id, jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params', data: { details } } } });
const newId = () => randomBytes(12).toString('hex');
const same = (a: unknown, b: unknown) => String(a).trim().toLowerCase() === String(b).trim().toLowerCase();

/** A page of a list: `page` from 1, `perPage` 1..100 (default 30). */
function page(id: unknown, params: Params, all: unknown[]): Answer {
	const pageNumber = params.page ?? 1;
	const perPage = params.perPage ?? 30;
	if (!Number.isInteger(pageNumber) || (pageNumber as number) < 1) return invalidParams(id, 'Invalid parameter "page"');
	if (!Number.isInteger(perPage) || (perPage as number) < 1 || (perPage as number) > 100) return invalidParams(id, 'Invalid parameter "perPage": 1..100');
	const start = ((pageNumber as number) - 1) * (perPage as number);
	return rpc(id, { page: pageNumber, pagesCount: Math.ceil(all.length / (perPage as number)), perPage, total: all.length, items: all.slice(start, start + (perPage as number)) });
}

export class GzDeploy {
	readonly packages: GzPackage[] = [];

	readonly accounts: GzAccount[] = [];

	/** Usage per "companyId mm/yyyy", beyond the zeros every monthly company has. */
	readonly usage = new Map<string, Params>();

	settings: DeploySettings = { ...DEFAULT_DEPLOY_SETTINGS };

	/** Every password any GravityZone sandbox in this process received (for the secrets scan). */
	static readonly secretsReceived = new Set<string>();

	constructor(private readonly companies: CompanyDirectory) {}

	reset() {
		this.packages.length = 0;
		this.accounts.length = 0;
		this.usage.clear();
		// The packages the documented examples name: one of the key's own company, one of TestC2.
		this.packages.push(
			{ id: '55b8c1bfb1a43dd71071071b', companyId: this.companies.rootCompanyId, params: { packageName: 'Package Test' }, createdAt: 0, seeded: true },
			{ id: '5a4f2a3cb1a43d2c3d8b4567', companyId: '54a1a1d3b1a43d2b347b23c1', params: { packageName: 'my package' }, createdAt: 0, seeded: true },
		);
		this.accounts.push({
			id: SEEDED_ACCOUNT_ID,
			companyId: '58541613aaed7090058b4567',
			params: { email: 'seeded.user@bitdefender.example', profile: { fullName: 'Seeded User', language: 'en_US', timezone: 'Europe/Bucharest' }, role: 2 },
			seeded: true,
		});
		this.usage.set('55115935b1a43dcc4a7b23c6 03/2015', { endpointMonthlyUsage: 101, exchangeMonthlyUsage: 15 });
	}

	configure(settings: Record<string, unknown>) {
		for (const key of Object.keys(DEFAULT_DEPLOY_SETTINGS) as Array<keyof DeploySettings>) {
			if (key in settings) (this.settings as unknown as Record<string, unknown>)[key] = settings[key];
		}
	}

	state() {
		return { packages: this.packages, accounts: this.accounts, deploySettings: this.settings };
	}

	/** The answer to a Packages, Accounts or Licensing method of this file, or undefined for any other. */
	call(method: string, id: unknown, params: Params, accessUrl: string): Answer | undefined {
		const companyId = (params.companyId ?? this.companies.rootCompanyId) as string;
		const known = companyId === this.companies.rootCompanyId || this.companies.name(companyId) !== undefined;
		const needsCompany = ['packages.createPackage', 'packages.getPackagesList', 'accounts.createAccount', 'accounts.getAccountsList', 'licensing.setMonthlySubscription', 'licensing.getMonthlyUsage'];
		if (needsCompany.includes(method) && !known) return invalidParams(id, 'Invalid parameter "companyId": no such company');
		switch (method) {
			case 'packages.createPackage':
				return this.createPackage(id, params, companyId);
			case 'packages.getPackagesList':
				return page(id, params, this.packages.filter((item) => item.companyId === companyId).map((item) => ({ id: item.id, name: item.params.packageName, type: 4 })));
			case 'packages.getPackageDetails': {
				const found = this.packages.find((item) => item.id === params.packageId);
				if (!found) return serverError(id, 'Package not found');
				// Whether the uninstall password comes back is not documented: it does here, the worst case.
				const { packageName, description = '', language = 'en_US', modules = {}, scanMode = { type: 1 }, settings = { scanBeforeInstall: 0 } } = found.params;
				return rpc(id, { packageName, description, language, modules, scanMode, settings });
			}
			case 'packages.deletePackage': {
				const index = this.packages.findIndex((item) => item.id === params.packageId);
				if (index < 0) return serverError(id, 'Package not found');
				this.packages.splice(index, 1);
				return rpc(id, null);
			}
			case 'packages.getInstallationLinks':
				return rpc(id, this.installationLinks(params, accessUrl));
			case 'accounts.createAccount':
				return this.createAccount(id, params, companyId);
			case 'accounts.getAccountsList':
				return page(id, params, this.accounts.filter((account) => account.companyId === companyId).map((account) => this.listed(account)));
			case 'accounts.deleteAccount': {
				if (params.accountId === KEY_OWNER_ACCOUNT_ID) return serverError(id, 'You cannot delete your own account');
				const index = this.accounts.findIndex((account) => account.id === params.accountId);
				if (index < 0) return serverError(id, 'Account not found');
				this.accounts.splice(index, 1);
				return rpc(id, null);
			}
			case 'licensing.setMonthlySubscription':
				return this.setMonthlySubscription(id, params, companyId);
			case 'licensing.getMonthlyUsage':
				return this.monthlyUsage(id, params, companyId);
			default:
				return undefined;
		}
	}

	private createPackage(id: unknown, params: Params, companyId: string): Answer {
		const settings = params.settings as Params | undefined;
		if (typeof settings?.uninstallPassword === 'string') GzDeploy.secretsReceived.add(settings.uninstallPassword);
		const problem = createPackageProblem(params);
		if (problem) return invalidParams(id, problem);
		if (this.packages.some((item) => item.companyId === companyId && same(item.params.packageName, params.packageName))) {
			return serverError(id, 'A package with the same name already exists');
		}
		const created: GzPackage = { id: newId(), companyId, params, createdAt: Date.now() };
		this.packages.push(created);
		const result = { records: [created.id], success: true };
		const shapes = { records: [result], id: created.id, object: result };
		return { ...rpc(id, shapes[this.settings.createPackageResult]), commit: true };
	}

	private installationLinks(params: Params, accessUrl: string) {
		const name = typeof params.packageName === 'string' ? params.packageName.toLowerCase() : undefined;
		// Whether the name must match exactly is not documented: a partial match here, the looser case.
		const packages = this.packages.filter(
			(item) => (params.companyId === undefined || item.companyId === params.companyId) && (name === undefined || String(item.params.packageName).toLowerCase().includes(name)),
		);
		return packages.flatMap((item) => {
			const entry = { packageName: item.params.packageName, companyName: this.companies.name(item.companyId) ?? 'Sandbox MSP', companyId: item.companyId };
			if (Date.now() - item.createdAt < this.settings.linksDelayMs) return this.settings.pendingLinks === 'absent' ? [] : [entry];
			const kit = (platform: string) => `${accessUrl}/v1.0/http/downloadFullKit?packageId=${item.id}&platform=${platform}`;
			const host = 'https://sandbox-gravityzone.example';
			return [
				{
					...entry,
					installLinkWindows: `${host}/Packages/EPC/0/setupdownloader_[${item.id}].exe`,
					installLinkMac: `${host}/Packages/MAC/0/antivirus_for_mac_[${item.id}].pkg`,
					installLinkMacArm: `${host}/Packages/MAC/0/antivirus_for_mac_arm_[${item.id}].pkg`,
					installLinkMacDownloader: `${host}/Packages/MAC/0/downloader_[${item.id}].pkg`,
					installLinkLinux: `${host}/Packages/BSTNIX/0/${item.id}/installer`,
					fullKitWindowsX32: kit('windowsX32'),
					fullKitWindowsX64: kit('windowsX64'),
					fullKitWindowsArm64: kit('windowsArm64'),
					fullKitLinuxX32: kit('linuxX32'),
					fullKitLinuxX64: kit('linuxX64'),
					fullKitLinuxArm64: kit('linuxArm64'),
				},
			];
		});
	}

	private createAccount(id: unknown, params: Params, companyId: string): Answer {
		if (typeof params.password === 'string') GzDeploy.secretsReceived.add(params.password);
		const problem = createAccountProblem(params, this.settings.passwordMinLength);
		if (problem) return invalidParams(id, problem);
		const global = this.settings.accountEmailScope === 'global';
		if (this.accounts.some((account) => same(account.params.email, params.email) && (global || account.companyId === companyId))) {
			return serverError(id, 'An account with this email already exists');
		}
		const { password: _password, ...kept } = params;
		const created: GzAccount = { id: newId(), companyId, params: kept };
		this.accounts.push(created);
		return { ...rpc(id, created.id), commit: true };
	}

	private listed(account: GzAccount) {
		const { email, profile, role = 1, rights = {} } = account.params;
		return { id: account.id, email, profile, role, rights, companyName: this.companies.name(account.companyId) ?? 'Sandbox MSP', companyId: account.companyId };
	}

	private setMonthlySubscription(id: unknown, params: Params, companyId: string): Answer {
		if (params.companyId === undefined) return invalidParams(id, 'Invalid parameter "companyId": required');
		const problem = setMonthlySubscriptionProblem(params);
		if (problem) return invalidParams(id, problem);
		const { companyId: _company, removeReservedSlots, ...changes } = params;
		const license: Params = { ...(this.companies.license(companyId) ?? {}), type: 3, ...changes };
		if (removeReservedSlots === true) delete license.reservedSlots;
		if (license.endSubscription === '') delete license.endSubscription;
		this.companies.setLicense(companyId, license);
		return rpc(id, null);
	}

	private monthlyUsage(id: unknown, params: Params, companyId: string): Answer {
		const problem = getMonthlyUsageProblem(params);
		if (problem) return invalidParams(id, problem);
		const now = new Date();
		const month = (params.targetMonth as string | undefined) ?? `${String(now.getUTCMonth() + 1).padStart(2, '0')}/${now.getUTCFullYear()}`;
		const counters: Params = Object.fromEntries(USAGE_COUNTERS.map((key) => [key, 0]));
		const usage: Params = { ...counters, ...(this.usage.get(`${companyId} ${month}`) ?? {}) };
		if (this.settings.usageMisspelled) {
			usage.aLaCarteMonhtlyUsage = usage.aLaCarteMonthlyUsage;
			delete usage.aLaCarteMonthlyUsage;
		}
		return rpc(id, usage);
	}
}

/** The documented rate-limit class of each method (REFERENCE-deploy.md 1.0), the sandbox's own list. */
export function deployRateClass(api: string, method: string): 'default' | 'slow' | 'perMinute30' | undefined {
	if (['createAccount', 'deleteAccount', 'updateAccount', 'setMonthlySubscription'].includes(method)) return 'perMinute30';
	if (['getMonthlyUsage', 'getMonthlyUsagePerProductType'].includes(method)) return 'slow';
	return api === 'packages' || api === 'accounts' ? 'default' : undefined;
}
