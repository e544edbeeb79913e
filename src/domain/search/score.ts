import {
  admit,
  collect,
  hits,
  intersectSlots,
  MASK_WEIGHT as FIELD_MASK_WEIGHT,
  MAX_CANDIDATES,
  PAIR_WEIGHT,
  recordAll,
  slotSize,
} from './accumulate.ts';
import type { PostingStore } from './postings.ts';
import type { Alternative, ParsedQuery } from './query.ts';
import { sortSlots, type Scratch } from './scratch.ts';
import { metAsWords, wordQuery } from './word-evidence.ts';

/**
 * Relevance, in passes over posting lists into per-candidate accumulators (scratch.ts).
 *
 * A slot scores the best of its alternatives: quality × field weight × slot weight (IDF). Two
 * adjacent slots found side by side in one field earn a pair bonus (phrase and proximity); the sum
 * is scaled by coverage (share of the query's weight met) and by how much of the name the query
 * covers, so "Bản đồ số" beats a long name that merely mentions the three syllables.
 *
 * Bounded work, in the spirit of Lucene's common-terms query: candidates are the entries of rare
 * alternatives (lists up to the cutoff) plus the entries meeting every word of the query (an
 * integer intersection, shortest lists first, galloping through long ones). Entries that meet
 * only some common words never become candidates, so "hệ thống" in 60k entries is probed, not
 * scanned. When nothing qualifies, the rarest word's entries are scored and flagged relaxed.
 */

// A module-local copy: tsx compiles imports to getter calls, too slow inside posting loops.
const MASK_WEIGHT = FIELD_MASK_WEIGHT;
const NAME_COVERAGE_WEIGHT = 0.5;
const MAX_PAIR_LOOKUPS = 64;

export function commonCutoff(liveCount: number): number {
  return Math.max(1000, Math.ceil(liveCount * 0.02));
}

/** The matched slots and their scores: views into scratch buffers, valid until the next query. */
export interface Scored {
  count: number;
  slots: Int32Array;
  scores: Float64Array;
  /** No entry met enough of the query; these meet some of it. */
  relaxed: boolean;
}

const NOTHING: Scored = { count: 0, slots: new Int32Array(0), scores: new Float64Array(0), relaxed: false };

export interface ScoreInput {
  query: ParsedQuery;
  postings: PostingStore;
  alive: Uint8Array;
  nameLength: readonly number[];
  slotCount: number;
  liveCount: number;
  /** 0: the default cutoff. */
  commonList: number;
}

export function score(input: ScoreInput, x: Scratch): Scored {
  const { query, alive } = input;
  const width = query.slots.length;
  const weights = query.slots.map((s) => s.weight);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  if (totalWeight === 0) return NOTHING;
  x.begin(input.slotCount);

  const cutoff = input.commonList > 0 ? input.commonList : commonCutoff(input.liveCount);
  const scored = query.alternatives.filter((a) => weights.slice(a.from, a.to).some((w) => w > 0));
  const creators = scored.filter((a) => a.entries.length <= cutoff);
  const allCommon = creators.length === 0;
  let seed = -1;
  let smallest = Infinity;
  weights.forEach((w, i) => {
    const size = slotSize(scored, i);
    if (w > 0 && size < smallest) [seed, smallest] = [i, size];
  });
  // Candidates: every entry of a rare alternative, and every entry meeting all the query's
  // words (an integer intersection); entries meeting only some common words are not worth it.
  const survivors = intersectSlots(scored, seed, weights, alive, x);
  const bound = creators.reduce((n, a) => n + a.entries.length, survivors.length);
  x.reserve(Math.min(MAX_CANDIDATES, input.slotCount, bound), width);
  const collected = new Set<Alternative>();
  for (const alt of creators) {
    collect(alt, weights, width, alive, x);
    collected.add(alt);
  }
  for (let i = 0; i < survivors.length && x.count < MAX_CANDIDATES; i++) {
    if (x.stamp[survivors[i]!] !== x.epoch) admit(survivors[i]!, width, x);
  }
  if (x.count === 0) {
    // Nothing rare and nothing meets every word: the rarest word's entries, scored as relaxed.
    const fallback = scored.filter((a) => a.from <= seed && seed < a.to);
    x.reserve(Math.min(MAX_CANDIDATES, input.slotCount, slotSize(fallback, seed)), width);
    for (const alt of fallback) {
      collect(alt, weights, width, alive, x);
      collected.add(alt);
    }
  }
  if (x.count === 0) return NOTHING;
  // Candidates in slot order, to walk sorted posting lists alongside them.
  const active =
    x.count === survivors.length && collected.size === 0 ? survivors : sortSlots(x.members.slice(0, x.count));
  for (const alt of scored) if (!collected.has(alt)) recordAll(alt, active, weights, width, x);
  addPairBonuses(query, input.postings, weights, x, active);
  return finish(input, x, weights, totalWeight, allCommon);
}

