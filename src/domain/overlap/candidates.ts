import { combine } from './combine.ts';
import type { PreparedCatalogue } from './catalogue.ts';
import type { OverlapRules } from './rules.ts';
import type { Segment } from './segments.ts';

/**
 * Candidate generation without all-pairs: the inverted index maps each key to the catalogue
 * segments that emit it. For each part of the proposal, the groups whose keys a segment emits
 * give an upper bound of how much of the part that segment can cover; a pairing whose bound,
 * times its trust, cannot reach the related threshold is never scored. Only the few pairings
 * left are compared in full (similarity.ts).
 */

export interface CandidatePair {
  /** Index of the proposal part in the list passed in. */
  proposal: number;
  /** Index of the segment in the platform's segments. */
  segment: number;
  /** Upper bound of the pairing's evidence: trust × √(share of the proposal part that can match). */
  bound: number;
  /** Estimate of the evidence (also the platform side): the order in which pairings are tried. */
  estimate: number;
}

export interface Candidate {
  platform: number;
  pairs: CandidatePair[];
  /** Bound on the combined score (assess.ts `combine` of the best bound per part): the ranking. */
  bound: number;
  /** Best bound per proposal part (by index), for a bound on the combined score. */
  parts: Map<number, number>;
}

/**
 * Groups lighter than this share of their text (hệ thống, quốc gia, của) do not nominate: their
 * keys are in half the catalogue, and a pairing that lives on them is not worth showing.
 */
const LIGHT_SHARE = 0.05;
/** Several weaker pieces of evidence combine, so a single pairing may sit below the threshold. */
const PAIR_SHARE = 0.7;

interface Scratch {
  acc: Float64Array;
  /** Per segment: estimated share of it the proposal part says (keys found × their share). */
  said: Float64Array;
  stamp: Int32Array;
  next: number;
  /** Per platform: best pairing bound and sum of bounds so far in this check (stage 1). */
  best: Float64Array;
  sum: Float64Array;
}

const scratchFor = new WeakMap<PreparedCatalogue, Scratch>();

function scratch(catalogue: PreparedCatalogue): Scratch {
  let s = scratchFor.get(catalogue);
  if (!s) {
    const n = catalogue.segmentRefs.length;
    const platforms = catalogue.platforms.length;
    s = {
      acc: new Float64Array(n),
      said: new Float64Array(n),
      stamp: new Int32Array(n),
      next: 0,
      best: new Float64Array(platforms),
      sum: new Float64Array(platforms),
    };
    scratchFor.set(catalogue, s);
  }
  return s;
}

/**
 * The k items of highest key (at least `min`), best first, ties by item: a bounded min-heap, so
 * hundreds of touched platforms cost no full sort.
 */
export function topK(
  items: readonly number[],
  key: (item: number) => number,
  min: number,
  k: number,
): number[] {
  const heap: { item: number; key: number }[] = [];
  const worse = (a: { item: number; key: number }, b: { item: number; key: number }): boolean =>
    a.key < b.key || (a.key === b.key && a.item > b.item);
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const item of items) {
    const entry = { item, key: key(item) };
    if (entry.key < min || k <= 0) continue;
    if (heap.length < k) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (worse(heap[0]!, entry)) {
      heap[0] = entry;
      down(0);
    }
  }
  return heap.sort((a, b) => b.key - a.key || a.item - b.item).map((e) => e.item);
}

function rank(
  found: Iterable<Candidate>,
  rules: Pick<OverlapRules, 'corroboration' | 'relatedThreshold'>,
): Candidate[] {
  // Ranked by a bound on the combined score: a platform several parts point to comes first.
  // Those that cannot reach the related threshold even so are dropped.
  const ranked: Candidate[] = [];
  for (const c of found) {
    c.bound = combine([...c.parts.values()], rules.corroboration);
    if (c.bound >= rules.relatedThreshold) ranked.push(c);
  }
  return ranked.sort((a, b) => b.bound - a.bound || a.platform - b.platform);
}

