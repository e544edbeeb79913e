import type { OverlapResult } from './types.ts';

/**
 * Overlap-check quality over labelled proposals, as the published sample is written: each line
 * names the platforms that must be flagged `overlap` (expect) and those that may be flagged at
 * all (related). Names, not ids, because the sample files are written by people.
 */

export interface OverlapEvalCase {
  name: string;
  description?: string;
  functions?: string[];
  data?: string[];
  expect: string[];
  related: string[];
  kind?: string;
}

export type OverlapEvalErrorKind =
  /** An expected platform was not flagged overlap (`level` says what it got, if anything). */
  | 'missed'
  /** A platform neither expected nor allowed was flagged overlap. */
  | 'false_overlap';

export interface OverlapEvalError {
  /** 0-based index of the case. */
  case: number;
  proposal: string;
  kind: OverlapEvalErrorKind;
  platform: string;
  level: 'overlap' | 'related' | null;
  score: number | null;
}

export interface OverlapEvalReport {
  cases: number;
  /** Share of cases with an expectation whose every expected platform is flagged overlap. */
  recall: number;
  /** Share of expected platforms flagged overlap, over all cases. */
  platformRecall: number;
  /** Share of overlap flags that are expected or allowed (an allowed `related` one is no error). */
  precision: number;
  /** Overlap flags on platforms the case lists as related: tolerated, better shown as related. */
  relatedFlaggedAsOverlap: number;
  /** Cases whose proposal is expected to be clear of any overlap and is. */
  clearCases: number;
  clearCorrect: number;
  errors: OverlapEvalError[];
}

const norm = (s: string): string => s.normalize('NFC').trim();

/** `results[i]` is the check of `cases[i]`. */
export function evaluateOverlap(
  cases: readonly OverlapEvalCase[],
  results: readonly OverlapResult[],
): OverlapEvalReport {
  if (cases.length !== results.length) throw new RangeError('one result per case');
  let withExpectation = 0;
  let recalled = 0;
  let expectedTotal = 0;
  let expectedHit = 0;
  let flags = 0;
  let goodFlags = 0;
  let relatedFlagged = 0;
  let clearCases = 0;
  let clearCorrect = 0;
  const errors: OverlapEvalError[] = [];
  cases.forEach((c, i) => {
    const matches = results[i]!.matches;
    const byName = new Map(matches.map((m) => [norm(m.name), m]));
    const expect = new Set(c.expect.map(norm));
    const related = new Set(c.related.map(norm));
    let all = true;
    for (const name of expect) {
      expectedTotal++;
      const m = byName.get(name);
      if (m?.level === 'overlap') expectedHit++;
      else {
        all = false;
        errors.push({
          case: i,
          proposal: c.name,
          kind: 'missed',
          platform: name,
          level: m?.level ?? null,
          score: m?.score ?? null,
        });
      }
    }
    if (expect.size > 0) {
      withExpectation++;
      if (all) recalled++;
    }
    let falseHere = 0;
    for (const m of matches) {
      if (m.level !== 'overlap') continue;
      flags++;
      const name = norm(m.name);
      if (expect.has(name)) goodFlags++;
      else if (related.has(name)) {
        goodFlags++;
        relatedFlagged++;
      } else {
        falseHere++;
        errors.push({
          case: i,
          proposal: c.name,
          kind: 'false_overlap',
          platform: m.name,
          level: 'overlap',
          score: m.score,
        });
      }
    }
    if (expect.size === 0) {
      clearCases++;
      if (falseHere === 0) clearCorrect++;
    }
  });
  return {
    cases: cases.length,
    recall: withExpectation === 0 ? 1 : recalled / withExpectation,
    platformRecall: expectedTotal === 0 ? 1 : expectedHit / expectedTotal,
    precision: flags === 0 ? 1 : goodFlags / flags,
    relatedFlaggedAsOverlap: relatedFlagged,
    clearCases,
    clearCorrect,
    errors,
  };
}

/** One JSONL line → a case, or a message naming what is wrong with it. */
export function parseEvalCase(value: unknown): OverlapEvalCase | string {
  if (typeof value !== 'object' || value === null) return 'expected a JSON object';
  const v = value as Record<string, unknown>;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (typeof v.name !== 'string') return '"name" must be a string';
  if (!strings(v.expect)) return '"expect" must be an array of platform names';
  if (v.related !== undefined && !strings(v.related)) return '"related" must be an array of platform names';
  if (v.description !== undefined && typeof v.description !== 'string')
    return '"description" must be a string';
  if (v.functions !== undefined && !strings(v.functions)) return '"functions" must be an array of strings';
  if (v.data !== undefined && !strings(v.data)) return '"data" must be an array of strings';
  return {
    name: v.name,
    description: v.description as string | undefined,
    functions: v.functions as string[] | undefined,
    data: v.data as string[] | undefined,
    expect: v.expect,
    related: (v.related as string[] | undefined) ?? [],
    kind: typeof v.kind === 'string' ? v.kind : undefined,
  };
}
