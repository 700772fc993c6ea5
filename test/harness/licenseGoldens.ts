import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { ESET_EXAMPLE_PARENT, type EsetServer } from '../sandbox/eset';
import { newLicense, seedLicensedCustomer } from '../sandbox/esetLicenses';
import { EXAMPLES_DIR, GOLDEN_DIR, readJson } from './golden';

/**
 * ESET's licence call templates (examples/deploy) hold placeholders ("string", 0); their goldens
 * send the realistic values of test/golden/eset-license-goldens.json instead, in the same shape.
 */
interface LicenseGoldens {
	customer: { companyId: string; name: string };
	license: { publicLicenseKey: string; productCode: string; quantity: number; usage: number; licenseType: number };
	requests: Record<string, IDataObject>;
}

export const LICENSE_GOLDENS = readJson<LicenseGoldens>(path.join(GOLDEN_DIR, 'eset-license-goldens.json'));

/** The golden names and the call each one makes. */
export const LICENSE_GOLDEN_CALLS: Record<string, string> = {
	'eset-search-licenses': '/api/Search/Licenses',
	'eset-license-detail': '/api/License/Detail',
	'eset-license-update-quantity': '/api/License/UpdateQuantity',
};

export const documentedTemplate = (name: string): IDataObject => readJson<IDataObject>(path.join(EXAMPLES_DIR, 'deploy', `${name}.request.json`));

/** The JSON type of every value, nested: a template and a realistic body of the same shape have the same outline. */
export function outline(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(outline);
	if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, outline(child)]));
	return value === null ? 'null' : typeof value;
}

/** The sandbox state every licence golden starts from: the customer with its licence. */
export function seedLicenseGoldens(server: EsetServer) {
	const { customer, license } = LICENSE_GOLDENS;
	seedLicensedCustomer(server.companies, ESET_EXAMPLE_PARENT, customer, newLicense(license.productCode, license.quantity, license.licenseType, { publicLicenseKey: license.publicLicenseKey, usage: license.usage }));
}

/** What each golden must have done: the requests it sent, the licence it left and its output. */
export function expectLicenseGolden(name: string, server: EsetServer, output: Array<Record<string, unknown>>) {
	const { customer, license, requests } = LICENSE_GOLDENS;
	// Login and the requests a stale token got refused (then sent again) left out.
	const sent = server.requests.filter((request) => request.path !== '/api/Token/Get' && request.outcome !== 401);
	const stored = server.companies.find((company) => company.companyId === customer.companyId)!.licenses[0];
	const common = { publicLicenseKey: license.publicLicenseKey, productCode: license.productCode, usage: license.usage, state: 1, stateName: 'Normal' };
	switch (name) {
		case 'eset-search-licenses':
			expect(sent.map((request) => [request.path, request.body])).toStrictEqual([['/api/Search/Licenses', requests[name]]]);
			expect(output).toStrictEqual([{ ...common, productName: 'ESET PROTECT Advanced', quantity: license.quantity, trial: false, customerId: customer.companyId, customerName: customer.name }]);
			break;
		case 'eset-license-detail':
			expect(sent.map((request) => [request.path, request.body])).toStrictEqual([['/api/License/Detail', requests[name]]]);
			expect(output).toStrictEqual([expect.objectContaining({ ...common, customerId: customer.companyId, quantity: license.quantity, trial: false })]);
			break;
		case 'eset-license-update-quantity':
			// Read first (an unchanged quantity would be refused), then the documented call.
			expect(sent.map((request) => [request.path, request.body])).toStrictEqual([
				['/api/License/Detail', { publicLicenseKey: license.publicLicenseKey }],
				['/api/License/UpdateQuantity', requests[name]],
			]);
			expect(stored.quantity).toBe(requests[name].quantity);
			expect(output).toStrictEqual([
				{ publicLicenseKey: license.publicLicenseKey, quantity: requests[name].quantity, previousQuantity: license.quantity, usage: license.usage, outcome: 'updated' },
			]);
			break;
		default:
			throw new Error(`No expectations for ${name}`);
	}
}
