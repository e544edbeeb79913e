import type { CandidatePair } from './candidates.ts';
import { combine } from './combine.ts';
import type { PreparedPlatform } from './catalogue.ts';
import type { OverlapRules, PlatformPart } from './rules.ts';
import type { Segment } from './segments.ts';
import { isIntegration } from './integration.ts';
import { coverageBound, similarity, type Similarity } from './similarity.ts';

/**
 * The evidence that a proposal (or another catalogue entry) and one platform are the same
 * system: every part of the one against every part of the other, each pairing weighted by how
 * much it says (a name against a name says most), the best pairing per proposal part kept.
 */

export interface Evidence {
  proposal: Segment;
  platform: Segment<PlatformPart>;
  similarity: Similarity;
  /** similarity × the pairing's trust. */
  value: number;
  /** The proposal part connects to or uses the platform rather than rebuilding it. */
  integration: boolean;
}

export interface Assessment {
  /** Combined score over all evidence, 0..1. */
  score: number;
  /** Combined score over the evidence that can make an overlap (see eligible). */
  overlapScore: number;
  /** Best first, one per proposal part. */
  evidence: Evidence[];
}

/** Evidence a description alone gives against a description alone is never enough for an overlap. */
function eligible(e: Evidence): boolean {
  return !e.integration && !(e.proposal.part === 'description' && e.platform.part === 'description');
}

/**
 * Ratios alone would let two nearly generic texts ("Kho dữ liệu", "Cổng dữ liệu") look alike:
 * evidence counts in full only when the words matched on both sides weigh at least `unit`, and
 * in proportion below. The unit is SUBSTANCE_UNIT times the weight of a syllable the catalogue
 * uses once, so a rare one-syllable loanword ("cloud") is enough.
 */
export const SUBSTANCE_UNIT = 0.75;

function substance(sim: Similarity, p: Segment, t: Segment, unit: number): number {
  if (unit <= 0) return 1;
  const matched = Math.min(sim.forward * p.vector.total, sim.backward * t.vector.total);
  return Math.min(1, matched / unit);
}

/**
 * `pairs`: the pairings worth comparing (candidates.ts), all of them when absent; `unit`: see
 * SUBSTANCE_UNIT (0: ratios only).
 */
export function assess(
  proposal: readonly Segment[],
  platform: PreparedPlatform,
  rules: Pick<OverlapRules, 'evidence' | 'corroboration'>,
  integration: ReadonlyMap<Segment, number> = new Map(),
  pairs?: readonly CandidatePair[],
  unit = 0,
): Assessment {
  const evidence: Evidence[] = [];
  // Each part's pairings, likeliest first; a pairing whose bound cannot beat the evidence found
  // is skipped.
  let byPart: CandidatePair[][] | null = null;
  if (pairs) {
    byPart = proposal.map(() => []);
    for (const x of pairs) byPart[x.proposal]?.push(x);
    for (const list of byPart) list.sort((a, b) => b.estimate - a.estimate || b.bound - a.bound);
  }
  proposal.forEach((p, pi) => {
    const trust = rules.evidence[p.part as keyof OverlapRules['evidence']];
    if (!trust) return;
    const targets = byPart
      ? byPart[pi]!
      : platform.segments.map((_, segment) => ({
          proposal: pi,
          segment,
          bound: Infinity,
          estimate: Infinity,
        }));
    let best: Omit<Evidence, 'integration'> | null = null;
    // Likeliest first, so the best found early lets the bounds skip the rest.
    for (const pair of targets) {
      if (best && pair.bound <= best.value) continue;
      const t = platform.segments[pair.segment]!;
      const factor = trust[t.part] ?? 0;
      if (factor <= 0) continue;
      // The best this pairing can reach is `factor`: skip it when that cannot beat what we have.
      if (best && factor <= best.value) continue;
      // Tightened with the platform side, which the candidate bound leaves at 1.
      if (best && Math.min(pair.bound, factor) * Math.sqrt(coverageBound(p.vector, t.vector)) <= best.value)
        continue;
      const sim = similarity(p.vector, t.vector, best ? best.value / factor : 0);
      const value = sim.score * factor * substance(sim, p, t, unit);
      if (value > 0 && (!best || value > best.value))
        best = { proposal: p, platform: t, similarity: sim, value };
    }
    if (best) evidence.push({ ...best, integration: isIntegration(best, integration.get(p) ?? -1) });
  });
  evidence.sort((a, b) => b.value - a.value);
  return {
    score: combine(
      evidence.map((e) => e.value),
      rules.corroboration,
    ),
    overlapScore: combine(
      evidence.filter(eligible).map((e) => e.value),
      rules.corroboration,
    ),
    evidence,
  };
}
