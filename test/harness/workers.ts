import * as n8nWorkflow from 'n8n-workflow';
import type { INodeTypes } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypesOf } from './nodeTypes';

/**
 * Stands for one n8n process, e.g. a queue-mode worker: its own copy of the nodes' modules, so its
 * own pacer, find-or-create lock and login. n8n-workflow stays the one copy, as n8n hands its own to
 * every package it loads. Give workers a `credentialsHelper` over one store: they share the database.
 */
export interface Worker {
	nodeTypes: INodeTypes;
	credentialsHelper: TestCredentialsHelper;
}

export async function startWorkers(count: number, store = new Map()): Promise<Worker[]> {
	const workers: Worker[] = [];
	for (let n = 0; n < count; n++) {
		await jest.isolateModulesAsync(async () => {
			jest.doMock('n8n-workflow', () => n8nWorkflow);
			const { EsetMsp } = await import('../../nodes/EsetMsp/EsetMsp.node');
			const { GravityZone } = await import('../../nodes/GravityZone/GravityZone.node');
			workers.push({ nodeTypes: nodeTypesOf({ EsetMsp, GravityZone }), credentialsHelper: new TestCredentialsHelper(store) });
		});
	}
	return workers;
}

/** Runs `count` jobs, `atOnce` at a time (e.g. single-item webhook executions arriving together). */
export async function runPool(count: number, atOnce: number, job: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < count) await job(next++);
	};
	await Promise.all(Array.from({ length: Math.min(atOnce, count) }, lane));
}
