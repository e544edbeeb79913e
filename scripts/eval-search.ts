// Search quality on labelled queries, against the real seeded catalogue built in-process.
//   npm run eval:search -- FILE.jsonl [--strict]
// Each line: {"q": "...", "relevant": ["platform name", ...], "kind": "..."}. Prints hit@1, hit@5,
// MRR and the misses; with --strict, exits 1 when any case has no relevant entry in the top 5.
// (The lead will point this at the running service; only `searchNames` needs to change.)
import { readFileSync } from 'node:fs';
import {
  catalogueSearchDocuments,
  createSearchIndex,
  evaluate,
  type EvalCase,
} from '../src/domain/search/index.ts';
import { buildDictionary } from '../src/domain/text/dictionary.ts';
import { derivePlatformFields } from '../src/seed/derive-platform.ts';
import { readSeed } from '../src/seed/read-seed.ts';
import { readTermEntries } from '../src/seed/read-terms.ts';

function readCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const value = JSON.parse(line) as Partial<EvalCase>;
      if (typeof value.q !== 'string' || !Array.isArray(value.relevant)) {
        throw new Error(`${file}:${number}: expected {"q": string, "relevant": string[]}`);
      }
      return { q: value.q, relevant: value.relevant, kind: value.kind };
    });
}

function catalogueSearch(): (q: string) => string[] {
  const index = createSearchIndex(buildDictionary(readTermEntries()));
  const docs = catalogueSearchDocuments(readSeed(), derivePlatformFields);
  for (const doc of docs) index.upsert(doc);
  const names = new Map(docs.map((d) => [d.id, d.name]));
  return (q) => index.search({ q, limit: 10 }).hits.map((h) => names.get(h.id) ?? h.id);
}

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run eval:search -- FILE.jsonl [--strict]');
  process.exit(2);
}
const cases = readCases(file);
const searchNames = catalogueSearch();
const report = evaluate(
  cases,
  cases.map((c) => searchNames(c.q)),
);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(`cases   ${report.cases}`);
console.log(`hit@1   ${pct(report.hitAt1)}`);
console.log(`hit@5   ${pct(report.hitAt5)}`);
console.log(`MRR     ${report.mrr.toFixed(3)}`);
for (const miss of report.misses) {
  console.log(
    `\nMISS ${JSON.stringify(miss.q)}${miss.kind ? ` (${miss.kind})` : ''}: rank ${miss.rank ?? '—'}`,
  );
  console.log(`  wanted: ${miss.relevant.join(' | ')}`);
  miss.top.forEach((name, i) => console.log(`  ${i + 1}. ${name}`));
}
if (strict && report.misses.length > 0) process.exit(1);
