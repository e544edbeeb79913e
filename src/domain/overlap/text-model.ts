import type { Dictionary } from '../text/dictionary.ts';
import type { TextRules } from './text-rules.ts';
import { ANY, BARE, CONCEPT } from './keys.ts';
import { exactSyllable, foldPhrase, foldSyllable, startsWith, tokenize, type Syllable } from './tokenize.ts';

/**
 * The compiled form of the text rules and the term dictionary: look-up tables keyed by a
 * phrase's first folded syllable, so analysing a text costs a few map look-ups per syllable
 * whatever the dictionary's size.
 */

export interface TermSpec {
  /** A key (keys.ts): a syllable, or two joined by one space, with its prefix. */
  term: string;
  mult: number;
  /** For a syllable: indices (in the same list) of the bigrams that contain it. */
  words?: number[];
}

/**
 * Unigram and bigram terms of a run of syllables, in order, each syllable linked to the bigrams
 * that contain it. A zero-weight syllable or a punctuation break stops a bigram.
 */
export function buildTerms(
  count: number,
  multAt: (i: number) => number,
  unigram: (i: number) => string,
  bigram: (i: number) => string,
  breakBefore: (i: number) => boolean = () => false,
): TermSpec[] {
  const specs: TermSpec[] = [];
  let previousBigram = -1;
  for (let i = 0; i < count; i++) {
    const m = multAt(i);
    if (m <= 0) {
      previousBigram = -1;
      continue;
    }
    const words = previousBigram >= 0 ? [previousBigram] : [];
    const uni: TermSpec = { term: unigram(i), mult: m, words };
    specs.push(uni);
    previousBigram = -1;
    const n = i + 1 < count ? multAt(i + 1) : 0;
    if (n > 0 && !breakBefore(i + 1)) {
      previousBigram = specs.length;
      words.push(specs.length);
      specs.push({ term: bigram(i), mult: Math.min(m, n) });
    }
  }
  return specs;
}

interface CompiledGeneric {
  syllables: string[];
  /** Exact key of a one-syllable entry written with diacritics, else null. */
  exact: string | null;
  weight: number;
  exactOnly: boolean;
  leadingOnly: boolean;
}

export interface Phrase {
  syllables: string[];
  /** CONCEPT keys of the phrase and of each alternative. */
  concepts: string[];
  alternatives: string[][];
  /** What each alternative looks for in another text (keys, see keys.ts), computed once. */
  altSpecs: TermSpec[][];
  /** The keys the alternatives add to their own text. */
  altEmits: string[];
  /** A generic weight for the whole phrase (CSDL → cơ sở dữ liệu: as generic as its expansion). */
  override: number | null;
}

export interface Marker {
  syllables: string[];
  exact: string | null;
}

export interface TextModel {
  readonly generic: ReadonlyMap<string, readonly CompiledGeneric[]>;
  readonly modifiers: ReadonlyMap<string, readonly Marker[]>;
  readonly modifierWeight: number;
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
  readonly places: ReadonlyMap<string, readonly string[][]>;
  readonly placeMarkers: ReadonlyMap<string, readonly Marker[]>;
}

