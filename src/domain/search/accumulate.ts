import { FIELD, MASK_BITS, type Entries } from './postings.ts';
import type { Alternative } from './query.ts';
import { sortSlots, type Scratch } from './scratch.ts';
import { STRONG_QUALITY as STRONG_QUALITY_EXPORT } from './word-evidence.ts';

/**
 * The inner loops of scoring: walking sorted posting lists alongside the sorted candidate set
 * and recording into the per-candidate accumulators of Scratch. Kept free of closures and
 * callbacks: they run over up to hundreds of thousands of entries per query.
 */

export const FIELD_WEIGHT: Readonly<Record<keyof typeof FIELD, number>> = {
  name: 3,
  alias: 3,
  nameEn: 2,
  function: 1.6,
  owner: 1.4,
  edition: 1.4,
  description: 1,
  nameStart: 0,
};

/** Weight of the best field in a mask, by mask. */
export const MASK_WEIGHT = Float64Array.from({ length: 1 << MASK_BITS }, (_, mask) => {
  let best = 0;
  for (const [field, bit] of Object.entries(FIELD)) {
    if (mask & bit) best = Math.max(best, FIELD_WEIGHT[field as keyof typeof FIELD]);
  }
  return best;
});

// Module-local copies: tsx compiles imports to getter calls, too slow inside posting loops.
const SHIFT = MASK_BITS;
const NAME_BIT = FIELD.name;
const STRONG_QUALITY = STRONG_QUALITY_EXPORT;

export const PAIR_WEIGHT = 0.6;
/**
 * A list up to this many times longer than the candidate set is scanned; a longer one is probed
 * by galloping search (measured: below ~8× a plain scan is as fast or faster).
 */
const SCAN_RATIO = 8;
export const MAX_CANDIDATES = 200_000;

/** Makes a document a candidate with an empty row. */
export function admit(doc: number, width: number, x: Scratch): number {
  const c = x.count++;
  x.stamp[doc] = x.epoch;
  x.candidate[doc] = c;
  x.members[c] = doc;
  x.strong[c] = 0;
  for (let at = c * width; at < c * width + width; at++) {
    x.values[at] = 0;
    x.pairs[at] = 0;
    x.nameShare[at] = 0;
  }
  return c;
}

/**
 * Live documents that every weighted slot meets, in slot order: the seed slot's documents, then
 * kept only if some alternative of each further slot (shortest first) holds them too.
 */
export function intersectSlots(
  alternatives: readonly Alternative[],
  seed: number,
  weights: readonly number[],
  alive: Uint8Array,
  x: Scratch,
): Int32Array {
  // For membership the folded list of a syllable covers its tone-exact list: skip the latter.
  const covering = (slot: number): Alternative[] => {
    const all = alternatives.filter((a) => a.from <= slot && slot < a.to);
    return all.filter(
      (a) => a.exact === null || !all.some((b) => b.exact === null && b.id === a.id && b.to - b.from === 1),
    );
  };
  const lists = covering(seed).map((alt) => alt.entries);
  let active: Int32Array = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const list of lists) for (let k = 0; k < list.length; k++) active[at++] = list[k]! >>> SHIFT;
  if (lists.length > 1) active = sortSlots(active);
  let n = 0;
  for (let i = 0; i < active.length; i++) {
    const doc = active[i]!;
    if (alive[doc] === 1 && (n === 0 || active[n - 1] !== doc)) active[n++] = doc;
  }
  active = active.subarray(0, n);
  const order = weights
    .map((w, i) => (w > 0 && i !== seed ? i : -1))
    .filter((i) => i >= 0)
    .sort((a, b) => slotSize(alternatives, a) - slotSize(alternatives, b));
  for (const slot of order) {
    const mark = x.nextMark();
    for (const alt of covering(slot)) markAll(alt.entries, active, mark, x);
    let kept = 0;
    for (let i = 0; i < active.length; i++) {
      const doc = active[i]!;
      if (x.marks[doc] === mark) active[kept++] = doc;
    }
    active = active.subarray(0, kept);
    if (kept === 0) break;
  }
  return active;
}

/** Adds every live document of `alt` as a candidate (if room) and records the match. */
export function collect(
  alt: Alternative,
  weights: readonly number[],
  width: number,
  alive: Uint8Array,
  x: Scratch,
): void {
  const entries = alt.entries;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k]!;
    const doc = entry >>> SHIFT;
    if (x.stamp[doc] !== x.epoch) {
      if (alive[doc] !== 1 || x.count >= MAX_CANDIDATES) continue;
      admit(doc, width, x);
    }
    record(alt, x.candidate[doc]!, entry & 0xff, weights, width, x);
  }
}

