import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeTypes,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { newRunExecutionData, withIssuesSpelledOut } from './n8nVersions';
import { nodeTypes } from './nodeTypes';
import { scanForSecrets } from './secretScan';

export interface WorkflowFile {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowBase['settings'];
}

export interface RunOptions {
	/** Items the Manual Trigger passes on (a webhook-shaped payload, a CSV's rows...). */
	items?: IDataObject[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Reuse one helper across runs, as n8n reuses its credentials database. */
	credentialsHelper?: TestCredentialsHelper;
	/** The node types to run with (another process's copy of the nodes, see test/harness/workers.ts). */
	nodeTypes?: INodeTypes;
}

export interface RunResult {
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
	/** Output items of a node (first run, first output). */
	output(nodeName: string): INodeExecutionData[];
	/** The error a node stopped the workflow with, if any. */
	error(): IRun['data']['resultData']['error'];
}

export function additionalDataFor(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Code runners are not part of these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs a workflow through n8n-core's real WorkflowExecute, as n8n does for a manual execution. */
export async function runWorkflow(file: WorkflowFile, options: RunOptions = {}): Promise<RunResult> {
	const credentialsHelper = options.credentialsHelper ?? new TestCredentialsHelper();
	for (const [type, data] of Object.entries(options.credentials ?? {})) {
		credentialsHelper.setCredentials(type, data);
	}
	const workflow = new Workflow({
		id: 'test',
		name: file.name ?? 'test',
		nodes: file.nodes,
		connections: file.connections,
		nodeTypes: options.nodeTypes ?? nodeTypes,
		settings: file.settings,
		active: false,
	});
	const workflowData = {
		id: 'test',
		name: file.name ?? 'test',
		nodes: file.nodes,
		connections: file.connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData);
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolveFinished(fullRunData));

	const startNode = workflow.getStartNode();
	if (!startNode) throw new Error('The workflow has no start node');
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = newRunExecutionData([{ node: startNode, data: { main: [items] }, source: null }]);

	const execute = new WorkflowExecute(
		additionalDataFor(credentialsHelper, hooks),
		'manual',
		runExecutionData,
	);
	try {
		await execute.processRunExecutionData(workflow);
	} catch (error) {
		throw withIssuesSpelledOut(error, execute, workflow, startNode.name);
	}
	const run = await finished;
	scanForSecrets('run', run.data.resultData);
	return {
		run,
		credentialsHelper,
		output(nodeName) {
			const taskData = run.data.resultData.runData[nodeName]?.[0];
			if (!taskData) throw new Error(`Node "${nodeName}" did not run`);
			if (taskData.error) throw taskData.error;
			return taskData.data?.main[0] ?? [];
		},
		error() {
			return run.data.resultData.error;
		},
	};
}
