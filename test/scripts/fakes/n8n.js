/* A stand-in for n8n's CLI (the real one takes minutes to install): the installer and harness tests run it
 * with the same arguments as n8n. Installed into a fake cache it needs the "compiled" sqlite3 beside it, as
 * n8n does. FAKE_N8N_OUTPUT=incomplete cuts its output short (half a run, no success line); FAKE_N8N_END=segv then dies with SIGSEGV. */
const fs = require('node:fs');
const path = require('node:path');

const [command, ...flags] = process.argv.slice(2);
const flag = (name) => flags.find((arg) => arg.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const end = () => (process.env.FAKE_N8N_END === 'segv' ? process.kill(process.pid, 'SIGSEGV') : process.exit(Number(process.env.FAKE_N8N_END ?? 0)));

const sqlite = path.resolve(__dirname, '..', '..', 'sqlite3');
if (fs.existsSync(sqlite) && !fs.existsSync(path.join(sqlite, 'build', 'Release', 'node_sqlite3.node'))) {
	console.log('SQLite package has not been found installed. Try to install it: npm install sqlite3 --save');
	process.exit(1);
}
const db = path.join(process.env.N8N_USER_FOLDER, '.n8n', 'fake-database.json');
const workflows = fs.existsSync(db) ? JSON.parse(fs.readFileSync(db, 'utf8')) : {};

if (command === 'import:workflow') {
	const dir = flag('input');
	for (const file of fs.readdirSync(dir)) {
		const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		workflows[workflow.id] = workflow;
	}
	fs.mkdirSync(path.dirname(db), { recursive: true });
	fs.writeFileSync(db, JSON.stringify(workflows));
	if (process.env.FAKE_N8N_OUTPUT !== 'incomplete') console.log(`Successfully imported ${fs.readdirSync(dir).length} workflows.`);
	end();
} else if (command === 'import:credentials') {
	console.log('Successfully imported 2 credentials.');
	end();
} else if (command === 'execute') {
	const workflow = workflows[flag('id')];
	if (!workflow) {
		console.log(`The workflow with the id "${flag('id')}" does not exist.`);
		process.exit(1);
	}
	// Each node outputs the numbers its expressions add up ("={{ 20 + 22 }}" -> 42).
	const output = (node) => {
		const json = {};
		for (const { name, value } of node.parameters.assignments?.assignments ?? []) {
			json[name] = String(value).replace(/[={} ]/g, '').split('+').reduce((sum, term) => sum + Number(term), 0);
		}
		return json;
	};
	const runData = Object.fromEntries(workflow.nodes.map((node) => [node.name, [{ data: { main: [[{ json: output(node) }]] } }]]));
	const last = workflow.nodes[workflow.nodes.length - 1].name;
	const run = { data: { resultData: { runData, lastNodeExecuted: last } }, mode: 'cli', status: 'success', finished: true };
	const printed = JSON.stringify(run, null, 2);
	console.log(process.env.FAKE_N8N_OUTPUT === 'incomplete' ? printed.slice(0, printed.length / 2) : printed);
	end();
} else {
	console.log(`Error: Command "${command}" not found`);
	process.exit(1);
}
