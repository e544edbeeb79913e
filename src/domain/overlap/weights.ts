import type { AnalysedText } from './analyse.ts';

/**
 * Term weights: inverse document frequency over the catalogue times the generic multiplier.
 * Keys become integer ids once, so matching reads arrays indexed by id (marks.ts).
 */

export interface Vocabulary {
  readonly ids: ReadonlyMap<string, number>;
  /** idf by term id. */
  readonly idf: Float64Array;
  /** A word the catalogue never uses weighs as one used once: it is content, but not more. */
  readonly unknownUnigram: number;
  /** An unseen bigram is usually two words side by side, not a word: half weight. */
  readonly unknownBigram: number;
}

export const GROUP_UNIGRAM = 0;
export const GROUP_BIGRAM = 1;
export const GROUP_PHRASE = 2;
export const ALT_SURFACE = 0;
export const ALT_ALTERNATIVE = 1;
export const ALT_CONCEPT = 2;

/**
 * A text weighed against the catalogue's vocabulary, as parallel arrays (a catalogue of 1,000
 * platforms holds some 10,000 of these: objects per group and per way of saying it would be a
 * million small objects for the garbage collector). Groups own ranges of ways (alts), ways own
 * ranges of terms; see analyse.ts for what groups and ways are.
 */
export interface TextVector {
  /** Sum of the group weights. */
  total: number;
  groupCount: number;
  /** GROUP_UNIGRAM, GROUP_BIGRAM or GROUP_PHRASE. */
  groupKind: Uint8Array;
  /** Syllable range [start, end) of each group in its text. */
  groupStart: Int32Array;
  groupEnd: Int32Array;
  /** The weight a group adds to the total: that of the text as written. */
  groupWeight: Float64Array;
  groupAltFrom: Int32Array;
  groupAltTo: Int32Array;
  /** For a unigram group: the bigram groups containing its syllable (-1: none). */
  groupWordA: Int32Array;
  groupWordB: Int32Array;
  /**
   * Keys that nominate candidates, [groupKeyFrom, groupKeyTo) in `keys`: those of the text as
   * written, of concepts and of whole-word alternatives. A single syllable of a longer
   * alternative ("điện" of "định danh điện tử") is in half the catalogue and earns little.
   */
  groupKeyFrom: Int32Array;
  groupKeyTo: Int32Array;
  keys: Int32Array;
  /** Every distinct known key of a group, [groupAnyFrom, groupAnyTo) in `anyKeys`: none said, nothing matched. */
  groupAnyFrom: Int32Array;
  groupAnyTo: Int32Array;
  anyKeys: Int32Array;
  /** Per way of saying a group: its terms [altFrom, altTo), total weight, kind, share covered. */
  altFrom: Int32Array;
  altTo: Int32Array;
  altTotal: Float64Array;
  altKind: Uint8Array;
  altScale: Float64Array;
  /** Per term: key id (-1: a key the catalogue never uses, it matches nothing) and weight. */
  ids: Int32Array;
  w: Float64Array;
  /** For a syllable term: the bigram terms (absolute indices, -1: none) that contain it. */
  termWordA: Int32Array;
  termWordB: Int32Array;
  /** The known keys the text emits: what another text's groups look for. */
  termList: Int32Array;
  /** Per emitted key: the share of the total carried by the group that emits it (the largest). */
  termShare: Float32Array;
}

