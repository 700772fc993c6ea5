import { testCredential } from '../harness/credentialTest';
import { GZ_NO_COMPANIES_KEY, GZ_PARTNER_KEY, rpcError } from '../sandbox/gravityZone';
import { withGravityZone } from './fixtures';

describe('GravityZone credential test', () => {
	it('calls getApiKeyDetails on the General API with Basic auth (key as user, empty password)', async () => {
		await withGravityZone(async (server) => {
			const result = await testCredential('gravityZoneApi', { accessUrl: `${server.url}/api///`, apiKey: GZ_PARTNER_KEY });
			expect(result).toStrictEqual({ status: 'OK', message: 'Connection successful!' });
			const calls = server.calls('general');
			expect(calls.length).toBeGreaterThanOrEqual(1);
			for (const call of calls) {
				expect((call.body as { method: string }).method).toBe('getApiKeyDetails');
				expect(call.headers.authorization).toBe(`Basic ${Buffer.from(`${GZ_PARTNER_KEY}:`).toString('base64')}`);
			}
		});
	});

	it('fails with GravityZone\'s own message when the body holds a JSON-RPC error (HTTP 200)', async () => {
		await withGravityZone(async (server) => {
			server.scriptNext((request) => request.path.endsWith('/general'), rpcError('x', -32000, 'Server error', 'The API key is disabled'));
			const result = await testCredential('gravityZoneApi', { accessUrl: `${server.url}/api`, apiKey: GZ_PARTNER_KEY });
			expect(result.status).toBe('Error');
			expect(result.message).toBe('GravityZone: Server error - The API key is disabled');
		});
	});

	it('fails with a clear message for a wrong key, never echoing it', async () => {
		await withGravityZone(async (server) => {
			const result = await testCredential('gravityZoneApi', { accessUrl: `${server.url}/api`, apiKey: 'not-a-real-key-42' });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/refused the API key/);
			expect(result.message).not.toContain('not-a-real-key-42');
		});
	});

	it('passes for a key with the General API even if it lacks the Companies API', async () => {
		await withGravityZone(async (server) => {
			const result = await testCredential('gravityZoneApi', { accessUrl: `${server.url}/api`, apiKey: GZ_NO_COMPANIES_KEY });
			expect(result.status).toBe('OK');
		});
	});
});
