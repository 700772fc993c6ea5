import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { ApiField } from '../../../shared/apiFields';
import { toNodeProperty } from '../../../shared/apiFields';
import { isPlainObject } from '../../../shared/collectBody';
import { readParameters } from '../../../shared/operationParts';
import { callGravityZone } from '../../transport/jsonRpc';
import { gzCompanyIdField } from '../common';
import { listItems, sameText, unreadableAnswer } from '../paging';
import { itemLabel } from '../../../shared/errorText';

const show = { resource: ['package'], operation: ['getInstallationLinks'] };

const FIELDS: ApiField[] = [
	gzCompanyIdField('companyId', 'The company whose packages to read; leave empty for every company you manage'),
	{ key: 'packageName', displayName: 'Package Name', type: 'string', description: 'Only this package (the same name, ignoring case); leave empty for every package' },
];

export const MAX_WAIT_SECONDS = 600;

export const description: INodeProperties[] = [
	...FIELDS.map((field) => ({ ...toNodeProperty(field), displayOptions: { show } })),
	{
		displayName: 'Wait for Links (Seconds)',
		name: 'waitSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_WAIT_SECONDS },
		default: 60,
		displayOptions: { show },
		description:
			'How long to wait for the links of a package that has none yet (a package just created may need time). After that the node answers with what it has, marked linksReady: false.',
	},
	{
		displayName:
			'Hand only the installLink* links to a customer or a PSA ticket: the fullKit* downloads appear to need your API key.',
		name: 'linksNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
];

/** A package's links are there when at least one installLink* field holds a URL. */
const hasLinks = (entry: IDataObject) => Object.entries(entry).some(([key, value]) => key.startsWith('installLink') && typeof value === 'string' && value !== '');

/** Polls sparsely: 1 s, 2 s, 4 s, then every 5 s. */
const pollDelayMs = (round: number) => Math.min(5000, 1000 * 2 ** round);

/**
 * getInstallationLinks, one output item per package with every field GravityZone returns, plus
 * `linksReady`. Whether links exist the moment a package is created is not documented: a package
 * without links (or not listed yet) is asked for again until the wait runs out; then the node answers
 * with what it has, `linksReady: false`, and fails only when the package does not exist at all.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const params = readParameters(this, itemIndex, FIELDS);
	const waitSeconds = Number(this.getNodeParameter('waitSeconds', itemIndex, 60));
	if (!Number.isFinite(waitSeconds) || waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
		throw new NodeOperationError(this.getNode(), `In ${itemLabel(itemIndex)}: "waitSeconds" (Wait for Links (Seconds)) must be a number from 0 to ${MAX_WAIT_SECONDS}`, { itemIndex });
	}
	const name = typeof params.packageName === 'string' ? params.packageName : undefined;
	const deadline = Date.now() + waitSeconds * 1000;
	// Packages known to exist (from getPackagesList) while GravityZone lists no links for them.
	let listed: IDataObject[] | undefined;
	for (let round = 0; ; round++) {
		const result = await callGravityZone(this, 'packages', 'getInstallationLinks', params, itemIndex);
		if (!Array.isArray(result)) throw unreadableAnswer(this, 'getInstallationLinks', itemIndex);
		const entries = result.filter(isPlainObject).filter((entry) => name === undefined || sameText(entry.packageName, name));
		const done = entries.length > 0 && entries.every(hasLinks);
		if (done || Date.now() >= deadline) {
			if (entries.length > 0) return entries.map((entry) => ({ ...entry, linksReady: hasLinks(entry) }));
			if (listed?.length) return listed.map((item) => ({ packageName: item.name, ...(params.companyId ? { companyId: params.companyId } : {}), linksReady: false }));
			throw noLinks(this, itemIndex, params, waitSeconds);
		}
		if (entries.length === 0 && listed === undefined && params.companyId !== undefined) {
			// Nothing listed: fail at once when there is no such package, instead of waiting for it.
			listed = (await listItems(this, 'packages', 'getPackagesList', { companyId: params.companyId }, Infinity, itemIndex)).filter(
				(item) => name === undefined || sameText(item.name, name),
			);
			if (listed.length === 0) throw noLinks(this, itemIndex, params, 0);
		}
		await sleep(Math.min(pollDelayMs(round), Math.max(0, deadline - Date.now())));
	}
}

function noLinks(ctx: IExecuteFunctions, itemIndex: number, params: IDataObject, waitedSeconds: number): NodeOperationError {
	const what = params.packageName !== undefined ? `a package named "${String(params.packageName)}"` : 'any package';
	const where = params.companyId !== undefined ? ` in company ${String(params.companyId)}` : '';
	return new NodeOperationError(ctx.getNode(), `In ${itemLabel(itemIndex)}: GravityZone has no installation links for ${what}${where}${waitedSeconds ? ` (waited ${waitedSeconds} s)` : ''}`, {
		itemIndex,
		description: 'Check the company and the package name (Package > Get Many lists the packages), or create the package first (Package > Create).',
	});
}
