import { ESET_LOGIN_REFUSED } from '../../credentials/EsetMspApi.credentials';
import { TestCredentialsHelper } from '../harness/credentialsHelper';
import { runPool } from '../harness/workers';
import { ESET_PASSWORD, ESET_USER } from '../sandbox/eset';
import { minimal, runCreateCustomer, withEset } from './fixtures';

const createAnyway = (name: string) => ({ name, address: { city: 'Brno' }, options: { ifExists: 'createAnyway' } });

describe('ESET login shared by the executions of one n8n process', () => {
	it('logs in once for many executions at once (single-item webhooks, 10 at a time)', async () => {
		await withEset(async (server) => {
			server.latencyMs = 50;
			const credentialsHelper = new TestCredentialsHelper();
			credentialsHelper.setCredentials('esetMspApi', { baseUrl: server.url, username: ESET_USER, password: ESET_PASSWORD });
			await runPool(40, 10, async (n) => {
				const { output } = await runCreateCustomer(server, createAnyway(`Webhook ${n}`), { credentialsHelper });
				expect(output('Node')[0].json.outcome).toBe('created');
			});
			expect(server.logins).toBe(1);
			// The token still goes into n8n's stored credential.
			expect(credentialsHelper.stored('esetMspApi')?.accessToken).toBe(server.issuedTokens[0]);
		});
	});

	it('shares the token by the credential\'s contents: an edited password or another user never gets it', async () => {
		await withEset(async (server) => {
			const as = (username: string, password: string) => {
				const credentialsHelper = new TestCredentialsHelper();
				credentialsHelper.setCredentials('esetMspApi', { baseUrl: server.url, username, password });
				return credentialsHelper;
			};
			expect((await runCreateCustomer(server, createAnyway('One'), { credentialsHelper: as(ESET_USER, ESET_PASSWORD) })).error()).toBeUndefined();
			// The same credential read afresh (another execution, no token stored): the process's token.
			expect((await runCreateCustomer(server, createAnyway('Two'), { credentialsHelper: as(ESET_USER, ESET_PASSWORD) })).error()).toBeUndefined();
			expect(server.logins).toBe(1);
			for (const [username, password] of [[ESET_USER, 'Edited-Pa55word'], ['other-tenant@msp.example', ESET_PASSWORD]]) {
				const { error } = await runCreateCustomer(server, minimal, { credentialsHelper: as(username, password) });
				expect(error()?.message).toBe(`${ESET_LOGIN_REFUSED} (HTTP 401)`);
			}
			expect(server.logins).toBe(3);
			expect(server.created).toHaveLength(2);
		});
	});
});
