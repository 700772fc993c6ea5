import type { IDataObject } from 'n8n-workflow';

import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { GZ_PARTNER_KEY, type GravityZoneServer } from '../sandbox/gravityZone';
import type { RecordedRequest } from '../sandbox/loopbackServer';
import type { FuzzTarget } from './fuzzNode';
import type { Sample } from './models';

const rpcMethod = (body: unknown) => (body as { method?: string }).method;

/** A fuzz target for one GravityZone create of the deploy APIs: every set starts from the sandbox's seed state. */
export async function gzDeployTarget(
	server: GravityZoneServer,
	samples: FuzzTarget['samples'],
	checkAccepted: (sample: Sample, request: RecordedRequest, output: IDataObject) => void,
): Promise<FuzzTarget> {
	// The pacing has tests of its own; here every set sets a rate that keeps the runs quick.
	await fetch(`${server.url}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ rateLimit: false }) });
	const credentialsHelper = new TestCredentialsHelper();
	credentialsHelper.setCredentials('gravityZoneApi', { accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY });
	return {
		nodeType: 'gravityZone',
		samples,
		credentialsHelper,
		forget: () => server.reset(),
		sent: () => server.requests.filter((request) => rpcMethod(request.body) !== 'getApiKeyDetails'),
		checkAccepted,
	};
}
