import { newScanner, scanForSecrets } from './harness/secretScan';
import { insecureUrlProblem, retryAfterMs } from '../nodes/shared/requestPolicy';

describe('request policy', () => {
	it.each([
		['https://cloud.gravityzone.bitdefender.com/api', undefined],
		['https://mspapi.eset.com', undefined],
		['http://127.0.0.1:8932/api', undefined],
		['http://localhost:8931', undefined],
		['http://[::1]:8931', undefined],
	])('accepts %s', (url, problem) => {
		expect(insecureUrlProblem(url)).toBe(problem);
	});

	it.each(['http://mspapi.eset.com', 'http://10.0.0.5/api', 'http://127.0.0.1.example.com', 'ftp://host', 'not a url'])('refuses %s', (url) => {
		expect(insecureUrlProblem(url)).toBeDefined();
	});

	it('reads Retry-After as seconds or a date, bounded to 30 s', () => {
		expect(retryAfterMs(undefined)).toBe(1000);
		expect(retryAfterMs('2')).toBe(2000);
		expect(retryAfterMs('0')).toBe(0);
		expect(retryAfterMs('3600')).toBe(30_000);
		const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
		expect(retryAfterMs(inFiveSeconds)).toBeGreaterThan(3000);
		expect(retryAfterMs(inFiveSeconds)).toBeLessThanOrEqual(5000);
	});
});

describe('the secrets scan', () => {
	it('finds a secret anywhere in an error: message, description, cause, stack', () => {
		const scanner = newScanner(() => ['s3cr3t-value', 'czNjcjN0']);
		const cause = Object.assign(new Error('request failed'), { config: { headers: { authorization: 'Basic czNjcjN0' } } });
		scanForSecrets('run', { error: new Error('clean', { cause }) }, scanner);
		scanForSecrets('run', { error: Object.assign(new Error('clean'), { description: 'key s3cr3t-value' }) }, scanner);
		scanForSecrets('n8n log', { message: 'nothing to see' }, scanner);
		expect(scanner.leaks.map((leak) => leak.secret)).toStrictEqual(['czNj...', 's3cr...']);
		expect(scanner.scanned).toStrictEqual({ run: 2, 'n8n log': 1 });
	});
});
