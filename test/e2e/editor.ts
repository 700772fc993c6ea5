import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { type Browser, type Page, chromium } from 'playwright-core';

import { OWNER, PROJECT_ROOT } from '../../scripts/lib/n8nRuntime';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(PROJECT_ROOT, 'test-artifacts');

// As the machine notes say: without these flags Chromium keeps calling out to a closed network.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function expectVisible(page: Page, texts: string[]) {
	for (const text of texts) {
		await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
	}
}

async function signedIn(browser: Browser, baseUrl: string): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', OWNER.email);
	await page.fill('input[name=password]', OWNER.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((url) => !url.pathname.includes('signin'));
	return page;
}

/**
 * Opens the bulk example in n8n's editor in headless Chromium, opens the GravityZone node (licence
 * subscription fields) and the ESET node (address fields), and saves screenshots as test artifacts.
 */
export async function checkEditor(baseUrl: string, workflowId: string): Promise<void> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
	}
	mkdirSync(ARTIFACTS, { recursive: true });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const page = await signedIn(browser, baseUrl);
		await page.goto(`${baseUrl}/workflow/${workflowId}`);

		await page.locator('[data-test-id=canvas-node][data-node-name="Create GravityZone Company"]').dblclick();
		await expectVisible(page, ['License Subscription', 'Reserved Slots', 'Assigned Product Type', 'Additional Fields']);
		await page.getByText(/GravityZone creates a TRIAL company/).waitFor();
		// The first "add" select of the node is the licence's: open it and see the fields it offers.
		await page.locator('[data-test-id=collection-parameter-add]').first().click();
		for (const option of ['License Key', 'End Subscription', 'Own Use', 'Resell', 'Assigned Protection Model']) {
			await page.getByRole('option', { name: option, exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
		}
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-gravityzone-license.png') });
		await page.goto(`${baseUrl}/workflow/${workflowId}`);

		await page.locator('[data-test-id=canvas-node][data-node-name="Create ESET Customer"]').dblclick();
		await expectVisible(page, ['Address', 'Street Address', 'City', 'ZIP Code', 'State', 'Additional Fields']);
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-eset-address.png') });
	} finally {
		await browser.close();
	}
}

/** Opens the ESET Update Quantity golden: its fields and, among its options, the seat guard; saves a screenshot. */
export async function checkLicenseEditor(baseUrl: string, workflowId: string): Promise<void> {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const page = await signedIn(browser, baseUrl);
		await page.goto(`${baseUrl}/workflow/${workflowId}`);
		await page.locator('[data-test-id=canvas-node][data-node-name="License"]').dblclick();
		await expectVisible(page, ['Public License Key', 'Quantity', 'Options']);
		await page.locator('[data-test-id=collection-parameter-add]').first().click();
		for (const option of ['Dry Run', 'Most Seats Added or Removed at Once']) {
			await page.getByRole('option', { name: option, exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
		}
		await page.screenshot({ path: path.join(ARTIFACTS, 'editor-eset-license-update-quantity.png') });
	} finally {
		await browser.close();
	}
}