/** Totals per candidate; keeps those covering enough of the query (or all, flagged relaxed). */
function finish(
  input: ScoreInput,
  x: Scratch,
  weights: readonly number[],
  total: number,
  allCommon: boolean,
): Scored {
  const query = input.query;
  const width = weights.length;
  const known = weights.filter((w) => w > 0).length;
  const threshold = allCommon || known <= 1 ? 0.999 : known === 2 ? 0.5 : 0.4;
  const words = wordQuery(query, weights, input.postings);
  let strict = 0;
  for (let c = 0; c < x.count; c++) {
    const row = c * width;
    let base = 0;
    let covered = 0;
    let name = 0;
    let phrase = false;
    for (let s = 0; s < width; s++) {
      const v = x.values[row + s]!;
      const p = x.pairs[row + s]!;
      base += v + p;
      if (v > 0) covered += weights[s]!;
      if (p > 0) phrase = true;
      name += x.nameShare[row + s]!;
    }
    // Stray syllables of the query's words are no match at all, not even a relaxed one.
    const coverage = metAsWords(x.strong[c]!, phrase, words) ? covered / total : -1;
    x.coverage[c] = coverage;
    if (coverage >= threshold) strict++;
    const nameCoverage = Math.min(1, name / Math.max(1, input.nameLength[x.members[c]!] ?? 1));
    x.scores[c] = base * (0.5 + 0.5 * coverage) * (1 + NAME_COVERAGE_WEIGHT * nameCoverage);
  }
  const relaxed = strict === 0;
  let n = 0;
  for (let c = 0; c < x.count; c++) {
    if (x.coverage[c]! < 0 || (!relaxed && x.coverage[c]! < threshold)) continue;
    x.matched[n] = x.members[c]!;
    x.scores[n++] = x.scores[c]!;
  }
  return { count: n, slots: x.matched.subarray(0, n), scores: x.scores.subarray(0, n), relaxed };
}

/** Adjacent slots met by adjacent syllables of one field: the phrase and proximity signal. */
function addPairBonuses(
  query: ParsedQuery,
  postings: PostingStore,
  weights: readonly number[],
  x: Scratch,
  active: Int32Array,
): void {
  const width = query.slots.length;
  const single = query.slots.map((_, i) => bestSingles(query.alternatives, i));
  let lookups = 0;
  for (let s = 0; s + 1 < width; s++) {
    // A pair with a stop syllable ("hồ sơ" where "hồ" is everywhere) still says "phrase".
    const pairWeight = weights[s]! + weights[s + 1]!;
    if (pairWeight === 0) continue;
    for (const [a, qa] of single[s]!) {
      for (const [b, qb] of single[s + 1]!) {
        if (++lookups > MAX_PAIR_LOOKUPS) return;
        const entries = postings.pair(a, b);
        if (entries.length === 0) continue;
        const bonus = PAIR_WEIGHT * pairWeight * Math.min(qa, qb);
        const h = hits(entries, active, x);
        for (let i = 0; i < h; i++) {
          const at = x.hitCandidate[i]! * width + s;
          const p = bonus * MASK_WEIGHT[x.hitMask[i]!]!;
          if (p > x.pairs[at]!) x.pairs[at] = p;
        }
      }
    }
  }
}

/** The one-syllable alternatives of a slot as (syllable id, best quality), best first, at most 4. */
function bestSingles(alternatives: readonly Alternative[], slot: number): [number, number][] {
  const best = new Map<number, number>();
  for (const alt of alternatives) {
    if (alt.from !== slot || alt.to !== slot + 1 || alt.id === undefined) continue;
    best.set(alt.id, Math.max(best.get(alt.id) ?? 0, alt.quality));
  }
  return [...best].sort((x, y) => y[1] - x[1]).slice(0, 4);
}
