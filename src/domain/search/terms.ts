import type { Dictionary } from '../text/dictionary.ts';
import { canonicalIY } from './tokenize.ts';

/**
 * What the engine reads from the term dictionary. buildDictionary keeps abbreviations one way
 * (CSDL → cơ sở dữ liệu) and synonyms both ways; the engine also needs the other direction of an
 * abbreviation for search, narrowly: when a query spells out a whole multi-syllable expansion
 * ("giám sát an ninh mạng") an entry that only shows the short form (SOC) should still match.
 * A one-syllable expansion is not reversed: that syllable is too common on its own.
 */
export interface TermTables {
  readonly forward: Dictionary;
  readonly reverse: Dictionary;
  /**
   * Most of an expansion → its abbreviation, for weaker matches: "an ninh mạng" is three of the
   * five syllables of "giám sát an ninh mạng" (SOC). Only runs of at least 60% of an expansion of
   * 3+ syllables, so "dữ liệu" alone does not drag in every data abbreviation.
   */
  readonly partial: Dictionary;
  /** "from\u0000to" pairs that are abbreviations (one-way in the dictionary). */
  readonly abbreviations: ReadonlySet<string>;
}

export function pairId(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

/** The dictionary with every syllable in the index's i/y spelling (see canonicalIY). */
function canonical(dictionary: Dictionary): Dictionary {
  const phrase = (syllables: readonly string[]): string[] => syllables.map(canonicalIY);
  const alternatives = new Map<string, (readonly string[])[]>();
  for (const [from, list] of dictionary.alternatives) {
    const key = phrase(from.split(' ')).join(' ');
    const merged = alternatives.get(key) ?? [];
    for (const alt of list) {
      const canon = phrase(alt);
      if (!merged.some((m) => m.join(' ') === canon.join(' '))) merged.push(canon);
    }
    alternatives.set(key, merged);
  }
  return { alternatives, maxSyllables: dictionary.maxSyllables };
}

export function buildTermTables(source: Dictionary): TermTables {
  const dictionary = canonical(source);
  const abbreviations = new Set<string>();
  const reverse = new Map<string, string[][]>();
  let maxSyllables = 1;
  for (const [from, alternatives] of dictionary.alternatives) {
    for (const alternative of alternatives) {
      const to = alternative.join(' ');
      const back = dictionary.alternatives.get(to);
      if (back?.some((b) => b.join(' ') === from)) continue;
      abbreviations.add(pairId(from, to));
      if (alternative.length < 2) continue;
      const list = reverse.get(to) ?? [];
      list.push(from.split(' '));
      reverse.set(to, list);
      maxSyllables = Math.max(maxSyllables, alternative.length);
    }
  }
  const partial = new Map<string, string[][]>();
  for (const [to, froms] of reverse) {
    const syllables = to.split(' ');
    const n = syllables.length;
    if (n < 3) continue;
    for (let m = Math.max(2, Math.ceil(0.6 * n)); m < n; m++) {
      for (let start = 0; start + m <= n; start++) {
        const part = syllables.slice(start, start + m).join(' ');
        const list = partial.get(part) ?? [];
        for (const from of froms) if (!list.some((l) => l.join(' ') === from.join(' '))) list.push(from);
        partial.set(part, list);
      }
    }
  }
  return {
    forward: dictionary,
    reverse: { alternatives: reverse, maxSyllables },
    partial: { alternatives: partial, maxSyllables },
    abbreviations,
  };
}
