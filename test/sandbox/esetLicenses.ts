import { randomInt } from 'node:crypto';

import type { Answer } from './loopbackServer';
import type { EsetCompany } from './eset';

/** A licence as License/Detail documents it (plus what the sandbox needs to judge calls). */
export interface SandboxLicense {
	publicLicenseKey: string;
	productCode: string;
	productName: string;
	quantity: number;
	/** Activated units. */
	usage: number;
	/** 1 full, 4 trial. */
	licenseType: number;
	/** LicenseStates: 0 Error, 1 Normal, 2 Obsolete, 3 Suspended, 4 Warning. */
	state: number;
	trialExpiration: string | null;
	trialExtensions: number | null;
	expired: boolean;
	lastUpdate: string;
	lastUpdateBy: string;
}

/** How the undocumented list answers are shaped: Search/Licenses (`search` / `Search` / a bare list) and the usage reports. */
export interface LicenseShapes {
	licenseListShape?: 'search' | 'Search' | 'bare';
	usageReportShape?: 'keyed' | 'bare';
}

/** Product codes are numeric strings from AvailableProducts; no list is published, these stand in. */
export const ESET_PRODUCTS: Record<string, { name: string; category: string }> = {
	'116': { name: 'ESET PROTECT Entry', category: 'Endpoint protection' },
	'117': { name: 'ESET PROTECT Advanced', category: 'Endpoint protection' },
	'118': { name: 'ESET PROTECT Complete', category: 'Endpoint protection' },
	'205': { name: 'ESET Mail Security', category: 'Mail security' },
};

/** Above this, UpdateQuantity answers QuantityIsOutOfRange (ESET's real range per product is not published). */
const MAX_QUANTITY = 100_000;
const API_USER_ID = 'A1B2C3D4-0000-4000-8000-00000000AB01';
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ok = (body?: unknown): Answer => ({ status: 200, body });
const badRequest = (errors: Record<string, string[]>): Answer => ({ status: 400, body: errors });
/** An application error: `code` 8 = licence calls; names as ESET spells them (error_codes.html). */
const licenseError = (subCode: number, message: string): Answer => ({ status: 400, body: { code: 8, subCode, message } });

const ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWX';
/** A public licence key, XXX-XXX-XXX. */
export const newLicenseKey = () =>
	Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');

export function newLicense(productCode: string, quantity: number, licenseType: number, overrides: Partial<SandboxLicense> = {}): SandboxLicense {
	const trial = licenseType === 4;
	return {
		publicLicenseKey: newLicenseKey(),
		productCode,
		productName: ESET_PRODUCTS[productCode]?.name ?? `ESET product ${productCode}`,
		quantity,
		usage: 0,
		licenseType,
		state: 1,
		trialExpiration: trial ? new Date(Date.now() + 30 * DAY_MS).toISOString() : null,
		trialExtensions: trial ? 0 : null,
		expired: false,
		lastUpdate: new Date().toISOString(),
		lastUpdateBy: API_USER_ID,
		...overrides,
	};
}

/** Adds a customer (if absent) holding one licence: the state the licence goldens start from. */
export function seedLicensedCustomer(companies: EsetCompany[], parentCompanyId: string, customer: { companyId: string; name: string }, license: SandboxLicense) {
	let company = companies.find((candidate) => candidate.companyId === customer.companyId);
	if (!company) {
		const now = new Date().toISOString();
		company = { ...customer, parentCompanyId, type: 1007, status: 'Active', created: now, modified: now, body: { name: customer.name, address: { city: 'Bratislava' } }, licenses: [] };
		companies.push(company);
	}
	company.licenses.push(license);
	return company;
}

function paging(body: Record<string, unknown>): [number, number] | Answer {
	const skip = body.skip ?? 0;
	const take = body.take ?? 100;
	if (!Number.isInteger(skip) || (skip as number) < 0) return badRequest({ skip: ['skip must be 0 or more'] });
	if (!Number.isInteger(take) || (take as number) < 1 || (take as number) > 100) return badRequest({ take: ['take must be 1..100'] });
	return [skip as number, take as number];
}

/** EMA 2's licence calls: Order, Search/Licenses, License/Detail, License/UpdateQuantity and the usage reports. */
export class EsetLicenseApi {
	constructor(
		private readonly companies: EsetCompany[],
		private readonly shapes: LicenseShapes,
	) {}

