import * as core from 'n8n-core';
import type { WorkflowExecute } from 'n8n-core';
import type { IExecuteData, INode, INodeIssues, INodeParameters, INodeProperties, INodeTypeDescription, IRunExecutionData, Workflow } from 'n8n-workflow';
import * as workflowModule from 'n8n-workflow';

/**
 * The few places where the harness meets differences between the n8n-core / n8n-workflow versions
 * the tests run against (2.x by default, 1.x in the matrix: scripts/test-matrix.sh). The nodes and
 * the tests themselves are the same for every version; only these harness steps adapt.
 */

/** n8n's Logger service class: in n8n-core up to n8n 1.9x, in @n8n/backend-common since. */
export function n8nLoggerClass(): unknown {
	const { Logger } = core as unknown as { Logger?: unknown };
	return Logger ?? jest.requireActual<{ Logger: unknown }>('@n8n/backend-common').Logger;
}

/** A run's execution data, started with `nodeExecutionStack` (n8n-workflow has a factory since 1.9x). */
export function newRunExecutionData(nodeExecutionStack: IExecuteData[] = []): IRunExecutionData {
	const { createRunExecutionData } = workflowModule as Partial<typeof workflowModule>;
	if (createRunExecutionData) return createRunExecutionData({ executionData: { nodeExecutionStack } });
	return {
		startData: {},
		resultData: { runData: {}, pinData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack,
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
}

const ONE_X_ISSUES_MESSAGE = 'The workflow has issues and cannot be executed for that reason. Please fix them first.';

/** As n8n-workflow 2.x's nodeIssuesToString. */
function issueTexts(issues: INodeIssues, node: INode | undefined): string[] {
	const texts: string[] = [];
	if (issues.execution !== undefined) texts.push('Execution Error.');
	for (const byParameter of [issues.parameters, issues.credentials, issues.input]) {
		for (const parameterIssues of Object.values(byParameter ?? {})) texts.push(...parameterIssues);
	}
	if (issues.typeUnknown !== undefined) texts.push(node ? `Node Type "${node.type}" is not known.` : 'Node Type is not known.');
	return texts;
}

/**
 * n8n-core 1.x refuses a workflow whose parameters have issues with a message that does not say which
 * (n8n's editor shows them instead); 2.x names them in the message. The same issues, found by the
 * same n8n-core check, are spelled out here as 2.x does, so that a test reads one message everywhere.
 */
export function withIssuesSpelledOut(error: unknown, execute: WorkflowExecute, workflow: Workflow, startNode: string): unknown {
	if (!(error instanceof Error) || error.message !== ONE_X_ISSUES_MESSAGE) return error;
	const issues = execute.checkReadyForExecution(workflow, { startNode }) ?? {};
	const entries = Object.entries(issues);
	if (entries.length !== 1) return error;
	const [nodeName, nodeIssues] = entries[0];
	const bullets = issueTexts(nodeIssues, workflow.nodes[nodeName]).map((text) => `- ${text}`);
	error.message = `The '${nodeName}' node has issues:\n${bullets.join('\n')}`;
	return error;
}

/**
 * Whether n8n-core sends an item whose json is `{ error, details }` to the error output ("Continue (using
 * error output)"): n8n 2.x takes any json whose keys are among error, message and details; n8n 1.x only
 * `{ error }` or `{ error, message }`, and leaves the others on the regular output.
 */
export function errorOutputTakesDetails(): boolean {
	const { version } = jest.requireActual<{ version: string }>('n8n-core/package.json');
	return Number(version.split('.')[0]) >= 2;
}

/**
 * Whether the editor shows `parameter` for these values, as n8n-workflow's displayParameter decides with the
 * node's root values: n8n-workflow 1.83 takes them as its 4th argument, later versions take the node type's
 * description there and the root values 5th.
 */
export function displaysParameter(values: INodeParameters, parameter: INodeProperties, description: INodeTypeDescription): boolean {
	const display = workflowModule.NodeHelpers.displayParameter as (...args: unknown[]) => boolean;
	const takesDescription = display.length >= 5;
	return takesDescription ? display(values, parameter, { typeVersion: 1 }, description, values) : display(values, parameter, { typeVersion: 1 }, values);
}
