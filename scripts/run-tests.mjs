// Runs the test files with node's own test runner (its closing lines are what CI reads).
// Node 20's runner has no glob for .ts files, so the files are found here.
//   node scripts/run-tests.mjs unit      every *.test.ts(x) under src/ and scripts/
//   node scripts/run-tests.mjs browser   every *.browser.ts under tests/browser/
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const suite = process.argv[2] ?? 'unit';
const roots = suite === 'browser' ? ['tests/browser'] : ['src', 'scripts'];
const pattern = suite === 'browser' ? /\.browser\.tsx?$/ : /\.test\.tsx?$/;

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
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
