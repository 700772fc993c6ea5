import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { type Browser, type Locator, type Page, chromium } from 'playwright-core';

import { OWNER, PROJECT_ROOT } from '../../scripts/lib/n8nRuntime';
import { ALL_FIELDS_NODES } from './allFields';
import { EXAMPLES_DIR } from './context';

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

const TRIAL_NOTICE = /GravityZone creates a TRIAL company/;
/** The text of a parameter's label (without the Fixed / Expression switch beside it). */
const LABEL_TITLES = 'label.n8n-input-label [class*=title] > span';

/** What the editor shows, as the checks in n8n.e2e.ts read it. */
export interface EditorFindings {
	/** Canvas subtitle of each of our nodes, per example workflow. */
	subtitles: Record<string, Record<string, string>>;
	/** The TRIAL notice: with the bulk example's licence; on a new node; after adding a licence there. */
	trialNotice: { withLicence: boolean; newNode: boolean; afterAddingLicence: boolean };
	/** Labels inside License Subscription, top to bottom, once a licence is added to a new node. */
	licenceLabels: string[];
	/** What the licence's "Add License Field" menu offers on a new node. */
	licenceMenu: string[];
	/** Country: the dropdown's options after typing "zeal". */
	countrySearch: string[];
	/** The error panel after running an item GravityZone's Create refuses. */
	errorPanel: { message: string; items: string[]; text: string };
	/** Every label of the Create operations (every field added) and every "Add ..." menu entry, and which of them n8n cuts off. */
	labels: { count: number; cutOff: string[] };
	menus: { count: number; entries: number; cutOff: string[] };
}

/** The names of this package's nodes in an example workflow. */
function ourNodes(example: string): string[] {
	const workflow = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, `${example}.workflow.json`), 'utf8')) as { nodes: Array<{ name: string; type: string }> };
	return workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-msp-security.')).map((node) => node.name);
}

/** Texts of the elements that n8n shortens with an ellipsis (content wider than the box). */
async function cutOff(elements: Locator): Promise<string[]> {
	return await elements.evaluateAll((found) =>
		(found as unknown as Array<{ offsetParent: unknown; scrollWidth: number; clientWidth: number; textContent: string | null }>)
			.filter((element) => element.offsetParent !== null && element.scrollWidth > element.clientWidth + 1)
			.map((element) => (element.textContent ?? '').trim()),
	);
}

async function signIn(browser: Browser, baseUrl: string, height = 1000): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1400, height } });
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', OWNER.email);
	await page.fill('input[name=password]', OWNER.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((url) => !url.pathname.includes('signin'));
	return page;
}

