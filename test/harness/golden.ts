import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { WorkflowFile } from './runWorkflow';

export const EXAMPLES_DIR = path.resolve(__dirname, '../../../shared/api/examples');
export const GOLDEN_DIR = path.resolve(__dirname, '../golden');

export const readJson = <T = unknown>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export const goldenWorkflow = (name: string): WorkflowFile =>
	readJson<WorkflowFile>(path.join(GOLDEN_DIR, `${name}.workflow.json`));

/** The examples of REFERENCE-deploy.md (after "company exists"). */
export const DEPLOY_EXAMPLES_DIR = path.join(EXAMPLES_DIR, 'deploy');

export const documentedRequest = <T = Record<string, unknown>>(name: string): T =>
	readJson<T>([EXAMPLES_DIR, DEPLOY_EXAMPLES_DIR].map((dir) => path.join(dir, `${name}.request.json`)).find((file) => existsSync(file)) ?? name);
