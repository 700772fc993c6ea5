/* A stand-in for apt-get in the installer tests: records the call; `install` puts the named tools into
 * this fake bin folder (empty scripts: only their presence on PATH counts). */
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_RECORD, JSON.stringify({ tool: 'apt-get', args, frontend: process.env.DEBIAN_FRONTEND }) + '\n');
if (args[0] === 'install') {
	for (const name of args.slice(1).filter((arg) => !arg.startsWith('-'))) {
		fs.writeFileSync(path.join(process.env.FAKE_BIN, name), '#!/bin/sh\n', { mode: 0o755 });
	}
}
