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
  /** Upper bound of the pairing's evidence (trust × √ bound of the proposal part covered). */
  bound: number;
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
  stamp: Int32Array;
  next: number;
}

const scratchFor = new WeakMap<PreparedCatalogue, Scratch>();

function scratch(catalogue: PreparedCatalogue): Scratch {
  let s = scratchFor.get(catalogue);
  if (!s) {
    const n = catalogue.segmentRefs.length;
    s = { acc: new Float64Array(n), stamp: new Int32Array(n), next: 0 };
    scratchFor.set(catalogue, s);
  }
  return s;
}

export function candidates(
  catalogue: PreparedCatalogue,
  segments: readonly Segment[],
  rules: Pick<OverlapRules, 'evidence' | 'relatedThreshold' | 'maxCandidates' | 'corroboration'>,
  exclude = -1,
): Candidate[] {
  // One check runs to completion before another starts (it is synchronous), so the buffers are reused.
  const s = scratch(catalogue);
  const found = new Map<number, Candidate>();
  const touched: number[] = [];
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
        for (let p = 0; p < posting.length; p++) {
          const seg = posting[p]!;
          if (s.stamp[seg] === stamp) continue;
          s.stamp[seg] = stamp;
          if (s.acc[seg] === 0) touched.push(seg);
          s.acc[seg]! += weight;
        }
      }
    }
    for (const seg of touched) {
      const covered = Math.min(1, s.acc[seg]! / total);
      s.acc[seg] = 0;
      const ref = catalogue.segmentRefs[seg]!;
      if (ref.platform === exclude) continue;
      const bound = (trust[ref.part] ?? 0) * Math.sqrt(covered);
      if (bound < floor) continue;
      let candidate = found.get(ref.platform);
      if (!candidate) {
        candidate = { platform: ref.platform, pairs: [], bound: 0, parts: new Map() };
        found.set(ref.platform, candidate);
      }
      candidate.pairs.push({ proposal: si, segment: ref.segment, bound });
      if (bound > candidate.bound) candidate.bound = bound;
      if (bound > (candidate.parts.get(si) ?? 0)) candidate.parts.set(si, bound);
    }
    touched.length = 0;
  });
  if (s.next > 2_000_000_000) {
    s.stamp.fill(0);
    s.next = 0;
  }
  // Ranked by a bound on the combined score: a platform several parts point to comes first.
  // Those that cannot reach the related threshold even so are dropped.
  const ranked: Candidate[] = [];
  for (const c of found.values()) {
    c.bound = combine([...c.parts.values()], rules.corroboration);
    if (c.bound >= rules.relatedThreshold) ranked.push(c);
  }
  return ranked
    .sort((a, b) => b.bound - a.bound || a.platform - b.platform)
    .slice(0, Math.max(0, rules.maxCandidates));
}