	answer(route: string, body: Record<string, unknown>): Answer | undefined {
		switch (route) {
			case 'POST /api/License/Order':
				return this.order(body);
			case 'POST /api/Search/Licenses':
				return this.search(body);
			case 'POST /api/License/Detail':
				return this.withLicense(body, (license, owner) => ok(this.detail(license, owner)));
			case 'POST /api/License/UpdateQuantity':
				return this.withLicense(body, (license) => this.updateQuantity(license, body.quantity));
		}
		const report = /^POST \/api\/UsageReport\/(Monthly\/products|Monthly\/categories|Daily\/categories|SelectedCompanies\/categories|AllCompanies\/categories)$/.exec(route);
		return report ? this.usageReport(report[1], body) : undefined;
	}

	private company(companyId: unknown): EsetCompany | undefined {
		return this.companies.find((company) => company.companyId.toLowerCase() === String(companyId).toLowerCase());
	}

	private order(body: Record<string, unknown>): Answer {
		const customer = this.company(body.customerId);
		if (!customer) return { status: 404, body: { code: 10, subCode: 1, message: 'Company not found' } };
		if (customer.type !== 1007) return badRequest({ customerId: ['Licenses can be ordered for customers only.'] });
		if (!Number.isInteger(body.quantity) || (body.quantity as number) < 1) return badRequest({ quantity: ['The input was not valid.'] });
		if (body.licenseType !== 1 && body.licenseType !== 4) return badRequest({ licenseType: ['Use 1 (full) or 4 (trial).'] });
		if (typeof body.productCode !== 'string' || body.productCode === '') return badRequest({ productCode: ['The product code is required.'] });
		const license = newLicense(body.productCode, body.quantity as number, body.licenseType);
		customer.licenses.push(license);
		return ok(license.publicLicenseKey);
	}

	private summary(license: SandboxLicense, owner: EsetCompany) {
		const { publicLicenseKey, productCode, productName, quantity, usage, state } = license;
		return { publicLicenseKey, productCode, productName, quantity, usage, state, trial: license.licenseType === 4, customerId: owner.companyId, customerName: owner.body.name };
	}

	private detail(license: SandboxLicense, owner: EsetCompany) {
		return {
			customerId: owner.companyId,
			lastUpdate: license.lastUpdate,
			lastUpdateBy: license.lastUpdateBy,
			publicLicenseKey: license.publicLicenseKey,
			productCode: license.productCode,
			productName: license.productName,
			quantity: license.quantity,
			usage: license.usage,
			state: license.state,
			trial: license.licenseType === 4,
			trialExpiration: license.trialExpiration,
			trialExtensions: license.trialExtensions,
		};
	}

	private search(body: Record<string, unknown>): Answer {
		const page = paging(body);
		if (!Array.isArray(page)) return page;
		if (body.keyword !== undefined && typeof body.keyword !== 'string') return badRequest({ keyword: ['The keyword must be text.'] });
		const keyword = String(body.keyword ?? '').toLowerCase();
		const owners = body.customerId === undefined || body.customerId === '' ? this.companies : [this.company(body.customerId)];
		if (owners[0] === undefined) return badRequest({ customerId: ['The customer was not found.'] });
		const found = (owners as EsetCompany[]).flatMap((owner) =>
			owner.licenses
				.filter((license) => [license.productCode, license.productName, license.publicLicenseKey].some((value) => value.toLowerCase().includes(keyword)))
				.map((license) => this.summary(license, owner)),
		);
		const entries = found.slice(page[0], page[0] + page[1]);
		switch (this.shapes.licenseListShape ?? 'search') {
			case 'Search':
				return ok({ Search: entries, Paging: { Skip: page[0], Take: page[1], TotalCount: found.length } });
			case 'bare':
				return ok(entries);
			default:
				return ok({ search: entries, paging: { skip: page[0], take: page[1], totalCount: found.length } });
		}
	}

	private withLicense(body: Record<string, unknown>, then: (license: SandboxLicense, owner: EsetCompany) => Answer): Answer {
		if (typeof body.publicLicenseKey !== 'string' || body.publicLicenseKey === '') return badRequest({ publicLicenseKey: ['The PublicLicenseKey field is required.'] });
		for (const owner of this.companies) {
			const license = owner.licenses.find((candidate) => candidate.publicLicenseKey.toUpperCase() === (body.publicLicenseKey as string).toUpperCase());
			if (license) return then(license, owner);
		}
		return badRequest({ publicLicenseKey: ['The license was not found.'] });
	}

