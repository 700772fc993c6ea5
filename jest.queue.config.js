/**
 * `npm run test:queue`: a real n8n 2.41.1 in queue mode (main + 2 workers, Redis, PostgreSQL) against the
 * sandbox. Not part of `npm test`: it needs redis-server and postgresql from Debian (see README).
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['**/*.queue.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
	},
	// Installing n8n the first time, starting three n8n processes and paced runs take minutes on a busy machine.
	testTimeout: 60 * 60 * 1000,
};
