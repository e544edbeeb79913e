/**
 * Search quality metrics over labelled cases: hit@1 and hit@5 (a relevant entry at rank 1, or
 * within the first five) and MRR (mean of 1 / rank of the first relevant entry, 0 if absent).
 * Relevance is by platform name, as the published sample files are written.
 */

export interface EvalCase {
  q: string;
  /** Names of the platforms a user would accept. */
  relevant: string[];
  kind?: string;
}

export interface EvalMiss {
  q: string;
  kind: string | undefined;
  relevant: string[];
  /** 1-based rank of the first relevant result, null when it is not in the results at all. */
  rank: number | null;
  top: string[];
}

export interface EvalReport {
  cases: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  /** Cases whose first relevant result is not in the top five. */
  misses: EvalMiss[];
}

/** `results[i]` is the ranked list of names returned for `cases[i]`. */
export function evaluate(cases: readonly EvalCase[], results: readonly (readonly string[])[]): EvalReport {
  if (cases.length !== results.length) throw new RangeError('one result list per case');
  let hit1 = 0;
  let hit5 = 0;
  let reciprocal = 0;
  const misses: EvalMiss[] = [];
  cases.forEach((c, i) => {
    const ranked = results[i]!;
    const relevant = new Set(c.relevant.map((r) => r.normalize('NFC')));
    const at = ranked.findIndex((name) => relevant.has(name.normalize('NFC')));
    const rank = at < 0 ? null : at + 1;
    if (rank === 1) hit1++;
    if (rank !== null && rank <= 5) hit5++;
    if (rank !== null) reciprocal += 1 / rank;
    if (rank === null || rank > 5) {
      misses.push({ q: c.q, kind: c.kind, relevant: c.relevant, rank, top: ranked.slice(0, 5) });
    }
  });
  const n = cases.length || 1;
  return { cases: cases.length, hitAt1: hit1 / n, hitAt5: hit5 / n, mrr: reciprocal / n, misses };
}
