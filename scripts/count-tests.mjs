// Prints "tests: N passed, N failed" from Vitest's and Playwright's JSON reports. A Playwright test that
// passed only on a retry ("flaky") counts as failed: retries are off, and if someone turns them on, a test
// that needs one is still a failure to fix (issue 13).
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let flaky = 0;
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof r.numPassedTests === 'number') {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  } else if (r.stats) {
    passed += r.stats.expected;
    flaky += r.stats.flaky;
    failed += r.stats.unexpected + r.stats.flaky;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed${flaky > 0 ? ` (${flaky} of them flaky: passed only on a retry)` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
