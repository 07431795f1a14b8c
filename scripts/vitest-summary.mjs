// Prints vitest's JSON report as one plain line, "N passed, M failed", for CI.
import fs from 'node:fs';

const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log('0 passed, 1 failed');
  console.error(`no vitest report at ${file}: the test command did not get as far as running tests`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
let line = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
if (skipped > 0) line += `, ${skipped} skipped`;
console.log(line);
process.exit(report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0);
