#!/usr/bin/env node
// Writes test/golden/<example>.workflow.json for every documented request in ../shared/api/examples:
// a Manual Trigger and one of our nodes whose parameters (in n8n's own shape, as the editor saves
// them) express that request. Run after `npm run build`; the golden tests then check that the node
// turns these parameters back into exactly the documented body.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const examples = path.resolve(root, '..', 'shared', 'api', 'examples');
const { createCompanyLayout } = require(path.join(root, 'dist/nodes/GravityZone/actions/company/create.operation'));
const { createCustomerLayout } = require(path.join(root, 'dist/nodes/EsetMsp/actions/company/createCustomer.operation'));
const { ENTRIES, FIRST_FIELDS, MORE_FIELDS } = require(path.join(root, 'dist/nodes/shared/apiFields'));
const { searchLayout } = require(path.join(root, 'dist/nodes/EsetMsp/actions/license/search.operation'));
const { updateQuantityLayout } = require(path.join(root, 'dist/nodes/EsetMsp/actions/license/updateQuantity.operation'));
const { PUBLIC_LICENSE_KEY } = require(path.join(root, 'dist/nodes/EsetMsp/actions/license/licenseFields'));
const gzAction = (file) => require(path.join(root, 'dist/nodes/GravityZone/actions', file));
const { createPackageLayout } = gzAction('package/create.operation');
const { createAccountLayout } = gzAction('account/create.operation');
const { setMonthlySubscriptionLayout } = gzAction('licensing/setMonthlySubscription.operation');
const { getMonthlyUsageLayout } = gzAction('licensing/getMonthlyUsage.operation');

// The same credentials the examples use, so `npm start` and the end-to-end tests import one set.
const SANDBOX_CREDENTIALS = {
	esetMspApi: { esetMspApi: { id: 'esetMspSandbox', name: 'ESET MSP (sandbox)' } },
	gravityZoneApi: { gravityZoneApi: { id: 'gravityZoneSandbox', name: 'GravityZone (sandbox)' } },
};

/** The inverse of collectBody: a body value as the n8n parameter that produces it. */
function toParameter(field, value) {
	switch (field.type) {
		case 'object': {
			const out = {};
			for (const [key, child] of Object.entries(value)) {
				out[key] = toParameter(field.fields.find((f) => f.key === key), child);
			}
			return field.grouped ? grouped(out, [...field.grouped.before, ...(field.grouped.after ?? [])]) : out;
		}
		case 'keyValueMap':
			return { [ENTRIES]: Object.entries(value).map(([name, v]) => ({ name, value: v })) };
		case 'objectList':
			return { [ENTRIES]: value.map((entry) => toParameter({ type: 'object', fields: field.fields }, entry)) };
		default:
			// Company pickers (resource locators) hold the ID as n8n saves an ID typed "By ID".
			return field.locator ? { __rl: true, mode: 'id', value } : value;
	}
}

/** A grouped object (the licence): `{ fields: { ...the fields always shown, moreFields: { ...the others } } }`. */
function grouped(parameter, keys) {
	const first = {};
	const others = {};
	for (const [key, value] of Object.entries(parameter)) (keys.includes(key) ? first : others)[key] = value;
	return { [FIRST_FIELDS]: Object.keys(others).length > 0 ? { ...first, [MORE_FIELDS]: others } : first };
}

function parametersFor(layout, body, fixed) {
	const parameters = { ...fixed };
	const additional = {};
	for (const [key, value] of Object.entries(body)) {
		const field = layout.fields.find((f) => f.key === key);
		if (!field) throw new Error(`No declaration for ${key}`);
		(layout.topLevel.includes(key) ? parameters : additional)[key] = toParameter(field, value);
	}
	parameters[layout.collection] = additional;
	return parameters;
}