export function record(
  alt: Alternative,
  c: number,
  mask: number,
  weights: readonly number[],
  width: number,
  x: Scratch,
): void {
  const fieldWeight = MASK_WEIGHT[mask]!;
  const row = c * width;
  // Share of the name a slot stands for, at most one syllable's worth: an expansion (CSDL → four
  // syllables) must not cover more of a name than the literal word would.
  const share = Math.min(1, alt.syllables.length / (alt.to - alt.from));
  const strong = alt.quality >= STRONG_QUALITY;
  for (let s = alt.from; s < alt.to; s++) {
    const v = alt.quality * fieldWeight * weights[s]!;
    if (strong) x.strong[c] = x.strong[c]! | (1 << s);
    if (v > x.values[row + s]!) x.values[row + s] = v;
    if (mask & NAME_BIT && share > x.nameShare[row + s]!) x.nameShare[row + s] = share;
    if (s + 1 < alt.to) {
      // A multi-syllable alternative met as a phrase earns the pair bonus of its slots.
      const p = PAIR_WEIGHT * fieldWeight * (weights[s]! + weights[s + 1]!) * alt.quality;
      if (p > x.pairs[row + s]!) x.pairs[row + s] = p;
    }
  }
}

/**
 * The candidates among `active` (slot order) that a sorted posting list holds, written to
 * x.hitCandidate / x.hitMask; returns how many. Short lists are scanned; longer ones are
 * probed by galloping search (SCAN_RATIO), so a syllable in 100k entries costs a few thousand
 * steps when a few hundred candidates remain. Results go to buffers, not callbacks: this is the
 * innermost loop of every query.
 */
export function hits(entries: Entries, active: Int32Array, x: Scratch): number {
  const n = entries.length;
  let h = 0;
  if (n <= SCAN_RATIO * active.length) {
    for (let k = 0; k < n; k++) {
      const entry = entries[k]!;
      const doc = entry >>> SHIFT;
      if (x.stamp[doc] === x.epoch) {
        x.hitCandidate[h] = x.candidate[doc]!;
        x.hitMask[h++] = entry & 0xff;
      }
    }
    return h;
  }
  let j = 0;
  for (let i = 0; i < active.length && j < n; i++) {
    const doc = active[i]!;
    j = seek(entries, j, doc);
    if (j < n && entries[j]! >>> SHIFT === doc) {
      x.hitCandidate[h] = x.candidate[doc]!;
      x.hitMask[h++] = entries[j]! & 0xff;
    }
  }
  return h;
}

/** The first index at or after `from` whose slot is ≥ doc (galloping, then binary search). */
function seek(entries: Entries, from: number, doc: number): number {
  const n = entries.length;
  // Invariant: entries before lo are below doc; entries[hi], if any, is at or above it.
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < n && entries[hi]! >>> SHIFT < doc) {
    lo = hi + 1;
    hi = lo + step;
    step *= 2;
  }
  if (hi > n) hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid]! >>> SHIFT < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Records every candidate of `active` that `alt` meets. */
export function recordAll(
  alt: Alternative,
  active: Int32Array,
  weights: readonly number[],
  width: number,
  x: Scratch,
): void {
  const h = hits(alt.entries, active, x);
  if (alt.to - alt.from !== 1) {
    for (let i = 0; i < h; i++) record(alt, x.hitCandidate[i]!, x.hitMask[i]!, weights, width, x);
    return;
  }
  const s = alt.from;
  const qw = alt.quality * weights[s]!;
  const share = Math.min(1, alt.syllables.length);
  for (let i = 0; i < h; i++) {
    const at = x.hitCandidate[i]! * width + s;
    const mask = x.hitMask[i]!;
    const v = qw * MASK_WEIGHT[mask]!;
    if (v > x.values[at]!) x.values[at] = v;
    if (mask & NAME_BIT && share > x.nameShare[at]!) x.nameShare[at] = share;
  }
  if (alt.quality >= STRONG_QUALITY) {
    const bit = 1 << s;
    for (let i = 0; i < h; i++) x.strong[x.hitCandidate[i]!] = x.strong[x.hitCandidate[i]!]! | bit;
  }
}

/** Marks (x.marks = mark) the documents of `active` (slot order) that the list holds. */
function markAll(entries: Entries, active: Int32Array, mark: number, x: Scratch): void {
  const n = entries.length;
  if (n <= SCAN_RATIO * active.length) {
    // Marks documents outside `active` too; only the active ones are read back.
    for (let k = 0; k < n; k++) x.marks[entries[k]! >>> SHIFT] = mark;
    return;
  }
  let j = 0;
  for (let i = 0; i < active.length && j < n; i++) {
    const doc = active[i]!;
    j = seek(entries, j, doc);
    if (j < n && entries[j]! >>> SHIFT === doc) x.marks[doc] = mark;
  }
}

export function slotSize(alternatives: readonly Alternative[], slot: number): number {
  let n = 0;
  for (const alt of alternatives) if (alt.from <= slot && slot < alt.to) n += alt.entries.length;
  return n;
}
