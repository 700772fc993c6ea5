import type { E2eContext } from './context';

/**
 * What the example workflows must do, as the e2e checks it: the webhook payloads, and the sandbox's
 * view of what they deployed.
 */
type Json = Record<string, unknown>;

export const ADMIN = { email: 'jane.doe@blueyonder.example', name: 'Jane Doe' };

/** The PSA webhook's payload: a customer, the seats, optionally the customer's IT admin. */
export function webhookPayload(psaId: string, country: string, admin?: { email: string; name?: string }) {
	return {
		psaId,
		seats: 30,
		company: {
			name: `Blue Yonder Dental ${psaId}`,
			street: '7 Pier Road',
			city: 'San Diego',
			zip: '92101',
			state: 'California',
			country,
			countrySubdivision: 'US-CA',
			email: 'it@blueyonder.example',
		},
		...(admin ? { admin } : {}),
	};
}

/** What the sandbox holds for a company: its packages and accounts (the seeded ones left out), and the installLink* links GravityZone gives for its package. */
export function deployedIn(context: E2eContext, companyId: string) {
	const { deploy } = context.gravityZone;
	const packages = deploy.packages.filter((item) => item.companyId === companyId);
	const accounts = deploy.accounts.filter((account) => account.companyId === companyId);
	const answer = deploy.call('packages.getInstallationLinks', 1, { companyId }, context.info.gravityZone.accessUrl)!;
	const entries = (answer.body as { result: Json[] }).result;
	const installLinks = entries.map((entry) => Object.fromEntries(Object.entries(entry).filter(([key]) => key.startsWith('installLink'))));
	return { packages, accounts, installLinks };
}

