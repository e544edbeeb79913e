import { isMeantForReuse } from '../platform.ts';
import type { Dictionary } from '../text/dictionary.ts';
import type { AnalysedText } from './analyse.ts';
import type { PlatformPart } from './rules.ts';
import { analyseParts, sentences, weighParts, type Segment } from './segments.ts';
import { compileTextModel, type TextModel } from './text-model.ts';
import { DEFAULT_TEXT_RULES, type TextRules } from './text-rules.ts';
import type { OverlapPlatform } from './types.ts';
import { buildVocabulary, collectTerms, type Vocabulary } from './weights.ts';

/**
 * The catalogue prepared once for many checks: every platform analysed and weighed, and an
 * inverted index from weighted terms to platforms, so a check scores only the few platforms
 * that share a meaningful word with the proposal instead of the whole catalogue.
 */

export interface PreparedPlatform {
  platform: OverlapPlatform;
  reusable: boolean;
  segments: Segment<PlatformPart>[];
  /** The name and aliases as analysed, for the phrases of counterpart rules. */
  names: AnalysedText[];
}

/** Where a catalogue segment sits: postings hold indices into `segmentRefs`. */
export interface SegmentRef {
  platform: number;
  segment: number;
  part: PlatformPart;
}

export interface PreparedCatalogue {
  readonly platforms: readonly PreparedPlatform[];
  readonly vocabulary: Vocabulary;
  readonly model: TextModel;
  readonly textRules: TextRules;
  readonly segmentRefs: readonly SegmentRef[];
  /** Key id → the catalogue segments (indices into segmentRefs) that emit it. */
  readonly postings: ReadonlyMap<number, Int32Array>;
  /** Parallel to postings: the share of the segment the key stands for (termShare). */
  readonly postingShares: ReadonlyMap<number, Float32Array>;
  /** Every platform's name and aliases, folded, by first syllable: to tell when a text names one. */
  readonly mentions: ReadonlyMap<string, readonly string[][]>;
}

function platformSources(p: OverlapPlatform): { part: PlatformPart; texts: string[] }[] {
  const aliases = [...new Set(p.aliases ?? [])].filter((a) => a.trim() !== '' && a !== p.name);
  return [
    { part: 'name', texts: [p.name] },
    { part: 'alias', texts: aliases },
    { part: 'function', texts: p.functions ?? [] },
    { part: 'description', texts: sentences(p.description ?? '') },
  ];
}

export function prepareCatalogue(
  platforms: readonly OverlapPlatform[],
  dictionary: Dictionary,
  textRules: TextRules = DEFAULT_TEXT_RULES,
): PreparedCatalogue {
  const model = compileTextModel(dictionary, textRules);
  const analysed = platforms.map((p) => analyseParts(platformSources(p), model));
  const looked = new Set<string>();
  const documents = analysed.map((parts) => {
    const terms = new Set<string>();
    for (const part of parts) collectTerms(part.analysed, terms, looked);
    return terms;
  });
  const vocabulary = buildVocabulary(documents, looked);
  const prepared: PreparedPlatform[] = platforms.map((platform, i) => {
    const parts = analysed[i]!;
    return {
      platform,
      reusable: isMeantForReuse(platform),
      segments: weighParts(parts, vocabulary, true),
      names: parts
        .filter((p) => p.part === 'name' || p.part === 'alias')
        .map((p) => ({
          ...p.analysed,
          groups: p.analysed.groups.map((g) => ({ ...g, alts: [], emits: [] })),
        })),
    };
  });
  const mentions = new Map<string, string[][]>();
  for (const p of prepared) {
    for (const name of p.names) {
      const folded = name.syllables.map((x) => x.folded);
      if (folded.length === 0) continue;
      mentions.set(folded[0]!, [...(mentions.get(folded[0]!) ?? []), folded]);
    }
  }
  return {
    platforms: prepared,
    vocabulary,
    model,
    textRules,
    ...buildPostings(prepared),
    mentions,
  };
}

function buildPostings(platforms: readonly PreparedPlatform[]): {
  segmentRefs: SegmentRef[];
  postings: Map<number, Int32Array>;
  postingShares: Map<number, Float32Array>;
} {
  const segmentRefs: SegmentRef[] = [];
  const lists = new Map<number, { segments: number[]; shares: number[] }>();
  platforms.forEach((p, platform) => {
    p.segments.forEach((s, segment) => {
      const index = segmentRefs.length;
      segmentRefs.push({ platform, segment, part: s.part });
      s.vector.termList.forEach((id, k) => {
        let list = lists.get(id);
        if (!list) lists.set(id, (list = { segments: [], shares: [] }));
        list.segments.push(index);
        list.shares.push(s.vector.termShare[k]!);
      });
    });
  });
  const postings = new Map<number, Int32Array>();
  const postingShares = new Map<number, Float32Array>();
  for (const [id, list] of lists) {
    postings.set(id, Int32Array.from(list.segments));
    postingShares.set(id, Float32Array.from(list.shares));
  }
  return { segmentRefs, postings, postingShares };
}
