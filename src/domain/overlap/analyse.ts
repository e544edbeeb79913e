import { ANY, BARE, EXACT } from './keys.ts';
import { genericMultipliers, type Phrase, type TermSpec, type TextModel } from './text-model.ts';
import { markPlaces, reduceModifiers } from './positions.ts';
import { hasDiacritics, startsWith, tokenize, type Syllable } from './tokenize.ts';

/**
 * One text (a name, a function, a sentence of a description) → syllables, a weight multiplier
 * per syllable, and the groups the matcher compares.
 *
 * A group is one unit of meaning with its alternative spellings: a syllable ("thầu"), a syllable
 * bigram ("đấu thầu": Vietnamese words are mostly two syllables, so bigrams carry the words and
 * unigrams the partial matches), or a dictionary phrase with every way of saying it
 * (chatbot | trợ lý ảo | virtual assistant). A group counts once, by its best alternative:
 * "trợ lý ảo (chatbot)" is not twice the evidence, and a platform whose SOC has four renderings
 * is not penalised for the three a proposal did not use.
 */

/**
 * One way of saying a group: the text as written (exact, and loose for a writer who typed no
 * diacritics), a dictionary alternative (words: partial matches count), or a concept key
 * (all or nothing) scaled by the share of the group it covers (a nested phrase covers part).
 */
export interface AltSpec {
  kind: 'surface' | 'alternative' | 'concept';
  terms: TermSpec[];
  scale: number;
}

export interface GroupSpec {
  kind: 'unigram' | 'bigram' | 'phrase';
  /** Syllable range [start, end) in the text. */
  start: number;
  end: number;
  /** What the group looks for in another text (keys.ts); alts[0] is the text as written. */
  alts: AltSpec[];
  /** The keys the group adds to its own text's term set. */
  emits: string[];
  /** Folded syllables of the dictionary alternatives (for phrase rules); empty for plain groups. */
  altSyllables: readonly string[][];
}

export interface AnalysedText {
  syllables: Syllable[];
  folded: string[];
  mults: number[];
  groups: GroupSpec[];
}

interface Keys {
  look: string;
  loose: string;
  emits: readonly [string, string];
}

function unigramKeys(s: Syllable): Keys {
  return s.diacritic
    ? { look: EXACT + s.exact, loose: BARE + s.folded, emits: [ANY + s.folded, EXACT + s.exact] }
    : { look: ANY + s.folded, loose: ANY + s.folded, emits: [ANY + s.folded, BARE + s.folded] };
}

function bigramKeys(a: Syllable, b: Syllable): Keys {
  const folded = `${a.folded} ${b.folded}`;
  if (!(a.diacritic && b.diacritic))
    return { look: ANY + folded, loose: ANY + folded, emits: [ANY + folded, BARE + folded] };
  const exact = `${EXACT}${a.exact} ${b.exact}`;
  return { look: exact, loose: BARE + folded, emits: [ANY + folded, exact] };
}

/**
 * Keys of written syllables and pairs, shared by every text: the same few thousand syllables
 * recur in every proposal, and building their keys anew is most of what analysis allocates.
 * Bounded; on overflow it starts again.
 */
const MAX_CACHED = 200_000;
const unigramCache = new Map<string, Keys>();
const bigramCache = new Map<string, Map<string, Keys>>();
let bigramsCached = 0;

function cachedUnigram(s: Syllable): Keys {
  let keys = unigramCache.get(s.lower);
  if (!keys) {
    if (unigramCache.size >= MAX_CACHED) unigramCache.clear();
    unigramCache.set(s.lower, (keys = unigramKeys(s)));
  }
  return keys;
}

function cachedBigram(a: Syllable, b: Syllable): Keys {
  let next = bigramCache.get(a.lower);
  if (!next) bigramCache.set(a.lower, (next = new Map()));
  let keys = next.get(b.lower);
  if (!keys) {
    if (++bigramsCached > MAX_CACHED) {
      bigramCache.clear();
      bigramsCached = 0;
    }
    next.set(b.lower, (keys = bigramKeys(a, b)));
  }
  return keys;
}

