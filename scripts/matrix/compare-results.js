// Summarises one version's jest --json results and fails unless every test passed, none was skipped and,
// given the 2.x run's results, the very same tests ran (same full names, same count).
// Usage: node scripts/matrix/compare-results.js <n8n version> <results.json> [<2.x results.json>]
const path = require('node:path');

const [version, resultsFile, referenceFile] = process.argv.slice(2);
const read = (file) => require(path.resolve(file));
const names = (run) => run.testResults.flatMap((suite) => suite.assertionResults.map((test) => `${path.basename(suite.name)} > ${test.fullName}`)).sort();

const run = read(resultsFile);
const skipped = run.numPendingTests + run.numTodoTests;
const problems = [];
if (run.numFailedTests > 0 || run.numRuntimeErrorTestSuites > 0) problems.push(`${run.numFailedTests} failed, ${run.numRuntimeErrorTestSuites} suites could not run`);
if (skipped > 0) problems.push(`${skipped} skipped`);
let summary = `n8n ${version}: ${run.numPassedTests} passed, ${run.numFailedTests} failed, ${skipped} skipped, ${run.numTotalTests} in all`;
if (referenceFile) {
	const reference = read(referenceFile);
	summary += ` (2.x run: ${reference.numTotalTests})`;
	const here = new Set(names(run));
	const there = new Set(names(reference));
	const missing = [...there].filter((name) => !here.has(name));
	const extra = [...here].filter((name) => !there.has(name));
	if (run.numTotalTests !== reference.numTotalTests || missing.length + extra.length > 0) {
		problems.push(`not the tests of the 2.x run: ${missing.length} missing, ${extra.length} extra ${JSON.stringify([...missing, ...extra].slice(0, 5))}`);
	}
}
console.log(summary);
if (problems.length > 0) {
	console.error(`n8n ${version}: ${problems.join('; ')}`);
	process.exit(1);
}
