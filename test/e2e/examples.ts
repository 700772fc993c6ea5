import { ESET_ROOT_COMPANY } from '../sandbox/eset';
import { newLicense, seedLicensedCustomer } from '../sandbox/esetLicenses';
import { GZ_ROOT_COMPANY } from '../sandbox/gravityZone';
import type { E2eContext } from './context';

/**
 * What the example workflows must do, as the e2e checks it: the CSV rows of the bulk example, the
 * customer that exists before the bulk run, the webhook payloads, and the sandbox's view of them.
 */
type Run = Awaited<ReturnType<E2eContext['n8n']['execute']>>;
type Json = Record<string, unknown>;

/** examples/customers.csv without its last row (PSA-2004, country "NZL": refused by GravityZone's check). */
export const CSV_ROWS = [
	{ psaId: 'PSA-2001', name: 'Northwind Dental', street: '1 Harbor Way', city: 'Seattle', zip: '98101', state: 'Washington', country: 'US', countrySubdivision: 'US-WA', email: 'it@northwind-dental.example', seats: 15 },
	{ psaId: 'PSA-2002', name: 'Contoso Legal', street: '22 Elm Street', city: 'Austin', zip: '78701', state: 'Texas', country: 'US', countrySubdivision: 'US-TX', email: 'admin@contoso-legal.example', seats: 40 },
	{ psaId: 'PSA-2003', name: 'Fabrikam Clinics', street: '5 Rue de Rivoli', city: 'Paris', zip: '75001', state: 'Ile-de-France', country: 'FR', countrySubdivision: 'FR-75', email: 'it@fabrikam.example', seats: 25 },
];
/** The ESET product the bulk example sells (its "Keep the Licence We Sell" and "Order ESET Licence"). */
export const SOLD_PRODUCT = '117';

/** Contoso Legal (PSA-2002) is a customer already: in ESET with 30 seats of the sold product and a mail licence, in GravityZone with 30 reserved seats. */
export const CONTOSO = { esetId: 'C0A7B5E1-2002-4000-8000-0000C0A7B5E1', gravityZoneId: 'c0a7b5e12002400080000c0a' };

export function seedContoso(context: E2eContext) {
	const customer = seedLicensedCustomer(context.eset.companies, ESET_ROOT_COMPANY, { companyId: CONTOSO.esetId, name: 'Contoso Legal' }, newLicense(SOLD_PRODUCT, 30, 1));
	customer.body.customIdentifier = 'PSA-2002';
	customer.licenses.push(newLicense('205', 5, 1));
	context.gravityZone.companies.push({
		id: CONTOSO.gravityZoneId,
		params: { type: 1, name: 'Contoso Legal', licenseSubscription: { type: 3, reservedSlots: 30, assignedProductType: 0 } },
		parentId: GZ_ROOT_COMPANY,
		isSuspended: false,
		createdAt: '2024-01-01T00:00:00Z',
	});
}

export const rowResults = (run: Run) => run.runData['Row Result'][0].data!.main[0].map((item) => item.json);
export const summary = (run: Run) => run.runData.Summary[0].data!.main[0].map((item) => item.json);

/** Each row's customer in ESET (by PSA ID) with its licences: product, quantity. */
export function esetLicences(context: E2eContext) {
	return Object.fromEntries(
		context.eset.companies
			.filter((company) => typeof company.body.customIdentifier === 'string')
			.map((company) => [company.body.customIdentifier, company.licenses.map((license) => [license.productCode, license.quantity])]),
	);
}

/** Each row's company in GravityZone (by name) with its reserved seats. */
export function gravityZoneSeats(context: E2eContext) {
	return Object.fromEntries(
		context.gravityZone.companies
			.filter((company) => !company.seeded)
			.map((company) => [company.params.name, (company.params.licenseSubscription as Json | undefined)?.reservedSlots]),
	);
}

/** The writes of both consoles (what the bulk example must not repeat): each path or method and how often it was sent. */
export function writesSent(context: E2eContext) {
	return {
		eset: ['/api/Company/Create/customer', '/api/License/Order', '/api/License/UpdateQuantity'].map((path) => [path, context.eset.calls(path).length]),
		gravityZone: ['createCompany', 'setMonthlySubscription'].map((method) => [method, context.gravityZone.rpcCalls(method).length]),
	};
}

