import type { BenchClient, BenchVendor } from '../../bench/schema';
import { ESET_PASSWORD, ESET_USER } from '../../test/sandbox/eset';
import { GZ_PARTNER_KEY } from '../../test/sandbox/gravityZone';

/**
 * The workflows the benchmark publishes in n8n. Each starts with a Webhook that answers when the last
 * node has finished, with all its items; a Split Out turns the posted `customers` array into one item
 * per customer, and the client under test creates them. Client nodes continue on failure, so every
 * item ends as a result or an error item in the answer.
 */
export type Vendor = BenchVendor;
export type Client = BenchClient;
export type N8nClient = Exclude<BenchClient, 'raw'>;

export const N8N_CLIENTS: N8nClient[] = ['node', 'nodeFindOrCreate', 'httpRequest', 'httpRequestBatched'];

/** 'paced': the node's defaults (the timed run); 'unpaced': Requests per Second 0 (the CPU and memory runs). */
export type Variant = 'paced' | 'unpaced';

export interface SandboxUrls {
	esetBaseUrl: string;
	gravityZoneUrl: string;
}

export interface BenchWorkflow {
	/** File-like name; n8n's id derives from it. */
	name: string;
	/** The webhook path: POST /webhook/<path>. */
	path: string;
	json: Record<string, unknown>;
}

/** The batching n8n's docs suggest against rate limits (HTTP Request > Options > Batching): 10 items per second. */
export const BATCH = { batchSize: 10, batchInterval: 1000 };

type NodeJson = Record<string, unknown> & { name: string };

