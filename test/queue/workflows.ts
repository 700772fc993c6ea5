import type { Vendor } from '../../scripts/bench/workflows';

/**
 * The queue suite's webhook workflow, one per vendor: Webhook -> Create (If It Already Exists: Return the
 * Existing Company) -> Respond to Webhook with the created or found company. A failed Create fails the
 * execution, and n8n answers the call with HTTP 500.
 */
export const onboardingPath = (vendor: Vendor) => `queue-onboarding-${vendor}`;

const CREATE: Record<Vendor, { type: string; parameters: Record<string, unknown>; credentials: Record<string, unknown> }> = {
	gravityZone: {
		type: 'n8n-nodes-msp-security.gravityZone',
		parameters: { resource: 'company', operation: 'create', type: 1, name: '={{ $json.body.name }}' },
		credentials: { gravityZoneApi: { id: 'gravityZoneSandbox', name: 'GravityZone (sandbox)' } },
	},
	eset: {
		type: 'n8n-nodes-msp-security.esetMsp',
		parameters: { resource: 'company', operation: 'createCustomer', name: '={{ $json.body.name }}', address: { city: 'Brno' } },
		credentials: { esetMspApi: { id: 'esetMspSandbox', name: 'ESET MSP (sandbox)' } },
	},
};

export function onboardingWorkflow(vendor: Vendor) {
	const id = (n: number) => `9a7e0c31-0000-4000-8000-${vendor === 'eset' ? '1' : '2'}${String(n).padStart(11, '0')}`;
	const create = CREATE[vendor];
	return {
		name: `Queue onboarding (${vendor})`,
		nodes: [
			{
				id: id(1),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				parameters: { httpMethod: 'POST', path: onboardingPath(vendor), responseMode: 'responseNode', options: {} },
				webhookId: id(4),
			},
			{
				id: id(2),
				name: 'Create',
				type: create.type,
				typeVersion: 1,
				position: [220, 0],
				parameters: { ...create.parameters, options: { ifExists: 'returnExisting' } },
				credentials: create.credentials,
			},
			{
				id: id(3),
				name: 'Respond',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [440, 0],
				parameters: { respondWith: 'firstIncomingItem', options: {} },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Create', type: 'main', index: 0 }]] },
			Create: { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}