/** The bodies sent to one ESET path, and the params of one GravityZone method. */
export const esetSent = (context: E2eContext, path: string) => context.eset.calls(path).map((request) => request.body as Json);
export const gravityZoneSent = (context: E2eContext, method: string) => context.gravityZone.rpcCalls(method).map((request) => (request.body as { params: Json }).params);

export const ADMIN = { email: 'jane.doe@blueyonder.example', name: 'Jane Doe' };

/** The PSA webhook's payload: a customer, the seats, optionally the customer's IT admin. */
export function webhookPayload(psaId: string, country: string, admin?: { email: string; name?: string }) {
	return {
		psaId,
		seats: 30,
		company: {
			name: `Blue Yonder Dental ${psaId}`,
			street: '7 Pier Road',
			city: 'San Diego',
			zip: '92101',
			state: 'California',
			country,
			countrySubdivision: 'US-CA',
			email: 'it@blueyonder.example',
		},
		...(admin ? { admin } : {}),
	};
}

/** What the sandbox holds for a company: its packages and accounts (the seeded ones left out), and the installLink* links GravityZone gives for its package. */
export function deployedIn(context: E2eContext, companyId: string) {
	const { deploy } = context.gravityZone;
	const packages = deploy.packages.filter((item) => item.companyId === companyId);
	const accounts = deploy.accounts.filter((account) => account.companyId === companyId);
	const answer = deploy.call('packages.getInstallationLinks', 1, { companyId }, context.info.gravityZone.accessUrl)!;
	const entries = (answer.body as { result: Json[] }).result;
	const installLinks = entries.map((entry) => Object.fromEntries(Object.entries(entry).filter(([key]) => key.startsWith('installLink'))));
	return { packages, accounts, installLinks };
}

/**
 * The bulk example run twice (and once more with a licence search failing): Contoso Legal exists in both
 * consoles with fewer seats; the other rows are new. The CSV's seats are set as a target, and the same
 * CSV again sends no write.
 */
