import { SUBSTANCE_UNIT, assess, type Evidence } from './assess.ts';
import { candidates } from './candidates.ts';
import type { PreparedCatalogue } from './catalogue.ts';
import { evidenceReason, round } from './reasons.ts';
import type { OverlapRules, ProposalPart } from './rules.ts';
import type { Segment } from './segments.ts';
import { matchedWords } from './similarity.ts';
import type { OverlapReason } from './types.ts';

/**
 * Catalogue hygiene: entries of the catalogue that are probably one platform recorded twice
 * ("Nền tảng định danh và xác thực điện tử" and the app "VNeID"; NDXP recorded once as "Nền tảng
 * tích hợp, chia sẻ dữ liệu"). Each entry is compared with the others as if it were a proposal;
 * counterpart rules and reuse scope do not apply here, only the texts.
 */

export interface CatalogueDuplicate {
  a: { platformId: string; name: string };
  b: { platformId: string; name: string };
  score: number;
  reasons: OverlapReason[];
}

const AS_PROPOSAL: Record<string, ProposalPart> = {
  name: 'name',
  alias: 'alias',
  function: 'function',
  description: 'description',
};

function reasons(evidence: readonly Evidence[], platformName: string): OverlapReason[] {
  return evidence.slice(0, 3).map((e) => {
    const p = e.proposal;
    const t = e.platform;
    return evidenceReason(
      {
        kind:
          p.part === 'name' || p.part === 'alias'
            ? t.part === 'alias' || p.part === 'alias'
              ? 'alias'
              : 'name'
            : 'function',
        proposalPart: p.part as ProposalPart,
        platformPart: t.part,
        proposalText: p.text,
        platformText: t.text,
        matchedTerms: matchedWords(p.vector, p.analysed.syllables, p.analysed.mults, t.vector).words,
        platformTerms: matchedWords(t.vector, t.analysed.syllables, t.analysed.mults, p.vector).words,
        score: e.value,
      },
      platformName,
      'mục',
    );
  });
}

export function findCatalogueDuplicates(
  catalogue: PreparedCatalogue,
  rules: OverlapRules,
): CatalogueDuplicate[] {
  const found = new Map<string, CatalogueDuplicate>();
  catalogue.platforms.forEach((entry, i) => {
    const asProposal: Segment[] = entry.segments.map((s) => ({
      ...s,
      part: AS_PROPOSAL[s.part] ?? 'description',
    }));
    const bounded = { ...rules, relatedThreshold: rules.duplicateThreshold };
    for (const { platform: j, pairs } of candidates(catalogue, asProposal, bounded, i)) {
      const other = catalogue.platforms[j]!;
      const assessment = assess(
        asProposal,
        other,
        rules,
        new Map(),
        pairs,
        catalogue.vocabulary.unknownUnigram * SUBSTANCE_UNIT,
      );
      if (assessment.score < rules.duplicateThreshold) continue;
      const [first, second] = i < j ? [entry, other] : [other, entry];
      const key = `${Math.min(i, j)}:${Math.max(i, j)}`;
      const known = found.get(key);
      if (known && known.score >= assessment.score) continue;
      found.set(key, {
        a: { platformId: first.platform.id, name: first.platform.name },
        b: { platformId: second.platform.id, name: second.platform.name },
        score: round(assessment.score),
        reasons: reasons(assessment.evidence, other.platform.name),
      });
    }
  });
  return [...found.values()].sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name));
}
