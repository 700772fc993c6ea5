import type { IDataObject } from 'n8n-workflow';

import { GZ_ROOT_COMPANY, type GravityZoneServer } from '../sandbox/gravityZone';
import { SEEDED_ACCOUNT_ID, USAGE_COUNTERS } from '../sandbox/gzDeploy';
import { documentedRequest } from './golden';

/** The API each GravityZone deploy example calls. */
export const DEPLOY_GOLDEN_API: Record<string, string> = {
	'gz-create-package': 'packages',
	'gz-get-installation-links': 'packages',
	'gz-get-packages-list': 'packages',
	'gz-create-account': 'accounts',
	'gz-get-accounts-list': 'accounts',
	'gz-delete-account': 'accounts',
	'gz-set-monthly-subscription': 'licensing',
	'gz-get-monthly-usage': 'licensing',
};

type State = ReturnType<GravityZoneServer['state']>;

/**
 * What a golden deploy workflow must output, read from the sandbox after the run (`before`: its state
 * before): the new package or account as the sandbox holds it, the listed items as it lists them.
 */
export function deployGoldenOutput(name: string, server: GravityZoneServer, before: State): IDataObject[] {
	const { params } = documentedRequest<{ params: IDataObject }>(name);
	const { packages, accounts } = server.deploy;
	switch (name) {
		case 'gz-create-package': {
			const created = packages.filter((item) => !item.seeded);
			expect(created.map((item) => item.params)).toStrictEqual([params]);
			return [{ id: created[0].id, packageName: params.packageName, companyId: params.companyId, outcome: 'created' }];
		}
		case 'gz-get-installation-links': {
			const [entry] = packages.filter((item) => item.params.packageName === params.packageName);
			return [
				expect.objectContaining({
					packageName: params.packageName,
					companyName: 'TestC2',
					companyId: params.companyId,
					installLinkWindows: expect.stringContaining(entry.id),
					installLinkMac: expect.stringContaining(entry.id),
					installLinkLinux: expect.stringContaining(entry.id),
					fullKitWindowsX64: expect.stringContaining(entry.id),
					linksReady: true,
				}),
			];
		}
		case 'gz-get-packages-list':
			return packages.filter((item) => item.companyId === GZ_ROOT_COMPANY).map((item) => ({ id: item.id, name: item.params.packageName as string, type: 4 }));
		case 'gz-create-account': {
			const created = accounts.filter((account) => !account.seeded);
			const { password: _password, ...stored } = params;
			expect(created.map((account) => account.params)).toStrictEqual([stored]);
			return [{ id: created[0].id, email: params.email, companyId: params.companyId, outcome: 'created' }];
		}
		case 'gz-get-accounts-list':
			return accounts.filter((account) => account.companyId === params.companyId).map((account) => expect.objectContaining({ id: account.id, email: account.params.email, companyId: params.companyId }));
		case 'gz-delete-account':
			expect(before.accounts.map((account) => account.id)).toContain(SEEDED_ACCOUNT_ID);
			expect(accounts.map((account) => account.id)).not.toContain(SEEDED_ACCOUNT_ID);
			return [{ accountId: params.accountId, deleted: true }];
		case 'gz-set-monthly-subscription': {
			const { companyId, ...sent } = params;
			expect(server.companies.find((company) => company.id === companyId)?.params.licenseSubscription).toStrictEqual({ type: 3, ...sent });
			return [{ companyId, subscriptionSet: true, sent }];
		}
		case 'gz-get-monthly-usage':
			return [{ companyId: params.companyId, targetMonth: params.targetMonth, ...Object.fromEntries(USAGE_COUNTERS.map((key) => [key, 0])), endpointMonthlyUsage: 101, exchangeMonthlyUsage: 15 }];
		default:
			throw new Error(`No expectation for ${name}`);
	}
}
