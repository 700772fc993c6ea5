/** End-to-end tests: a real n8n (installed once into a cache folder) against the sandbox. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	// The first run installs Node 24 and n8n (minutes); each `n8n execute` starts n8n anew.
	testTimeout: 30 * 60 * 1000,
};