	private updateQuantity(license: SandboxLicense, quantity: unknown): Answer {
		if (!Number.isInteger(quantity) || (quantity as number) < 1) return licenseError(18, 'InvalidQuantity');
		if (license.expired) return licenseError(37, 'LicenseIsExpired');
		if (license.state === 3) return licenseError(23, 'LicenseIsNotActive');
		if ((quantity as number) > MAX_QUANTITY) return licenseError(30, 'QuantityIsOutOfRange');
		if (quantity === license.quantity) return licenseError(48, 'LicenseQunatityIsEqualToPrevious');
		license.quantity = quantity as number;
		license.lastUpdate = new Date().toISOString();
		// A write: the "drop after commit" fault applies (the change is made, the answer lost).
		return { ...ok({}), commit: true };
	}

	private usageReport(report: string, body: Record<string, unknown>): Answer {
		const page = paging(body);
		if (!Array.isArray(page)) return page;
		const errors: Record<string, string[]> = {};
		for (const key of ['from', 'to']) if (typeof body[key] !== 'string' || !DATE.test(body[key] as string)) errors[key] = [`The ${key} field must be a date (YYYY-MM-DD).`];
		if (!errors.from && !errors.to && (body.from as string) > (body.to as string)) errors.to = ['to must not be before from.'];
		let companies: Array<EsetCompany | undefined>;
		if (report.startsWith('AllCompanies')) companies = this.companies.filter((company) => company.licenses.length > 0);
		else if (report.startsWith('SelectedCompanies')) {
			const ids = body.companyIds;
			if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && GUID.test(id))) errors.companyIds = ['The companyIds field must list company IDs.'];
			companies = Array.isArray(ids) ? ids.map((id) => this.company(id)) : [];
		} else {
			if (typeof body.companyId !== 'string' || !GUID.test(body.companyId)) errors.companyId = ['The companyId field is required.'];
			companies = [this.company(body.companyId)];
		}
		const filterKey = report.endsWith('products') ? 'codes' : 'categories';
		const filter = body[filterKey];
		if (filter !== undefined && (!Array.isArray(filter) || !filter.every((entry) => typeof entry === 'string'))) errors[filterKey] = [`The ${filterKey} field must be a list of strings.`];
		if (Object.keys(errors).length > 0) return badRequest(errors);
		if (companies.some((company) => company === undefined)) return badRequest({ companyId: ['The company was not found.'] });
		const days = (Date.parse(body.to as string) - Date.parse(body.from as string)) / DAY_MS + 1;
		const wanted = (value: string) => !Array.isArray(filter) || filter.length === 0 || filter.includes(value);
		const rows = (companies as EsetCompany[]).flatMap((company) => this.reportRows(company, report, days, body.from as string, wanted));
		const entries = rows.slice(page[0], page[0] + page[1]);
		if (this.shapes.usageReportShape === 'bare') return ok(entries);
		return ok({ [report.endsWith('products') ? 'products' : 'categories']: entries, totalCount: rows.length });
	}

	/** One row per product (or category) and licence type: seatDays = activated units x days, seats = ordered units (0 when suspended). */
	private reportRows(company: EsetCompany, report: string, days: number, from: string, wanted: (value: string) => boolean) {
		const byProduct = report.endsWith('products');
		const rows = new Map<string, Record<string, unknown>>();
		for (const license of company.licenses) {
			const code = byProduct ? license.productCode : ESET_PRODUCTS[license.productCode]?.category ?? 'Other';
			if (!wanted(code)) continue;
			const key = `${code}/${license.licenseType}`;
			const row = rows.get(key) ?? { code, name: byProduct ? license.productName : code, licenseType: license.licenseType, companyId: company.companyId, companyName: company.body.name, seatDays: 0, seats: 0, totalUsage: 0 };
			row.seatDays = (row.seatDays as number) + license.usage * days;
			row.totalUsage = row.seatDays;
			row.seats = (row.seats as number) + (license.state === 3 ? 0 : license.quantity);
			rows.set(key, row);
		}
		if (!report.startsWith('Daily')) return [...rows.values()];
		const date = (day: number) => new Date(Date.parse(from) + day * DAY_MS).toISOString().slice(0, 10);
		return [...rows.values()].map((row) => ({ ...row, usagePerDays: Array.from({ length: days }, (_, day) => ({ date: date(day), usage: (row.seatDays as number) / days })) }));
	}
}
