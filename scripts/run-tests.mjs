// Runs the test files with node's own test runner (its closing lines are what CI reads).
// Node 20's runner has no glob for .ts files, so the files are found here.
//   node scripts/run-tests.mjs unit      every *.test.ts(x) under src/ and scripts/
//   node scripts/run-tests.mjs browser   every *.browser.ts under tests/browser/
//   node scripts/run-tests.mjs contract  every *.contract.ts under tests/contract/ (starts the real server)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const suite = process.argv[2] ?? 'unit';
const suites = {
  unit: { roots: ['src', 'scripts'], pattern: /\.test\.tsx?$/ },
  browser: { roots: ['tests/browser'], pattern: /\.browser\.tsx?$/ },
  contract: { roots: ['tests/contract'], pattern: /\.contract\.tsx?$/ },
};
const chosen = suites[suite];
if (!chosen) {
  console.error(`unknown suite ${suite}; use ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
const { roots, pattern } = chosen;

function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return pattern.test(entry.name) ? [path] : [];
  });
}

const files = roots.flatMap(walk).sort();
const extra = process.argv.slice(3);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...extra, ...files],
  // A file that never exits (a handle left open after a failed hook) must not hold CI for its
  // whole allowance: the run is stopped, and fails, after this long.
  { stdio: 'inherit', timeout: Number(process.env.TEST_RUN_TIMEOUT_MINUTES ?? 40) * 60_000 },
);
process.exit(result.status ?? 1);