export function candidates(
  catalogue: PreparedCatalogue,
  segments: readonly Segment[],
  rules: Pick<OverlapRules, 'evidence' | 'relatedThreshold' | 'maxCandidates' | 'corroboration'>,
  exclude = -1,
): Candidate[] {
  // One check runs to completion before another starts (it is synchronous), so the buffers are reused.
  const s = scratch(catalogue);
  const touched: number[] = [];
  const platformsTouched: number[] = [];
  // Pairings as flat numbers (part, global segment, bound, estimate): no object per touched platform.
  const pairs: number[] = [];
  const floor = rules.relatedThreshold * PAIR_SHARE;
  segments.forEach((segment, si) => {
    const trust = rules.evidence[segment.part as keyof OverlapRules['evidence']];
    const total = segment.vector.total;
    if (!trust || total <= 0) return;
    const v = segment.vector;
    for (let g = 0; g < v.groupCount; g++) {
      const weight = v.groupWeight[g]!;
      if (weight < total * LIGHT_SHARE) continue;
      // A group counts once per segment however many of its keys the segment emits.
      const stamp = ++s.next;
      for (let k = v.groupKeyFrom[g]!; k < v.groupKeyTo[g]!; k++) {
        const posting = catalogue.postings.get(v.keys[k]!);
        if (!posting) continue;
        const shares = catalogue.postingShares.get(v.keys[k]!)!;
        for (let p = 0; p < posting.length; p++) {
          const seg = posting[p]!;
          if (s.stamp[seg] === stamp) continue;
          s.stamp[seg] = stamp;
          if (s.acc[seg] === 0) touched.push(seg);
          s.acc[seg]! += weight;
          s.said[seg]! += shares[p]!;
        }
      }
    }
    for (const seg of touched) {
      const covered = Math.min(1, s.acc[seg]! / total);
      const said = Math.min(1, s.said[seg]!);
      s.acc[seg] = s.said[seg] = 0;
      const ref = catalogue.segmentRefs[seg]!;
      if (ref.platform === exclude) continue;
      const factor = trust[ref.part] ?? 0;
      const bound = factor * Math.sqrt(covered);
      if (bound < floor) continue;
      // The ranking also weighs how much of the segment the part says (an estimate, not a bound).
      const estimate = factor * Math.sqrt(covered * said);
      pairs.push(si, seg, bound, estimate);
      if (s.best[ref.platform] === 0 && s.sum[ref.platform] === 0) platformsTouched.push(ref.platform);
      if (estimate > s.best[ref.platform]!) s.best[ref.platform] = estimate;
      s.sum[ref.platform]! += estimate;
    }
    touched.length = 0;
  });
  if (s.next > 2_000_000_000) {
    s.stamp.fill(0);
    s.next = 0;
  }
  // A cheap ranking key (the best pairing, plus corroboration from the rest) picks the candidates;
  // assess.ts tightens each pairing's bound with the platform side before comparing in full.
  const key = (p: number): number => {
    const best = s.best[p]!;
    return Math.min(1, best + (1 - best) * rules.corroboration * Math.min(3, s.sum[p]! - best));
  };
  // The key is an estimate, not a bound: cutting it at the related threshold dropped platforms
  // whose full score reaches it ("cấp tài khoản định danh điện tử" lost the identification
  // platform). The cut is the pairing floor; rank() still drops what cannot reach the threshold.
  const shortlisted = topK(platformsTouched, key, floor, Math.max(0, rules.maxCandidates));
  for (const p of platformsTouched) s.best[p] = s.sum[p] = 0;
  const byPlatform = new Map<number, Candidate>();
  for (const p of shortlisted) byPlatform.set(p, { platform: p, pairs: [], bound: 0, parts: new Map() });
  for (let i = 0; i < pairs.length; i += 4) {
    const ref = catalogue.segmentRefs[pairs[i + 1]!]!;
    byPlatform.get(ref.platform)?.pairs.push({
      proposal: pairs[i]!,
      segment: ref.segment,
      bound: pairs[i + 2]!,
      estimate: pairs[i + 3]!,
    });
  }
  for (const c of byPlatform.values()) {
    for (const p of c.pairs) if (p.bound > (c.parts.get(p.proposal) ?? 0)) c.parts.set(p.proposal, p.bound);
  }
  return rank(byPlatform.values(), rules).slice(0, Math.max(0, rules.maxCandidates));
}
