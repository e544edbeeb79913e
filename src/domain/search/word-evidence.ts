import { QUALITY, type Slot } from './query-model.ts';
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

// Onset, vowel nucleus, final consonant of a folded Vietnamese syllable ("thuong", "nghieng").
const VIETNAMESE_SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** True when a folded syllable can be one syllable of a Vietnamese word; false for 2765, cloud. */
export function vietnameseSyllable(folded: string): boolean {
  return VIETNAMESE_SYLLABLE.test(folded);
}

/** What the rule needs to know of the query, as bit masks over its slots. */
export interface WordQuery {
  syllables: number;
  /** Slots that weigh something. */
  weighted: number;
  /** Weighted slots whose syllable, as typed, some entry has. */
  known: number;
  /** Weighted slots that are words on their own. */
  standAlone: number;
  /** Syllables of Vietnamese words that nothing in the index can meet ("tiem" where no entry has it). */
  unknown: number;
}

export function wordQuery(slots: readonly Slot[], weights: readonly number[]): WordQuery {
  // In a query typed all in capitals ("SUC KHOE") the capitals say nothing of acronyms.
  const shouting = slots.every((slot) => slot.text === slot.text.toUpperCase());
  let weighted = 0;
  let known = 0;
  let standAlone = 0;
  let unknown = 0;
  slots.forEach((slot, s) => {
    if (!(weights[s]! > 0)) {
      if (slot.df === 0 && vietnameseSyllable(slot.folded)) unknown++;
      return;
    }
    const bit = 1 << s;
    weighted |= bit;
    if (slot.df > 0) known |= bit;
    if (!vietnameseSyllable(slot.folded) || (!shouting && acronymKey(slot.text) !== null)) standAlone |= bit;
  });
  return {
    syllables: slots.length,
    weighted: weighted >>> 0,
    known: known >>> 0,
    standAlone: standAlone >>> 0,
    unknown,
  };
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