function byFirst<T>(items: readonly T[], first: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = first(item);
    if (key === undefined) continue;
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

function exactOf(syllables: readonly Syllable[]): string | null {
  const only = syllables.length === 1 ? syllables[0]! : null;
  return only && only.diacritic ? only.exact : null;
}

function compileGeneric(rules: TextRules): Map<string, CompiledGeneric[]> {
  const compiled = rules.generic.map((t) => {
    const syllables = tokenize(t.text);
    return {
      syllables: syllables.map((s) => s.folded),
      exact: exactOf(syllables),
      // A generic phrase weighs like one word: its n syllables make 2n − 1 unigram and bigram
      // terms where a two-syllable word makes 3, so "cơ quan nhà nước" would outweigh "họp".
      weight:
        Math.min(1, Math.max(0, t.weight)) *
        (t.weight < 1 && syllables.length >= 3 ? 3 / (2 * syllables.length - 1) : 1),
      exactOnly: t.exactOnly === true && syllables.length === 1,
      leadingOnly: t.leadingOnly === true,
    };
  });
  const map = byFirst(compiled, (c) => c.syllables[0]);
  // Longest first; at equal length a leading-only entry first (it applies only when leading).
  for (const list of map.values()) {
    list.sort(
      (a, b) => b.syllables.length - a.syllables.length || Number(b.leadingOnly) - Number(a.leadingOnly),
    );
  }
  return map;
}

/**
 * Weight multipliers from the generic table, longest entry first, left to right. `diacritics`
 * says whether the writer typed diacritics at all: then a bare "cho" is the word "cho".
 */
export function genericMultipliers(
  model: Pick<TextModel, 'generic'>,
  syllables: readonly Pick<Syllable, 'exact' | 'folded'>[],
  diacritics: boolean,
): number[] {
  const folded = syllables.map((s) => s.folded);
  const mults = new Array<number>(folded.length).fill(1);
  let leading = true;
  for (let i = 0; i < folded.length;) {
    let hit: CompiledGeneric | null = null;
    let weight = 1;
    for (const entry of model.generic.get(folded[i]!) ?? []) {
      if (entry.leadingOnly && !leading) continue;
      if (!startsWith(folded, i, entry.syllables)) continue;
      weight = entry.weight;
      if (entry.exactOnly) {
        // Typed with diacritics: trust them. Typed bare: the word is ambiguous, so half.
        if (diacritics) {
          if (syllables[i]!.exact !== (entry.exact ?? entry.syllables[0])) continue;
        } else weight = (weight + 1) / 2;
      }
      hit = entry;
      break;
    }
    if (!hit) {
      leading = false;
      i++;
      continue;
    }
    for (let k = 0; k < hit.syllables.length; k++) mults[i + k] = weight;
    if (weight > 0 && !hit.leadingOnly) leading = false;
    i += hit.syllables.length;
  }
  return mults;
}

/**
 * Dictionary alternatives are folded, like text typed without diacritics, so they offer their
 * words to any spelling.
 */
function alternativeEmits(alternatives: readonly string[][]): string[] {
  const emits = new Set<string>();
  for (const alt of alternatives) {
    alt.forEach((syllable, i) => {
      emits.add(ANY + syllable);
      emits.add(BARE + syllable);
      const next = alt[i + 1];
      if (next !== undefined) {
        emits.add(`${ANY}${syllable} ${next}`);
        emits.add(`${BARE}${syllable} ${next}`);
      }
    });
  }
  return [...emits];
}

function genericWeightOf(generic: TextModel['generic'], syllables: readonly string[]): number | null {
  for (const entry of generic.get(syllables[0] ?? '') ?? []) {
    if (entry.leadingOnly || (entry.exactOnly && entry.exact !== null)) continue;
    if (entry.syllables.length === syllables.length && startsWith(syllables, 0, entry.syllables))
      return entry.weight;
  }
  return null;
}

/**
 * Dictionary phrases, both ways. buildDictionary keeps abbreviations one way (CSDL → cơ sở dữ
 * liệu); overlap needs the way back too, because a proposal spelling out "giám sát an ninh
 * mạng" duplicates a platform named "SOC". One-syllable expansions are not reversed: a common
 * word on its own must not turn into an acronym.
 */
function compilePhrases(dictionary: Dictionary, generic: TextModel['generic']): Map<string, Phrase[]> {
  const canon = (syllables: readonly string[]): string[] => syllables.map(foldSyllable);
  const edges = new Map<string, Map<string, string[]>>();
  const add = (from: string[], to: string[]): void => {
    const fromKey = from.join(' ');
    const toKey = to.join(' ');
    if (fromKey === '' || toKey === '' || fromKey === toKey) return;
    const bucket = edges.get(fromKey) ?? new Map<string, string[]>();
    bucket.set(toKey, to);
    edges.set(fromKey, bucket);
  };
  for (const [from, alternatives] of dictionary.alternatives) {
    const fromSyllables = canon(from.split(' '));
    for (const alternative of alternatives) {
      const to = canon(alternative);
      add(fromSyllables, to);
      const back = dictionary.alternatives.get(alternative.join(' '));
      const twoWay = back?.some((b) => b.join(' ') === from) ?? false;
      if (!twoWay && to.length >= 2) add(to, fromSyllables);
    }
  }
  const phrases: Phrase[] = [];
  const specsOf = (syllables: readonly string[], override: number | null): TermSpec[] => {
    const fake = syllables.map((s) => ({ exact: exactSyllable(s), folded: s }));
    const mults = override === null ? genericMultipliers({ generic }, fake, true) : null;
    return buildTerms(
      syllables.length,
      (i) => override ?? mults![i]!,
      (i) => ANY + syllables[i],
      (i) => `${ANY}${syllables[i]} ${syllables[i + 1]}`,
    );
  };
  for (const [key, bucket] of edges) {
    const syllables = key.split(' ');
    const alternatives = [...bucket.values()];
    let override: number | null = null;
    for (const candidate of [syllables, ...alternatives]) {
      override = genericWeightOf(generic, candidate);
      if (override !== null) break;
    }
    const altSpecs = alternatives.map((alt) => specsOf(alt, override));
    const concepts = [key, ...bucket.keys()].map((k) => CONCEPT + k);
    phrases.push({
      syllables,
      concepts,
      alternatives,
      altSpecs,
      altEmits: alternativeEmits(alternatives),
      override,
    });
  }
  const map = byFirst(phrases, (p) => p.syllables[0]);
  for (const list of map.values()) list.sort((a, b) => b.syllables.length - a.syllables.length);
  return map;
}

export function compileTextModel(dictionary: Dictionary, rules: TextRules): TextModel {
  const generic = compileGeneric(rules);
  const places = byFirst(
    rules.places.map((p) => foldPhrase(p)).filter((p) => p.length > 0),
    (p) => p[0],
  );
  for (const list of places.values()) list.sort((a, b) => b.length - a.length);
  const markers = rules.placeMarkers.map((m) => {
    const syllables = tokenize(m);
    return { syllables: syllables.map((s) => s.folded), exact: exactOf(syllables) };
  });
  const modifiers = (rules.modifierMarkers ?? []).map((m) => {
    const syllables = tokenize(m);
    return { syllables: syllables.map((s) => s.folded), exact: exactOf(syllables) };
  });
  return {
    generic,
    modifiers: byFirst(modifiers, (m) => m.syllables[0]),
    modifierWeight: Math.min(1, Math.max(0, rules.modifierWeight ?? 1)),
    phrases: compilePhrases(dictionary, generic),
    places,
    placeMarkers: byFirst(markers, (m) => m.syllables[0]),
  };
}