/** The keys of each syllable and each adjacent pair of a text. */
class TextKeys {
  constructor(private readonly syllables: readonly Syllable[]) {}
  unigram(i: number): Keys {
    return cachedUnigram(this.syllables[i]!);
  }
  bigram(i: number): Keys {
    return cachedBigram(this.syllables[i]!, this.syllables[i + 1]!);
  }
}

/**
 * Surface alternatives of syllables [start, end): as written and loose (when they differ), with
 * the keys they emit. `override` replaces the multipliers (a generic dictionary phrase);
 * `breaks`: punctuation stops bigrams (not inside a dictionary phrase).
 */
function surfaceAlts(
  keys: TextKeys,
  syllables: readonly Syllable[],
  mults: readonly number[],
  start: number,
  end: number,
  override: number | null,
  breaks: boolean,
): { alts: AltSpec[]; emits: string[] } {
  const look: TermSpec[] = [];
  const loose: TermSpec[] = [];
  const emits: string[] = [];
  let same = true;
  let previousBigram = -1;
  for (let i = start; i < end; i++) {
    const m = override ?? mults[i]!;
    if (m <= 0) {
      previousBigram = -1;
      continue;
    }
    const u = keys.unigram(i);
    const words = previousBigram >= 0 ? [previousBigram] : [];
    look.push({ term: u.look, mult: m, words });
    loose.push({ term: u.loose, mult: m, words });
    emits.push(u.emits[0], u.emits[1]);
    same &&= u.look === u.loose;
    previousBigram = -1;
    const n = i + 1 < end ? (override ?? mults[i + 1]!) : 0;
    if (n > 0 && !(breaks && syllables[i + 1]!.breakBefore)) {
      const b = keys.bigram(i);
      previousBigram = look.length;
      words.push(look.length);
      look.push({ term: b.look, mult: Math.min(m, n) });
      loose.push({ term: b.loose, mult: Math.min(m, n) });
      emits.push(b.emits[0], b.emits[1]);
      same &&= b.look === b.loose;
    }
  }
  const alts: AltSpec[] = [{ kind: 'surface', terms: look, scale: 1 }];
  if (!same) alts.push({ kind: 'surface', terms: loose, scale: 1 });
  return { alts, emits };
}

const concept = (key: string, scale = 1): AltSpec => ({
  kind: 'concept',
  terms: [{ term: key, mult: 1 }],
  scale,
});
const alternatives = (phrase: Phrase): AltSpec[] =>
  phrase.altSpecs.map((terms) => ({ kind: 'alternative', terms, scale: 1 }));

/** Shorter dictionary phrases inside [start, end), with the share of the group's weight they cover. */
function nestedPhrases(
  model: TextModel,
  folded: readonly string[],
  mults: readonly number[],
  start: number,
  end: number,
): { phrase: Phrase; share: number }[] {
  let whole = 0;
  for (let i = start; i < end; i++) whole += mults[i]!;
  const found: { phrase: Phrase; share: number }[] = [];
  for (let i = start; i < end; i++) {
    for (const phrase of model.phrases.get(folded[i]!) ?? []) {
      const to = i + phrase.syllables.length;
      if (to > end || (i === start && to === end) || !startsWith(folded, i, phrase.syllables)) continue;
      let part = 0;
      for (let k = i; k < to; k++) part += mults[k]!;
      if (whole > 0 && part > 0) found.push({ phrase, share: part / whole });
    }
  }
  return found;
}

function longestPhrase(model: TextModel, folded: readonly string[], at: number): Phrase | undefined {
  return model.phrases.get(folded[at]!)?.find((p) => startsWith(folded, at, p.syllables));
}

/**
 * Brand names built on a dictionary word: "VNeID" is "eID" (định danh điện tử) with the
 * country prefix, as in many of the state's apps.
 */