let counter = 0;
const uuid = () => `b3c4e5f6-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function node(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): NodeJson {
	return { id: uuid(), name, type, typeVersion, position: [counter * 220, 0], parameters, ...extra };
}

const webhook = (path: string) =>
	node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, { webhookId: uuid() });

const splitOut = (field: string) => node('Split Out', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: field, options: {} });

/** HTTP Request (latest version in n8n 2.41.1) sending a JSON body built by an expression. */
function httpPost(name: string, url: string, jsonBody: string, options: Record<string, unknown>, headers: Array<{ name: string; value: string }>, extra: Record<string, unknown> = {}) {
	return node(
		name,
		'n8n-nodes-base.httpRequest',
		4.5,
		{
			method: 'POST',
			url,
			...(headers.length > 0 ? { sendHeaders: true, headerParameters: { parameters: headers } } : {}),
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options,
		},
		extra,
	);
}

function chain(name: string, nodes: NodeJson[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

const CONTINUE = { onError: 'continueRegularOutput' };

function ourNode(vendor: Vendor, findOrCreate: boolean, variant: Variant): NodeJson {
	const options = findOrCreate ? {} : { ifExists: 'createAnyway' };
	const requestOptions = variant === 'unpaced' ? { requestsPerSecond: 0 } : {};
	if (vendor === 'gravityZone') {
		return node(
			'Create',
			'n8n-nodes-msp-security.gravityZone',
			1,
			{ resource: 'company', operation: 'create', type: 1, name: '={{ $json.name }}', options, requestOptions },
			{ credentials: { gravityZoneApi: { id: 'gravityZoneSandbox', name: 'GravityZone (sandbox)' } }, ...CONTINUE },
		);
	}
	return node(
		'Create',
		'n8n-nodes-msp-security.esetMsp',
		1,
		{ resource: 'company', operation: 'createCustomer', name: '={{ $json.name }}', address: { city: '={{ $json.city }}' }, options, requestOptions },
		{ credentials: { esetMspApi: { id: 'esetMspSandbox', name: 'ESET MSP (sandbox)' } }, ...CONTINUE },
	);
}

function httpNodes(vendor: Vendor, batched: boolean, urls: SandboxUrls): NodeJson[] {
	const options = batched ? { batching: { batch: BATCH } } : {};
	if (vendor === 'gravityZone') {
		// Basic auth with the API key as user name, as GravityZone documents; the sandbox key is no secret.
		const basic = Buffer.from(`${GZ_PARTNER_KEY}:`).toString('base64');
		return [
			splitOut('body.customers'),
			httpPost(
				'Create',
				`${urls.gravityZoneUrl}/api/v1.0/jsonrpc/companies`,
				"={{ JSON.stringify({ id: String($itemIndex), jsonrpc: '2.0', method: 'createCompany', params: { type: 1, name: $json.name } }) }}",
				options,
				[{ name: 'Authorization', value: `Basic ${basic}` }],
				CONTINUE,
			),
		];
	}
	// As users do it: the token from its own request (Execute Once), then the creates with a Bearer header.
	return [
		httpPost('Get token', `${urls.esetBaseUrl}/api/Token/Get`, JSON.stringify({ username: ESET_USER, password: ESET_PASSWORD }), {}, [], { executeOnce: true }),
		node('Customers', 'n8n-nodes-base.set', 3.4, {
			mode: 'raw',
			jsonOutput: "={{ JSON.stringify({ customers: $('Webhook').first().json.body.customers }) }}",
			options: {},
		}),
		splitOut('customers'),
		httpPost(
			'Create',
			`${urls.esetBaseUrl}/api/Company/Create/customer`,
			'={{ JSON.stringify({ name: $json.name, address: { city: $json.city } }) }}',
			// EMA 2 answers a create with the new ID as a bare JSON string, which the node's default
			// "Autodetect" parses twice and then fails on; its error message says to choose Text.
			{ ...options, response: { response: { responseFormat: 'text' } } },
			[{ name: 'Authorization', value: "=Bearer {{ $('Get token').first().json.accessToken }}" }],
			CONTINUE,
		),
	];
}

const isOurNode = (client: N8nClient) => client === 'node' || client === 'nodeFindOrCreate';

/**
 * References for reading the CPU and memory numbers, without a client: n8n alone (the same trigger and
 * Split Out), and n8n with one expression per item (a Set node writing `{{ $json.name }}`), the least
 * any node fed by an expression costs.
 */
export const REFERENCES = {
	baseline: { workflow: 'bench-baseline', label: 'n8n alone (Webhook and Split Out, no client)' },
	expression: { workflow: 'bench-expression', label: 'n8n with one expression per item (Webhook, Split Out, Set name = {{ $json.name }})' },
} as const;
export type Reference = keyof typeof REFERENCES;
export const isReference = (client: string): client is Reference => client in REFERENCES;

/** The HTTP Request workflows have no pacing setting: one workflow serves both runs. */
export const workflowName = (vendor: Vendor, client: N8nClient | Reference, variant: Variant) =>
	isReference(client)
		? REFERENCES[client].workflow
		: `bench-${vendor}-${client}${isOurNode(client) && variant === 'unpaced' ? '-unpaced' : ''}`;

/** Every workflow the benchmark needs: each n8n client, paced (the timed run) and unpaced. */
export function benchWorkflows(urls: SandboxUrls): BenchWorkflow[] {
	const workflows: BenchWorkflow[] = [];
	for (const vendor of ['gravityZone', 'eset'] as Vendor[]) {
		for (const client of N8N_CLIENTS) {
			for (const variant of (isOurNode(client) ? ['paced', 'unpaced'] : ['paced']) as Variant[]) {
				const name = workflowName(vendor, client, variant);
				const body = isOurNode(client)
						? [splitOut('body.customers'), ourNode(vendor, client === 'nodeFindOrCreate', variant)]
						: httpNodes(vendor, client === 'httpRequestBatched', urls);
				workflows.push({ name, path: name, json: chain(name, [webhook(name), ...body]) });
			}
		}
	}
	const baseline = REFERENCES.baseline.workflow;
	workflows.push({ name: baseline, path: baseline, json: chain(baseline, [webhook(baseline), splitOut('body.customers')]) });
	const expression = REFERENCES.expression.workflow;
	const setName = node('Set', 'n8n-nodes-base.set', 3.4, {
		mode: 'manual',
		assignments: { assignments: [{ id: uuid(), name: 'name', value: '={{ $json.name }}', type: 'string' }] },
		options: {},
	});
	workflows.push({ name: expression, path: expression, json: chain(expression, [webhook(expression), splitOut('body.customers'), setName]) });
	return workflows;
}
