/** @type {import('jest').Config} */
module.exports = {
	// node, and workers that exit as soon as jest is done with them (see the file).
	testEnvironment: '<rootDir>/test/workerEnvironment.js',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	// n8n-core registers process-wide services; one worker per file keeps runs independent.
	maxWorkers: 2,
	testTimeout: 60000,
	setupFiles: ['<rootDir>/test/setup.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/setupAfterEnv.ts'],
};
