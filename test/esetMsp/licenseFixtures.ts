import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from '../harness/runWorkflow';
import { singleNodeWorkflow } from '../harness/workflows';
import { ESET_PASSWORD, ESET_ROOT_COMPANY, ESET_USER, type EsetServer } from '../sandbox/eset';
import { newLicense, type SandboxLicense, seedLicensedCustomer } from '../sandbox/esetLicenses';

export const CUSTOMER_ID = '0D5E7A41-9C3B-4F2A-8E61-3B9F2C7D1A05';
export const OTHER_CUSTOMER_ID = '7B2C9E15-4A6D-4E83-9F10-C5D8A3B6E274';
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A customer under the sandbox's own company holding a licence (25 seats of product 117 unless told). */
export function seedLicense(server: EsetServer, overrides: Partial<SandboxLicense> = {}, customerId = CUSTOMER_ID): SandboxLicense {
	const license = newLicense(overrides.productCode ?? '117', overrides.quantity ?? 25, overrides.licenseType ?? 1, overrides);
	seedLicensedCustomer(server.companies, ESET_ROOT_COMPANY, { companyId: customerId, name: `Customer ${customerId.slice(0, 4)}` }, license);
	return license;
}

export function runLicense(server: EsetServer, parameters: INodeParameters, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	return runWorkflow(singleNodeWorkflow('esetMsp', { resource: 'license', ...parameters }, options), {
		items: options.items,
		credentials: { esetMspApi: { baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD } },
	});
}

/** The calls a run made, login left out. */
export const apiCalls = (server: EsetServer) =>
	server.requests.filter((request) => request.path !== '/api/Token/Get').map((request) => [request.path, request.body]);
