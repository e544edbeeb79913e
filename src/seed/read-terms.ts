import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TermEntry, TermKind } from '../domain/text/dictionary.ts';
import { cleanText } from '../domain/text/vietnamese.ts';
import { readSeed, SEED_DIR } from './read-seed.ts';

/**
 * The term dictionary's seed: abbreviations seen in sources (abbreviations.csv, one expansion
 * each) and the registry team's curated terms (terms.csv: term, expansions separated by ';',
 * kind, note). Entries with the same term and kind are merged.
 */

const KINDS: readonly TermKind[] = ['abbreviation', 'synonym', 'variant'];

/**
 * "Nền tảng chia sẻ, điều phối dữ liệu (National Data Orchestration Platform)" is two ways of
 * saying it, each searched as a phrase; kept together neither would ever occur in a name.
 */
export function splitExpansion(expansion: string): string[] {
  const match = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(expansion);
  const parts = match ? [match[1]!, match[2]!] : [expansion];
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function readTermsCsv(dir: string): TermEntry[] {
  const rows = parse(readFileSync(join(dir, 'terms.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  return rows.map((row, i) => {
    const kind = row.kind as TermKind;
    if (!KINDS.includes(kind)) throw new Error(`terms.csv row ${i + 2}: unknown kind "${row.kind}"`);
    const expansions = (row.expansions ?? '')
      .split(';')
      .map((e) => cleanText(e).trim())
      .filter((e) => e !== '');
    const term = cleanText(row.term ?? '').trim();
    if (term === '' || expansions.length === 0) throw new Error(`terms.csv row ${i + 2}: term and expansions are required`);
    return { term, expansions, kind };
  });
}

export function readTermEntries(dir: string = SEED_DIR): TermEntry[] {
  const fromSources: TermEntry[] = readSeed(dir).abbreviations.map((a) => ({
    term: a.abbr,
    expansions: splitExpansion(a.expansionVi),
    kind: 'abbreviation',
  }));
  const merged = new Map<string, { term: string; expansions: Set<string>; kind: TermKind }>();
  for (const entry of [...fromSources, ...readTermsCsv(dir)]) {
    const key = `${entry.kind}\u0000${entry.term}`;
    const found = merged.get(key) ?? { term: entry.term, expansions: new Set<string>(), kind: entry.kind };
    for (const e of entry.expansions) found.expansions.add(e);
    merged.set(key, found);
  }
  return [...merged.values()].map((e) => ({ term: e.term, expansions: [...e.expansions], kind: e.kind }));
}
