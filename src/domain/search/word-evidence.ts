import type { PostingStore } from './postings.ts';
import { QUALITY, type ParsedQuery } from './query-model.ts';
import { acronymKey } from './tokenize.ts';

/**
 * Whether an entry meets a multi-syllable query as words, not as stray syllables.
 *
 * Vietnamese writes a word as several syllables, and one syllable alone says little: "chung" in
 * "dùng chung" is not "chủng" in "tiêm chủng", "toán" in "điện toán" is not "toán" in "thanh
 * toán". So when a query has two or more weighted syllables, an entry is kept only with evidence
 * that it meets the query's words:
 *   - two adjacent query syllables met side by side in one field (the phrase signal: a pair bonus,
 *     or a dictionary phrase such as CSDL → cơ sở dữ liệu), typos included ("dau thua");
 *   - or, scattered, a strong match of every query syllable the index has (at least two): the
 *     plain "all words" match ("ban doo so" meets "Bản đồ số" on bản and số; doo is nowhere);
 *   - or, when all but one of the query's syllables are nowhere in the index, a strong match of
 *     that one, unless the others are syllables of Vietnamese words ("tiem chung" where no entry
 *     has "tiem" is not a query for "dùng chung");
 *   - or a strong match of a query word that stands alone: an acronym among ordinary words, a
 *     number, a foreign word ("SOC tỉnh", "2765", "blockchain"), which is not one syllable of a
 *     longer Vietnamese word.
 * Weak matches (a spelling guess, or a syllable whose diacritics the query typed otherwise:
 * "chủng" against "chung") never back an entry on their own; they still count for ranking.
 */

/** Matches at least this good are strong; typo guesses and folded-against-marks are not. */
export const STRONG_QUALITY = QUALITY.prefix;

// Onset, vowels (with their glides: "ươi" folds to "uoi"), final consonant of a folded Vietnamese
// syllable ("nguoi", "khuya", "nghieng"); "thuaa" or "dos" is no syllable, only a slip.
const VIETNAMESE_SYLLABLE = new RegExp(
  '^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?' +
    '(?:ieu|yeu|oai|oay|oao|oeo|uay|uoi|uou|uya|uye|uyu|' +
    'ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])' +
    '(?:ch|ng|nh|[cmnpt])?$',
);

/** True when a folded syllable can be one syllable of a Vietnamese word; false for 2765, cloud. */
export function vietnameseSyllable(folded: string): boolean {
  return VIETNAMESE_SYLLABLE.test(folded);
}

/** What the rule needs to know of the query, as bit masks over its slots. */
export interface WordQuery {
  syllables: number;
  /** Slots that weigh something, slips no entry has ("dos") excepted. */
  weighted: number;
  /** Weighted slots whose syllable, as typed, some entry has. */
  known: number;
  /** Weighted slots that are words on their own. */
  standAlone: number;
  /** Syllables of Vietnamese words that nothing in the index can meet ("tiem" where no entry has it). */
  unknown: number;
}

export function wordQuery(query: ParsedQuery, weights: readonly number[], postings: PostingStore): WordQuery {
  const { slots } = query;
  // In a query typed all in capitals ("SUC KHOE") the capitals say nothing of acronyms.
  const shouting = slots.every((slot) => slot.text === slot.text.toUpperCase());
  let weighted = 0;
  let known = 0;
  let standAlone = 0;
  let unknown = 0;
  slots.forEach((slot, s) => {
    const syllable = vietnameseSyllable(slot.folded);
    if (!(weights[s]! > 0)) {
      // A one-letter leftover ("ban dos o") is no word of its own.
      if (slot.df === 0 && syllable && slot.folded.length > 1) unknown++;
      return;
    }
    // A slip no entry has ("dos") weighs through its guesses, but asks for no word of its own
    // unless a guess makes a word with a neighbour ("thanh toná" → "thanh toán").
    if (slot.df === 0 && !syllable && !guessInContext(query, s, postings)) return;
    const bit = 1 << s;
    weighted |= bit;
    if (slot.df > 0) known |= bit;
    if (!syllable || (!shouting && acronymKey(slot.text) !== null)) standAlone |= bit;
  });
  return {
    syllables: slots.length,
    weighted: weighted >>> 0,
    known: known >>> 0,
    standAlone: standAlone >>> 0,
    unknown,
  };
}

function guessInContext(query: ParsedQuery, s: number, postings: PostingStore): boolean {
  const prev = query.slots[s - 1]?.id;
  const next = query.slots[s + 1]?.id;
  return query.alternatives.some(
    (alt) =>
      alt.from === s &&
      alt.to === s + 1 &&
      alt.id !== undefined &&
      ((prev !== undefined && postings.pairLength(prev, alt.id) > 0) ||
        (next !== undefined && postings.pairLength(alt.id, next) > 0)),
  );
}

export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask >>> 0; m !== 0; m = (m & (m - 1)) >>> 0) n++;
  return n;
}

/**
 * The rule above, for one entry: `strong` has the bits of the slots it meets by a strong match,
 * `phrase` says whether it meets two adjacent query slots side by side.
 */
export function metAsWords(strong: number, phrase: boolean, query: WordQuery): boolean {
  if (query.syllables < 2 || phrase) return true;
  const met = (strong & query.weighted) >>> 0;
  // One weighted syllable: alone it is the whole query, unless the rest of its word is unknown.
  if (bitCount(query.weighted) < 2)
    return met !== 0 && (query.unknown === 0 || (met & query.standAlone) !== 0);
  return (met & query.standAlone) !== 0 || (bitCount(met) >= 2 && (met & query.known) >>> 0 === query.known);
}
