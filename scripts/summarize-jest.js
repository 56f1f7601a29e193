// Prints one closing line, "N passed, N failed", over jest JSON result files, so that the total
// is readable from the end of the log whatever the runner prints before it.
const fs = require('fs');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
	if (!fs.existsSync(file)) {
		console.log(`${file}: no results (the run did not finish)`);
		failed += 1;
		continue;
	}
	const result = JSON.parse(fs.readFileSync(file, 'utf8'));
	passed += result.numPassedTests;
	failed += result.numFailedTests + (result.numRuntimeErrorTestSuites || 0);
	skipped += result.numPendingTests + (result.numTodoTests || 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (passed === 0) {
	console.log('no test ran');
	process.exit(1);
}