export async function expectSeatsAsTarget(context: E2eContext): Promise<void> {
	seedContoso(context);
	const run = await context.n8n.execute(context.ids.get('scheduled-bulk-onboarding')!);
	expect(run.status).toBe('success');
	const [northwind, , fabrikam] = CSV_ROWS;
	// Row 4 (PSA-2004) has the country "NZL": GravityZone's check refuses it, so it is written in neither console.
	// Contoso Legal (PSA-2002) exists in both consoles: found, not created.
	// Items run in parallel (Request Options > Concurrency): compare in the CSV's order.
	const byName = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.name).localeCompare(String(b.name));
	expect(esetSent(context, '/api/Company/Create/customer').sort(byName)).toStrictEqual(
		[fabrikam, northwind].map(({ psaId, name, street, city, zip, state, email }) => ({
			name,
			address: { streetAddress: street, city, zipCode: zip, state },
			email,
			customIdentifier: psaId,
			tags: [{ tag: 'bulk-import' }],
		})),
	);
	expect(gravityZoneSent(context, 'createCompany').sort(byName)).toStrictEqual(
		[fabrikam, northwind].map(({ psaId, name, country, countrySubdivision, seats }) => ({
			type: 1,
			name,
			licenseSubscription: { type: 3, reservedSlots: seats, assignedProductType: 0 },
			country,
			state: countrySubdivision,
			customFields: { psaId },
		})),
	);
	// Seats as a target. ESET: an order for the new customers (they have no licence), Contoso's licence of the
	// product sold updated from 30 to 40 (its mail licence left alone). GravityZone: the new companies got their
	// seats at creation; Contoso's reservation set from 30 to 40.
	const customerId = (psaId: string) => context.eset.companies.find((company) => company.body.customIdentifier === psaId)!.companyId;
	const orders = esetSent(context, '/api/License/Order').sort((a, b) => Number(a.quantity) - Number(b.quantity));
	expect(orders).toStrictEqual([northwind, fabrikam].map(({ psaId, seats }) => ({ customerId: customerId(psaId), productCode: SOLD_PRODUCT, quantity: seats, licenseType: 1 })));
	const contosoLicence = context.eset.companies.find((company) => company.companyId === CONTOSO.esetId)!.licenses[0].publicLicenseKey;
	expect(esetSent(context, '/api/License/UpdateQuantity')).toStrictEqual([{ quantity: 40, publicLicenseKey: contosoLicence }]);
	expect(gravityZoneSent(context, 'setMonthlySubscription')).toStrictEqual([{ companyId: CONTOSO.gravityZoneId, reservedSlots: 40 }]);
	const seatsAsInCsv = {
		eset: { 'PSA-2001': [[SOLD_PRODUCT, 15]], 'PSA-2002': [[SOLD_PRODUCT, 40], ['205', 5]], 'PSA-2003': [[SOLD_PRODUCT, 25]] },
		gravityZone: { 'Northwind Dental': 15, 'Contoso Legal': 40, 'Fabrikam Clinics': 25 },
	};
	expect({ eset: esetLicences(context), gravityZone: gravityZoneSeats(context) }).toStrictEqual(seatsAsInCsv);
	expect(summary(run)).toStrictEqual([
		{ result: 'created', count_psaId: 2, concatenated_psaId: 'PSA-2001, PSA-2003' },
		{ result: 'existing', count_psaId: 1, concatenated_psaId: 'PSA-2002' },
		{ result: 'failed', count_psaId: 1, concatenated_psaId: 'PSA-2004' },
	]);
	const failed = { psaId: 'PSA-2004', name: 'Tailspin Toys', result: 'failed', seats: '', esetSeats: '', gravityZoneSeats: '' };
	expect(rowResults(run)).toStrictEqual([
		{ psaId: 'PSA-2001', name: 'Northwind Dental', result: 'created', seats: '15', esetSeats: 'ordered', gravityZoneSeats: 'unchanged', error: '' },
		{ psaId: 'PSA-2002', name: 'Contoso Legal', result: 'existing', seats: '40', esetSeats: 'updated', gravityZoneSeats: 'set', error: '' },
		{ psaId: 'PSA-2003', name: 'Fabrikam Clinics', result: 'created', seats: '25', esetSeats: 'ordered', gravityZoneSeats: 'unchanged', error: '' },
		{
			...failed,
			error: 'In item 3 (the 4th): "country" (Country) must be a 2-letter ISO 3166-1 country code such as US or DE (got "NZL"; did you mean "NZ"?)',
		},
	]);

	// The next morning the same export comes again: nothing is written, the seats stay as they are.
	const writes = writesSent(context);
	const again = await context.n8n.execute(context.ids.get('scheduled-bulk-onboarding')!);
	expect(again.status).toBe('success');
	expect(writesSent(context)).toStrictEqual(writes);
	expect({ eset: esetLicences(context), gravityZone: gravityZoneSeats(context) }).toStrictEqual(seatsAsInCsv);
	expect(summary(again)).toStrictEqual([
		{ result: 'existing', count_psaId: 3, concatenated_psaId: 'PSA-2001, PSA-2002, PSA-2003' },
		{ result: 'failed', count_psaId: 1, concatenated_psaId: 'PSA-2004' },
	]);
	expect(rowResults(again).map(({ esetSeats, gravityZoneSeats }) => [esetSeats, gravityZoneSeats])).toStrictEqual([
		['unchanged', 'unchanged'], ['unchanged', 'unchanged'], ['unchanged', 'unchanged'], ['', ''],
	]);

	// A licence search that fails is that row's failure: the row never takes it for "no licence" (no order).
	context.eset.scriptNext((request) => request.path === '/api/Search/Licenses', { status: 403, body: {} });
	const searchFailed = await context.n8n.execute(context.ids.get('scheduled-bulk-onboarding')!);
	expect(writesSent(context)).toStrictEqual(writes);
	expect(summary(searchFailed)).toStrictEqual([
		{ result: 'failed', count_psaId: 2, concatenated_psaId: 'PSA-2001, PSA-2004' },
		{ result: 'existing', count_psaId: 2, concatenated_psaId: 'PSA-2002, PSA-2003' },
	]);
	expect(rowResults(searchFailed)[0]).toMatchObject({ psaId: 'PSA-2001', result: 'failed', error: expect.stringContaining('HTTP 403') });
}
