// Overlap-check quality on labelled proposals, against the real seeded catalogue built in-process.
//   npm run eval:overlap -- FILE.jsonl [--strict]
// Each line: {"name": "...", "description": "...", "functions": [...], "expect": [platform names that
// must be flagged overlap], "related": [platform names that may be flagged]}. Prints recall,
// precision and every error; with --strict, exits 1 on any error. (The lead will point this at
// the running service; only `check` needs to change.)
import { readFileSync } from 'node:fs';
import {
  checkOverlap,
  DEFAULT_OVERLAP_RULES,
  evaluateOverlap,
  overlapPlatformsFromSeed,
  parseEvalCase,
  prepareCatalogue,
  type OverlapEvalCase,
  type OverlapResult,
} from '../src/domain/overlap/index.ts';
import { buildDictionary } from '../src/domain/text/dictionary.ts';
import { derivePlatformFields } from '../src/seed/derive-platform.ts';
import { readSeed } from '../src/seed/read-seed.ts';
import { readTermEntries } from '../src/seed/read-terms.ts';

function readCases(file: string): OverlapEvalCase[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    console.error(`cannot read ${file}`);
    process.exit(2);
  }
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${number}: not JSON`);
      }
      const parsed = parseEvalCase(value);
      if (typeof parsed === 'string') throw new Error(`${file}:${number}: ${parsed}`);
      return parsed;
    });
}

function catalogueCheck(): (c: OverlapEvalCase) => OverlapResult {
  const catalogue = prepareCatalogue(
    overlapPlatformsFromSeed(readSeed(), derivePlatformFields),
    buildDictionary(readTermEntries()),
  );
  return (c) => checkOverlap(c, catalogue, DEFAULT_OVERLAP_RULES);
}

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run eval:overlap -- FILE.jsonl [--strict]');
  process.exit(2);
}
let cases: OverlapEvalCase[];
try {
  cases = readCases(file);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const check = catalogueCheck();
const results = cases.map(check);
const report = evaluateOverlap(cases, results);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(`cases                       ${report.cases}`);
console.log(`recall (all expected found) ${pct(report.recall)}`);
console.log(`recall (per platform)       ${pct(report.platformRecall)}`);
console.log(`precision                   ${pct(report.precision)}`);
console.log(`clear cases kept clear      ${report.clearCorrect}/${report.clearCases}`);
console.log(`related flagged as overlap  ${report.relatedFlaggedAsOverlap} (tolerated)`);
for (const e of report.errors) {
  const got = e.level === null ? 'not shown' : `${e.level} ${e.score?.toFixed(3)}`;
  const what = e.kind === 'missed' ? 'MISSED' : 'FALSE OVERLAP';
  console.log(`\n${what} ${JSON.stringify(e.proposal)}\n  platform: ${e.platform} (${got})`);
  const result = results[e.case]!;
  for (const m of result.matches.slice(0, 5))
    console.log(`  ${m.level.padEnd(8)} ${m.score.toFixed(3)} ${m.name}`);
}
if (strict && report.errors.length > 0) process.exit(1);
