import { combine } from './combine.ts';
import type { PreparedCatalogue } from './catalogue.ts';
import { Marks } from './marks.ts';
import type { OverlapRules } from './rules.ts';
import type { Segment } from './segments.ts';
import type { TextVector } from './weights.ts';

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
  /** Upper bound of the pairing's evidence: trust × √(bound of each side covered). */
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
      stamp: new Int32Array(n),
      next: 0,
      best: new Float64Array(platforms),
      sum: new Float64Array(platforms),
    };
    scratchFor.set(catalogue, s);
  }
  return s;
}

const marks = new Marks();

/**
 * At most how much of a catalogue segment the proposal part says: the share of its groups with
 * at least one key the part emits (a group with none cannot match at all). Exact as a bound,
 * and it tells apart a platform's functions that share the proposal's subject but not its verb.
 */
function platformSide(target: TextVector, said: Marks): number {
  if (target.total <= 0) return 0;
  let covered = 0;
  for (let g = 0; g < target.groupCount; g++) {
    for (let k = target.groupAnyFrom[g]!; k < target.groupAnyTo[g]!; k++) {
      if (said.has(target.anyKeys[k]!)) {
        covered += target.groupWeight[g]!;
        break;
      }
    }
  }
  return Math.min(1, covered / target.total);
}

/** How many platforms, by the cheap bound, get the finer one (times maxCandidates). */
const SHORTLIST = 1.5;

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
  // Pairings as flat numbers (part, global segment, bound): no object per touched platform.
  const pairs: number[] = [];
  const floor = rules.relatedThreshold * PAIR_SHARE;
  // Stage 1: the proposal side's bound, from the inverted index alone.
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
      pairs.push(si, seg, bound);
      if (s.best[ref.platform] === 0 && s.sum[ref.platform] === 0) platformsTouched.push(ref.platform);
      if (bound > s.best[ref.platform]!) s.best[ref.platform] = bound;
      s.sum[ref.platform]! += bound;
    }
    touched.length = 0;
  });
  if (s.next > 2_000_000_000) {
    s.stamp.fill(0);
    s.next = 0;
  }
  // A cheap ranking key (the best pairing, plus corroboration from the rest) picks a shortlist.
  const key = (p: number): number => {
    const best = s.best[p]!;
    return Math.min(1, best + (1 - best) * rules.corroboration * Math.min(3, s.sum[p]! - best));
  };
  const limit = Math.max(0, rules.maxCandidates) * SHORTLIST;
  const shortlisted = platformsTouched
    .map((p) => ({ p, key: key(p) }))
    .filter((x) => x.key >= rules.relatedThreshold)
    .sort((a, b) => b.key - a.key || a.p - b.p)
    .slice(0, limit);
  for (const p of platformsTouched) s.best[p] = s.sum[p] = 0;
  const byPlatform = new Map<number, Candidate>();
  for (const { p } of shortlisted) byPlatform.set(p, { platform: p, pairs: [], bound: 0, parts: new Map() });
  for (let i = 0; i < pairs.length; i += 3) {
    const ref = catalogue.segmentRefs[pairs[i + 1]!]!;
    byPlatform
      .get(ref.platform)
      ?.pairs.push({ proposal: pairs[i]!, segment: ref.segment, bound: pairs[i + 2]! });
  }
  // Stage 2, for the shortlist: each pairing's bound also bounds the platform side.
  segments.forEach((segment, si) => {
    const said = marks.mark(segment.vector.termList);
    for (const c of byPlatform.values()) {
      for (const pair of c.pairs) {
        if (pair.proposal !== si) continue;
        const target = catalogue.platforms[c.platform]!.segments[pair.segment]!.vector;
        pair.bound *= Math.sqrt(platformSide(target, said));
      }
    }
  });
  for (const c of byPlatform.values()) {
    c.pairs = c.pairs.filter((p) => p.bound >= floor);
    for (const p of c.pairs) if (p.bound > (c.parts.get(p.proposal) ?? 0)) c.parts.set(p.proposal, p.bound);
  }
  return rank(byPlatform.values(), rules).slice(0, Math.max(0, rules.maxCandidates));
}
