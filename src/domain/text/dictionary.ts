import { foldedSyllables } from './vietnamese.ts';

/**
 * The term dictionary: abbreviations (CSDL → cơ sở dữ liệu), synonyms and loanwords
 * (cloud ↔ điện toán đám mây) and spelling variants. The authority edits it at run time; the
 * engines receive a built dictionary and never read storage themselves.
 */
export type TermKind = 'abbreviation' | 'synonym' | 'variant';

export interface TermEntry {
  term: string;
  expansions: readonly string[];
  kind: TermKind;
}

export interface Dictionary {
  /** Folded phrase (syllables joined by one space) → alternative folded phrases, as syllable lists. */
  readonly alternatives: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** The longest phrase in syllables, to bound look-ups. */
  readonly maxSyllables: number;
}

function key(text: string): string {
  return foldedSyllables(text).join(' ');
}

/**
 * Builds the look-up table. Abbreviations expand one way (CSDL → cơ sở dữ liệu, not back: the
 * expanded words are common on their own); synonyms and variants expand both ways.
 */
export function buildDictionary(entries: readonly TermEntry[]): Dictionary {
  const table = new Map<string, Map<string, readonly string[]>>();
  const add = (from: string, to: string): void => {
    const fromKey = key(from);
    const toSyllables = foldedSyllables(to);
    if (fromKey === '' || toSyllables.length === 0 || fromKey === toSyllables.join(' ')) return;
    let bucket = table.get(fromKey);
    if (!bucket) table.set(fromKey, (bucket = new Map()));
    bucket.set(toSyllables.join(' '), toSyllables);
  };
  for (const entry of entries) {
    for (const expansion of entry.expansions) {
      add(entry.term, expansion);
      if (entry.kind !== 'abbreviation') add(expansion, entry.term);
    }
  }
  let maxSyllables = 1;
  const alternatives = new Map<string, readonly (readonly string[])[]>();
  for (const [from, bucket] of table) {
    maxSyllables = Math.max(maxSyllables, from.split(' ').length);
    alternatives.set(from, [...bucket.values()]);
  }
  return { alternatives, maxSyllables };
}

export interface PhraseMatch {
  /** Index of the first syllable of the matched phrase in the input. */
  start: number;
  /** Number of syllables matched. */
  length: number;
  /** The phrase as found (folded). */
  phrase: string;
  alternatives: readonly (readonly string[])[];
}

/** Every dictionary phrase found in a list of folded syllables, longest first at each position. */
export function findPhrases(folded: readonly string[], dictionary: Dictionary): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (let start = 0; start < folded.length; start++) {
    const longest = Math.min(dictionary.maxSyllables, folded.length - start);
    for (let length = longest; length >= 1; length--) {
      const phrase = folded.slice(start, start + length).join(' ');
      const alternatives = dictionary.alternatives.get(phrase);
      if (alternatives) found.push({ start, length, phrase, alternatives });
    }
  }
  return found;
}