function brandPhrase(model: TextModel, folded: string): { rest: string; phrase: Phrase } | undefined {
  if (folded.length < 4 || !folded.startsWith('vn')) return undefined;
  const rest = folded.slice(2);
  const phrase = model.phrases.get(rest)?.find((p) => p.syllables.length === 1);
  return phrase ? { rest, phrase } : undefined;
}

function phraseGroup(
  model: TextModel,
  keys: TextKeys,
  syllables: readonly Syllable[],
  folded: readonly string[],
  mults: readonly number[],
  start: number,
  phrase: Phrase,
): GroupSpec {
  const end = start + phrase.syllables.length;
  // Inside a dictionary phrase punctuation does not break words ("tích hợp, chia sẻ dữ liệu").
  const surface = surfaceAlts(keys, syllables, mults, start, end, phrase.override, false);
  const nested = nestedPhrases(model, folded, mults, start, end);
  return {
    kind: 'phrase',
    start,
    end,
    alts: [
      ...surface.alts,
      concept(phrase.concepts[0]!),
      ...alternatives(phrase),
      ...nested.map((n) => concept(n.phrase.concepts[0]!, n.share)),
    ],
    emits: [
      ...surface.emits,
      ...phrase.concepts,
      ...phrase.altEmits,
      ...nested.flatMap((n) => [...n.phrase.concepts, ...n.phrase.altEmits]),
    ],
    altSyllables: [...phrase.alternatives, ...nested.flatMap((n) => n.phrase.alternatives)],
  };
}

export function analyseText(text: string, model: TextModel): AnalysedText {
  const syllables = tokenize(text);
  const folded = syllables.map((s) => s.folded);
  const diacritics = hasDiacritics(syllables);
  const mults = genericMultipliers(model, syllables, diacritics);
  const place = markPlaces(model, syllables, folded, diacritics);
  for (let i = 0; i < mults.length; i++) if (place[i]) mults[i] = 0;
  reduceModifiers(model, syllables, folded, mults, diacritics);

  const groups: GroupSpec[] = [];
  const keys = new TextKeys(syllables);
  const inPhrase = new Array<boolean>(folded.length).fill(false);
  for (let i = 0; i < folded.length; i++) {
    if (place[i]) continue;
    const phrase = longestPhrase(model, folded, i);
    if (phrase) {
      groups.push(phraseGroup(model, keys, syllables, folded, mults, i, phrase));
      inPhrase.fill(true, i, i + phrase.syllables.length);
      i += phrase.syllables.length - 1;
      continue;
    }
    const brand = brandPhrase(model, folded[i]!);
    if (brand && mults[i]! > 0) {
      const own = surfaceAlts(keys, syllables, mults, i, i + 1, null, false);
      groups.push({
        kind: 'phrase',
        start: i,
        end: i + 1,
        alts: [...own.alts, concept(brand.phrase.concepts[0]!), ...alternatives(brand.phrase)],
        emits: [...own.emits, ...brand.phrase.concepts, ...brand.phrase.altEmits],
        altSyllables: [[brand.rest], ...brand.phrase.alternatives],
      });
      inPhrase[i] = true;
    }
  }
  for (let i = 0; i < folded.length; i++) {
    if (inPhrase[i] || mults[i]! <= 0) continue;
    const one = surfaceAlts(keys, syllables, mults, i, i + 1, null, true);
    groups.push({ kind: 'unigram', start: i, end: i + 1, ...one, altSyllables: [] });
    const j = i + 1;
    if (j < folded.length && !inPhrase[j] && mults[j]! > 0 && !syllables[j]!.breakBefore) {
      const b = keys.bigram(i);
      const mult = Math.min(mults[i]!, mults[j]!);
      const alts: AltSpec[] = [{ kind: 'surface', terms: [{ term: b.look, mult }], scale: 1 }];
      if (b.loose !== b.look) alts.push({ kind: 'surface', terms: [{ term: b.loose, mult }], scale: 1 });
      groups.push({ kind: 'bigram', start: i, end: j + 1, alts, emits: [...b.emits], altSyllables: [] });
    }
  }
  return { syllables, folded, mults, groups };
}