async function openNode(page: Page, baseUrl: string, workflowId: string, nodeName: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${workflowId}`);
	await page.locator(`[data-test-id=canvas-node][data-node-name="${nodeName}"]`).dblclick();
	await page.locator('label.n8n-input-label').first().waitFor({ timeout: 30_000 });
	// The panel renders its parameters in a few passes.
	await page.waitForTimeout(1500);
}

/** A parameter's own item (the innermost one: a collection's item holds its fields' items too). */
const parameter = (page: Page, name: string) =>
	page.locator('[data-test-id=parameter-item]').filter({ has: page.locator(`label[for="${name}"]`) }).last();

const visibleTexts = async (locator: Locator) =>
	(await locator.evaluateAll((found) =>
		(found as unknown as Array<{ offsetParent: unknown; textContent: string | null }>)
			.filter((element) => element.offsetParent !== null)
			.map((element) => (element.textContent ?? '').trim()),
	)) as string[];

type Box = { parentElement: Box | null; scrollHeight: number; clientHeight: number; scrollTop: number };

/** The parameter labels rendered: a key per label (its field, text and place in the panel) and whether n8n cuts it off. */
async function measureLabels(page: Page): Promise<Array<{ key: string; cut: boolean }>> {
	return await page.locator(LABEL_TITLES).evaluateAll((found) => {
		const labels = found as unknown as Array<
			Box & {
				offsetParent: unknown;
				scrollWidth: number;
				clientWidth: number;
				textContent: string | null;
				closest(selector: string): { getAttribute(name: string): string | null } | null;
				getBoundingClientRect(): { top: number };
			}
		>;
		let panel = labels[0]?.parentElement ?? null;
		while (panel && panel.scrollHeight <= panel.clientHeight + 1) panel = panel.parentElement;
		return labels
			.filter((element) => element.offsetParent !== null)
			.map((element) => ({
				key: `${element.closest('label')?.getAttribute('for') ?? ''}|${(element.textContent ?? '').trim()}|${Math.round(element.getBoundingClientRect().top + (panel?.scrollTop ?? 0))}`,
				cut: element.scrollWidth > element.clientWidth + 1,
			}));
	});
}

/** Scrolls the parameter panel down by most of a screen; false when it was at the end already. */
async function scrollParameters(page: Page): Promise<boolean> {
	return await page.locator(LABEL_TITLES).first().evaluate((label) => {
		let box = (label as unknown as Box).parentElement;
		while (box && box.scrollHeight <= box.clientHeight + 1) box = box.parentElement;
		if (!box || box.scrollTop + box.clientHeight >= box.scrollHeight - 1) return false;
		box.scrollTop += Math.floor(box.clientHeight * 0.8);
		return true;
	}).then(async (scrolled) => {
		await page.waitForTimeout(700);
		return scrolled;
	});
}

/**
 * Opens the examples and the editor check's workflows in n8n's editor (headless Chromium) and
 * reports what it renders; saves screenshots as test artifacts.
 */
export async function inspectEditor(baseUrl: string, ids: Map<string, string>): Promise<EditorFindings> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
	}
	mkdirSync(ARTIFACTS, { recursive: true });
	const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `editor-${name}.png`) });
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const page = await signIn(browser, baseUrl);
		const bulk = ids.get('scheduled-bulk-onboarding')!;
		const check = ids.get('editor-check')!;

		// The canvases of both examples: the subtitles of our nodes.
		const subtitles: EditorFindings['subtitles'] = {};
		for (const example of ['scheduled-bulk-onboarding', 'psa-webhook-onboarding']) {
			await page.goto(`${baseUrl}/workflow/${ids.get(example)!}`);
			subtitles[example] = {};
			for (const name of ourNodes(example)) {
				const node = page.locator(`[data-test-id=canvas-node][data-node-name="${name}"]`);
				await node.waitFor();
				subtitles[example][name] = (await node.locator('[class*=subtitle]').first().innerText()).trim();
			}
			await page.waitForTimeout(1000);
			await shot(page, example === 'psa-webhook-onboarding' ? 'webhook-canvas' : 'bulk-canvas');
		}

		// The bulk example's GravityZone node: a licence with its Type, so no TRIAL notice.
		await openNode(page, baseUrl, bulk, 'Create GravityZone Company');
		const withLicence = await page.getByText(TRIAL_NOTICE).isVisible();
		await shot(page, 'gravityzone-license');

		// A new GravityZone node: the notice until a licence is added; the licence's Type first.
		await openNode(page, baseUrl, check, 'New GravityZone Company');
		const newNode = await page.getByText(TRIAL_NOTICE).isVisible();
		await parameter(page, 'licenseSubscription').locator('[data-test-id=fixed-collection-add]').click();
		await page.locator('label[for="moreFields"]').waitFor();
		const afterAddingLicence = await page.getByText(TRIAL_NOTICE).isVisible();
		const licenceLabels = await visibleTexts(parameter(page, 'licenseSubscription').locator(LABEL_TITLES));
		await parameter(page, 'moreFields').locator('[data-test-id=collection-parameter-add]').click();
		await page.locator('[data-test-id=collection-parameter-option]').visible().first().waitFor();
		const licenceMenu = await visibleTexts(page.locator('[data-test-id=collection-parameter-option]'));
		await shot(page, 'gravityzone-new-license');
		await page.keyboard.press('Escape');

		// Country: a dropdown to search.
		await parameter(page, 'additionalFields').locator('[data-test-id=collection-parameter-add]').click();
		await page.locator('[data-test-id=collection-parameter-option]').visible().filter({ hasText: /^Country$/ }).click();
		await parameter(page, 'country').locator('input').first().click();
		await page.keyboard.type('zeal');
		await page.waitForTimeout(800);
		const countrySearch = await visibleTexts(page.getByRole('option'));
		await shot(page, 'gravityzone-country');
		await page.keyboard.press('Escape');

		// The error panel after running an item that GravityZone's Create refuses.
		await page.goto(`${baseUrl}/workflow/${check}`);
		await page.locator('[data-test-id=execute-workflow-button]').click();
		await page.locator('[data-test-id=canvas-node][data-node-name="Create GravityZone Company"]').dblclick();
		const description = page.locator('[data-test-id=node-error-description]').first();
		await description.waitFor({ timeout: 60_000 });
		const errorPanel = {
			message: (await page.locator('[data-test-id=node-error-message]').first().innerText()).trim(),
			items: await visibleTexts(description.locator('li')),
			text: (await description.innerText()).trim(),
		};
		await shot(page, 'error-panel');

		// Every label of both Create operations, every field added: the panel renders what is in view,
		// so it is scrolled through, a screenshot per screenful.
		const tall = await signIn(browser, baseUrl, 2000);
		const allFields = ids.get('editor-all-fields')!;
		const labels = { count: 0, cutOff: [] as string[] };
		for (const name of [ALL_FIELDS_NODES.gravityZone[0], ALL_FIELDS_NODES.esetMsp[0]]) {
			await openNode(tall, baseUrl, allFields, name);
			const seen = new Map<string, boolean>();
			for (let screen = 1; ; screen++) {
				for (const label of await measureLabels(tall)) seen.set(label.key, (seen.get(label.key) ?? false) || label.cut);
				await tall.screenshot({ path: path.join(ARTIFACTS, `editor-${name.toLowerCase().replace(/ /g, '-')}-${screen}.png`) });
				if (!(await scrollParameters(tall))) break;
			}
			labels.count += seen.size;
			for (const [key, cut] of seen) if (cut) labels.cutOff.push(`${name}: ${key.split('|')[1]}`);
		}
		// Every "Add ..." menu (each collection added, none of its fields), entry by entry.
		const menus = { count: 0, entries: 0, cutOff: [] as string[] };
		for (const name of [ALL_FIELDS_NODES.gravityZone[1], ALL_FIELDS_NODES.esetMsp[1]]) {
			await openNode(tall, baseUrl, allFields, name);
			const adds = tall.locator('[data-test-id=collection-parameter-add]');
			const count = await adds.count();
			menus.count += count;
			for (let index = 0; index < count; index++) {
				const add = adds.nth(index);
				// A collection of one field has a button ("Add Service") instead of a menu.
				if ((await add.evaluate((element) => (element as unknown as { tagName: string }).tagName)) === 'BUTTON') {
					menus.entries += 1;
					menus.cutOff.push(...(await cutOff(add.locator('span'))).map((entry) => `${name}: ${entry}`));
					continue;
				}
				const entries = tall.locator('[data-test-id=collection-parameter-option]').visible();
				await add.locator('input').click();
				try {
					await entries.first().waitFor({ timeout: 10_000 });
				} catch {
					menus.cutOff.push(`${name}: menu ${index + 1} of ${count} did not open`);
					await tall.screenshot({ path: path.join(ARTIFACTS, `editor-menu-${index + 1}-did-not-open.png`) });
					continue;
				}
				menus.entries += await entries.count();
				menus.cutOff.push(...(await cutOff(entries.locator('span').or(entries))).map((entry) => `${name}: ${entry}`));
				if (index === 0) await tall.screenshot({ path: path.join(ARTIFACTS, `editor-${name.toLowerCase().replace(/ /g, '-')}.png`) });
				// Close it: a click on the panel's title, away from every menu.
				await tall.keyboard.press('Escape');
				await entries.first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(async () => await tall.locator('[data-test-id=node-title-container]').or(tall.getByText(name).first()).first().click());
			}
		}

		// The ESET node's address.
		await openNode(page, baseUrl, bulk, 'Create ESET Customer');
		await shot(page, 'eset-address');

		const findings: EditorFindings = {
			subtitles,
			trialNotice: { withLicence, newNode, afterAddingLicence },
			licenceLabels,
			licenceMenu,
			countrySearch,
			errorPanel,
			labels,
			menus,
		};
		writeFileSync(path.join(ARTIFACTS, 'editor-findings.json'), JSON.stringify(findings, null, '\t'));
		return findings;
	} finally {
		await browser.close();
	}
}

async function expectVisible(page: Page, texts: string[]) {
	for (const text of texts) {
		await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: 15_000 });
	}
}

/** Opens the ESET Update Quantity golden: its fields and, among its options, the seat guard; saves a screenshot. */
export async function checkLicenseEditor(baseUrl: string, workflowId: string): Promise<void> {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		const page = await signIn(browser, baseUrl);
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
