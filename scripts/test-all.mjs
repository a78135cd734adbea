#!/usr/bin/env node
// Runs every check the project has — lint, type check, unit tests (vitest),
// build, end-to-end tests (Playwright in Chromium, browser mode) — and ends
// with one line `N passed, N failed[, N skipped]` counting them all together.
// Exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${label}: exit ${child.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return child.status === 0;
}

function countCheck(label, ok) {
  if (ok) results.passed += 1;
  else {
    results.failed += 1;
    failures.push(label);
  }
}

function readJson(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

countCheck('lint', run('lint', 'npx', ['eslint', '.', '--max-warnings=0']));
countCheck('format', run('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']));
countCheck('typecheck', run('typecheck', 'npm', ['run', 'typecheck', '--silent']));

const unitReport = 'test-results/unit.json';
rmSync(unitReport, { force: true });
const unitOk = run('unit', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitReport}`,
]);
const unit = readJson(unitReport);
if (unit) {
  results.passed += unit.numPassedTests;
  results.failed += unit.numFailedTests;
  results.skipped += unit.numPendingTests + unit.numTodoTests;
  if (unit.numFailedTests > 0) failures.push(`${unit.numFailedTests} unit test(s)`);
  if (!unitOk && unit.numFailedTests === 0) countCheck('unit (suite error)', false);
} else countCheck('unit (no report)', false);

const buildOk = run('build', 'npm', ['run', 'build', '--silent']);
countCheck('build', buildOk);

if (buildOk) {
  const e2eReport = 'test-results/e2e-results.json';
  rmSync(e2eReport, { force: true });
  const e2eOk = run('e2e', 'npx', ['playwright', 'test']);
  const e2e = readJson(e2eReport);
  if (e2e?.stats) {
    results.passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    results.failed += e2e.stats.unexpected;
    results.skipped += e2e.stats.skipped;
    if (e2e.stats.unexpected > 0) failures.push(`${e2e.stats.unexpected} e2e test(s)`);
    if (!e2eOk && e2e.stats.unexpected === 0) countCheck('e2e (suite error)', false);
  } else countCheck('e2e (no report)', false);
}

console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed === 0 ? 0 : 1);
