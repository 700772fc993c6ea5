const { TestEnvironment } = require('jest-environment-node');

/**
 * jest's node environment, plus: a worker process exits as soon as jest says that all test files are done.
 * Left alone, a worker waits until its pipes to jest are drained and then frees a heap holding n8n-core and the
 * module registries: 0.3 to 0.6 s measured here, more on a busy machine, while jest-worker kills a worker after
 * 500 ms and prints "A worker process has failed to exit gracefully". Nothing else stays open at that point
 * (process.getActiveResourcesInfo() lists only those pipes), so exiting right away loses nothing.
 * The worker ends itself with SIGKILL rather than process.exit: Node's exit still tears V8 and its thread
 * pool down, which on a loaded machine (CI beside other jobs) outlasted the 500 ms too. jest-worker takes a
 * worker that ended by a signal after END as shut down (no respawn, no report).
 */
const CHILD_MESSAGE_END = 2; // jest-worker/build/types.js: sent to each worker after the last test file

if (process.send && !process.listeners('message').some((listener) => listener.exitsOnEnd)) {
	const exitOnEnd = (message) => {
		if (Array.isArray(message) && message[0] === CHILD_MESSAGE_END) process.kill(process.pid, 'SIGKILL');
	};
	exitOnEnd.exitsOnEnd = true;
	process.on('message', exitOnEnd);
}

module.exports = TestEnvironment;