/** BM25's idf: positive for any document frequency, about ln(N) for a word used once. */
function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * `documents`: the distinct keys each catalogue entry emits (document frequencies); `looked`:
 * the keys catalogue entries look for, which need ids too even when no entry emits them (a
 * platform's loose spelling "F|dau thau" is what a proposal typed without diacritics emits).
 */
export function buildVocabulary(
  documents: readonly ReadonlySet<string>[],
  looked: ReadonlySet<string>,
): Vocabulary {
  const df = new Map<string, number>();
  for (const terms of documents) for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  const n = Math.max(1, documents.length);
  const once = idf(1, n);
  const ids = new Map<string, number>();
  const keys = new Set([...df.keys(), ...looked]);
  const weights = new Float64Array(keys.size);
  for (const key of keys) {
    const count = df.get(key) ?? 0;
    weights[ids.size] = count > 0 ? idf(count, n) : once;
    ids.set(key, ids.size);
  }
  return { ids, idf: weights, unknownUnigram: once, unknownBigram: once / 2 };
}

/** The distinct keys a text emits (for document frequencies) and looks for. */
export function collectTerms(text: AnalysedText, emitted: Set<string>, looked: Set<string>): void {
  for (const group of text.groups) {
    for (const key of group.emits) emitted.add(key);
    for (const alt of group.alts) for (const spec of alt.terms) looked.add(spec.term);
  }
}

const ALT_KINDS = { surface: ALT_SURFACE, alternative: ALT_ALTERNATIVE, concept: ALT_CONCEPT } as const;
const GROUP_KINDS = { unigram: GROUP_UNIGRAM, bigram: GROUP_BIGRAM, phrase: GROUP_PHRASE } as const;

export function weigh(text: AnalysedText, vocabulary: Vocabulary): TextVector {
  const groupKind: number[] = [];
  const groupStart: number[] = [];
  const groupEnd: number[] = [];
  const groupWeight: number[] = [];
  const groupAltFrom: number[] = [];
  const groupAltTo: number[] = [];
  const groupKeyFrom: number[] = [];
  const groupKeyTo: number[] = [];
  const keys: number[] = [];
  const groupAnyFrom: number[] = [];
  const groupAnyTo: number[] = [];
  const anyKeys: number[] = [];
  const altFrom: number[] = [];
  const altTo: number[] = [];
  const altTotal: number[] = [];
  const altKind: number[] = [];
  const altScale: number[] = [];
  const ids: number[] = [];
  const w: number[] = [];
  const termWordA: number[] = [];
  const termWordB: number[] = [];
  const emitted = new Map<number, number>();
  let total = 0;
  for (const group of text.groups) {
    const firstAlt = altFrom.length;
    const firstTerm = ids.length;
    const groupKeys = new Set<number>();
    const groupAny = new Set<number>();
    group.alts.forEach((alt, a) => {
      const specs = alt.terms;
      const from = ids.length;
      let sum = 0;
      for (let k = 0; k < specs.length; k++) {
        const spec = specs[k]!;
        const id = vocabulary.ids.get(spec.term);
        const bigram = spec.term.includes(' ', 2);
        const weight =
          (id !== undefined
            ? vocabulary.idf[id]!
            : bigram
              ? vocabulary.unknownBigram
              : vocabulary.unknownUnigram) * spec.mult;
        ids.push(id ?? -1);
        w.push(weight);
        termWordA.push(spec.words?.[0] !== undefined ? from + spec.words[0] : -1);
        termWordB.push(spec.words?.[1] !== undefined ? from + spec.words[1] : -1);
        sum += weight;
        if (id !== undefined && (alt.kind !== 'alternative' || specs.length === 1 || bigram))
          groupKeys.add(id);
        if (id !== undefined) groupAny.add(id);
      }
      if (sum > 0 || a === 0) {
        altFrom.push(from);
        altTo.push(ids.length);
        altTotal.push(sum);
        altKind.push(ALT_KINDS[alt.kind]);
        altScale.push(alt.scale);
      } else {
        // A way that weighs nothing is dropped, its terms with it.
        ids.length = w.length = termWordA.length = termWordB.length = from;
      }
    });
    const weight = altFrom.length > firstAlt ? altTotal[firstAlt]! : 0;
    if (weight <= 0) {
      altFrom.length = altTo.length = altTotal.length = altKind.length = altScale.length = firstAlt;
      ids.length = w.length = termWordA.length = termWordB.length = firstTerm;
      continue;
    }
    for (const key of group.emits) {
      const id = vocabulary.ids.get(key);
      if (id !== undefined && (emitted.get(id) ?? 0) < weight) emitted.set(id, weight);
    }
    groupKind.push(GROUP_KINDS[group.kind]);
    groupStart.push(group.start);
    groupEnd.push(group.end);
    groupWeight.push(weight);
    groupAltFrom.push(firstAlt);
    groupAltTo.push(altFrom.length);
    groupKeyFrom.push(keys.length);
    keys.push(...groupKeys);
    groupKeyTo.push(keys.length);
    groupAnyFrom.push(anyKeys.length);
    anyKeys.push(...groupAny);
    groupAnyTo.push(anyKeys.length);
    total += weight;
  }
  const groupCount = groupKind.length;
  const groupWordA = new Int32Array(groupCount).fill(-1);
  const groupWordB = new Int32Array(groupCount).fill(-1);
  const unigramAt = new Map<number, number>();
  for (let g = 0; g < groupCount; g++) if (groupKind[g] === GROUP_UNIGRAM) unigramAt.set(groupStart[g]!, g);
  for (let g = 0; g < groupCount; g++) {
    if (groupKind[g] !== GROUP_BIGRAM) continue;
    for (const at of [groupStart[g]!, groupStart[g]! + 1]) {
      const u = unigramAt.get(at);
      if (u === undefined) continue;
      if (groupWordA[u] === -1) groupWordA[u] = g;
      else groupWordB[u] = g;
    }
  }
  return {
    total,
    groupCount,
    groupKind: Uint8Array.from(groupKind),
    groupStart: Int32Array.from(groupStart),
    groupEnd: Int32Array.from(groupEnd),
    groupWeight: Float64Array.from(groupWeight),
    groupAltFrom: Int32Array.from(groupAltFrom),
    groupAltTo: Int32Array.from(groupAltTo),
    groupWordA,
    groupWordB,
    groupKeyFrom: Int32Array.from(groupKeyFrom),
    groupKeyTo: Int32Array.from(groupKeyTo),
    keys: Int32Array.from(keys),
    groupAnyFrom: Int32Array.from(groupAnyFrom),
    groupAnyTo: Int32Array.from(groupAnyTo),
    anyKeys: Int32Array.from(anyKeys),
    altFrom: Int32Array.from(altFrom),
    altTo: Int32Array.from(altTo),
    altTotal: Float64Array.from(altTotal),
    altKind: Uint8Array.from(altKind),
    altScale: Float64Array.from(altScale),
    ids: Int32Array.from(ids),
    w: Float64Array.from(w),
    termWordA: Int32Array.from(termWordA),
    termWordB: Int32Array.from(termWordB),
    termList: Int32Array.from(emitted.keys()),
    termShare: Float32Array.from(emitted.values(), (w) => (total > 0 ? w / total : 0)),
  };
}
