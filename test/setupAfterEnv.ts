import { secretScan } from './harness/secretScan';

// Every suite, not only the ones that end with itLeaksNoSecret(): no secret in what it ran or logged.
afterAll(() => {
	expect(secretScan().leaks).toStrictEqual([]);
});
