import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { readListAnswer } from '../../nodes/EsetMsp/transport/listAnswer';

const node = { name: 'ESET MSP', type: 'n8n-nodes-msp-security.esetMsp', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const ctx = { getNode: () => node } as Parameters<typeof readListAnswer>[0];
const read = (response: unknown) => readListAnswer(ctx, response, 'Search/Licenses', ['search', 'Search'], 3);
const entry = { publicLicenseKey: 'AAA-BBB-CCC' };

describe('readListAnswer', () => {
	it.each([
		['a bare list', [entry], undefined],
		['search with paging.totalCount', { search: [entry], paging: { totalCount: 7 } }, 7],
		['Search with Paging.TotalCount', { Search: [entry], Paging: { TotalCount: 7 } }, 7],
		['a top-level totalCount', { search: [entry], totalCount: 7 }, 7],
		['a top-level TotalCount', { Search: [entry], TotalCount: 7 }, 7],
		['an empty list', { search: [], paging: { totalCount: 0 } }, 0],
	])('reads %s', (_what, response, totalCount) => {
		const page = read(response);
		expect(page.entries).toStrictEqual(Array.isArray(response) ? response : ((response as Record<string, unknown>).search ?? (response as Record<string, unknown>).Search));
		expect(page.totalCount).toBe(totalCount);
	});

	it.each([
		[{ licenses: [entry] }, 'an object with the keys "licenses"'],
		[{ search: 'none' }, 'an object with the keys "search"'],
		[{ search: [entry, 3] }, 'an object with the keys "search"'],
		['AAA-BBB-CCC', 'a string'],
		[null, 'null'],
		[undefined, 'nothing'],
		[42, 'a number'],
	])('refuses %j with an error naming the call and the shape', (response, shape) => {
		let caught: unknown;
		try {
			read(response);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(NodeApiError);
		expect((caught as NodeApiError).message).toBe(`ESET answered Search/Licenses with ${shape}, which this node cannot read as a list`);
		expect((caught as NodeApiError).context.itemIndex).toBe(3);
	});
});