function workflow(name, nodeType, credentialType, parameters, nodeName = 'Create') {
	return {
		name,
		nodes: [
			{ id: 'a0f1c3e2-0000-4000-8000-000000000001', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'a0f1c3e2-0000-4000-8000-000000000002',
				name: nodeName,
				type: `n8n-nodes-msp-security.${nodeType}`,
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: SANDBOX_CREDENTIALS[credentialType],
			},
		],
		connections: { 'Manual Trigger': { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

for (const file of fs.readdirSync(examples).filter((f) => f.endsWith('.request.json')).sort()) {
	const name = file.replace('.request.json', '');
	const example = JSON.parse(fs.readFileSync(path.join(examples, file), 'utf8'));
	const data = name.startsWith('gz-')
		? workflow(`Golden: ${name}`, 'gravityZone', 'gravityZoneApi', parametersFor(createCompanyLayout, example.params, { resource: 'company', operation: 'create' }))
		: workflow(`Golden: ${name}`, 'esetMsp', 'esetMspApi', parametersFor(createCustomerLayout, example, { resource: 'company', operation: 'createCustomer' }));
	fs.writeFileSync(path.join(root, 'test/golden', `${name}.workflow.json`), JSON.stringify(data, null, '\t') + '\n');
	console.log(`wrote test/golden/${name}.workflow.json`);
}

// ESET's licence call templates (examples/deploy) hold placeholders: the goldens send the realistic
// values of test/golden/eset-license-goldens.json, in the same shape (golden.test.ts checks both).
const licenseGoldens = JSON.parse(fs.readFileSync(path.join(root, 'test/golden/eset-license-goldens.json'), 'utf8'));
const LICENSE_OPERATIONS = {
	'eset-search-licenses': { operation: 'search', fields: searchLayout.fields, paging: { skip: 0, take: 100 }, fixed: { returnAll: true } },
	'eset-license-detail': { operation: 'get', fields: [PUBLIC_LICENSE_KEY] },
	'eset-license-update-quantity': { operation: 'updateQuantity', fields: updateQuantityLayout.fields },
};
for (const [name, { operation, fields, paging = {}, fixed = {} }] of Object.entries(LICENSE_OPERATIONS)) {
	if (!fs.existsSync(path.join(examples, 'deploy', `${name}.request.json`))) throw new Error(`No documented example ${name}`);
	const parameters = { resource: 'license', operation, ...fixed };
	for (const [key, value] of Object.entries(licenseGoldens.requests[name])) {
		if (key in paging) {
			// skip/take are not parameters: Return All sends the first page as skip 0, take 100.
			if (paging[key] !== value) throw new Error(`${name}: ${key} ${value} is not what the node sends (${paging[key]})`);
			continue;
		}
		const field = fields.find((f) => f.key === key);
		if (!field) throw new Error(`${name}: no declaration for ${key}`);
		parameters[key] = toParameter(field, value);
	}
	const data = workflow(`Golden: ${name}`, 'esetMsp', 'esetMspApi', parameters, 'License');
	fs.writeFileSync(path.join(root, 'test/golden', `${name}.workflow.json`), JSON.stringify(data, null, '\t') + '\n');
	console.log(`wrote test/golden/${name}.workflow.json`);
}

// The GravityZone examples of examples/deploy/ (REFERENCE-deploy.md): one operation each, named "GravityZone".
const byId = (value) => ({ __rl: true, mode: 'id', value });
/** mm/yyyy as n8n's date picker saves a day of that month. */
const pickedMonth = (month) => `${month.slice(3)}-${month.slice(0, 2)}-01T00:00:00`;
const firstPage = (page) => {
	if (page !== 1) throw new Error('Get Many starts at page 1');
};

const GZ_DEPLOY = {
	'gz-create-package': (params) => parametersFor(createPackageLayout, params, { resource: 'package', operation: 'create' }),
	'gz-create-account': (params) => parametersFor(createAccountLayout, params, { resource: 'account', operation: 'create' }),
	'gz-delete-account': ({ accountId }) => ({ resource: 'account', operation: 'delete', accountId }),
	'gz-get-accounts-list': ({ page, perPage, companyId }) => (firstPage(page), { resource: 'account', operation: 'getMany', companyId: byId(companyId), limit: perPage }),
	'gz-get-installation-links': ({ companyId, packageName }) => ({ resource: 'package', operation: 'getInstallationLinks', companyId: byId(companyId), packageName }),
	'gz-get-monthly-usage': ({ targetMonth, ...params }) => ({
		...parametersFor(getMonthlyUsageLayout, params, { resource: 'licensing', operation: 'getMonthlyUsage' }),
		targetMonth: pickedMonth(targetMonth),
	}),
	'gz-get-packages-list': ({ page, perPage }) => (firstPage(page), { resource: 'package', operation: 'getMany', limit: perPage }),
	'gz-set-monthly-subscription': (params) => parametersFor(setMonthlySubscriptionLayout, params, { resource: 'licensing', operation: 'setMonthlySubscription' }),
};

const deployExamples = path.join(examples, 'deploy');
for (const file of fs.readdirSync(deployExamples).filter((f) => f.startsWith('gz-') && f.endsWith('.request.json')).sort()) {
	const name = file.replace('.request.json', '');
	if (!GZ_DEPLOY[name]) throw new Error(`No golden workflow for ${file}`);
	const example = JSON.parse(fs.readFileSync(path.join(deployExamples, file), 'utf8'));
	const data = workflow(`Golden: ${name}`, 'gravityZone', 'gravityZoneApi', GZ_DEPLOY[name](example.params), 'GravityZone');
	fs.writeFileSync(path.join(root, 'test/golden', `${name}.workflow.json`), JSON.stringify(data, null, '\t') + '\n');
	console.log(`wrote test/golden/${name}.workflow.json`);
}
