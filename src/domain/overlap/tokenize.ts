import { cleanText } from '../text/vietnamese.ts';

/**
 * Syllables with the three forms the engine needs: as written (to show matched words), lower
 * case with diacritics (to tell "tỉnh" from "tính" when the writer typed them), and folded (to
 * match what people type without an input method).
 */

/** Work is bounded whatever the caller passes: longer input is cut here, not rejected. */
export const MAX_TEXT_CHARS = 20_000;
export const MAX_SYLLABLES = 400;
const MAX_SYLLABLE_LENGTH = 48;

export interface Syllable {
  /** As written (case kept). */
  text: string;
  /** NFC lower case, diacritics kept. */
  lower: string;
  /** Lower case, no diacritics, đ → d, i/y unified (kỹ = kĩ = ki). */
  folded: string;
  /** Typed with a diacritic (or đ): then `exact` tells it from its look-alikes (cổng ≠ công). */
  diacritic: boolean;
  /** Diacritics kept, the tone moved to the end (hoà = hòa → "hoa2"), i/y unified. */
  exact: string;
  capitalised: boolean;
  /** Punctuation, not just spaces, separates it from the previous syllable. */
  breakBefore: boolean;
}

// kí/ký, lí/lý, mĩ/mỹ, sĩ/sỹ, tỉ/tỷ, hi/hy, quí/quý: both spellings are in use.
const I_Y = /^(k|l|m|t|s|h|qu)y$/;
const MARKS = /\p{M}+/gu;
const foldCache = new Map<string, string>();

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_DIGITS: Record<string, string> = {
  '\u0300': '2',
  '\u0301': '1',
  '\u0303': '4',
  '\u0309': '3',
  '\u0323': '5',
};
const exactCache = new Map<string, string>();

/**
 * The tone-exact key of a lower-case syllable. "hoà" and "hòa", "thuỷ" and "thủy" are one word
 * with the tone written on another vowel (both styles are in use), so the tone is taken off and
 * written after the syllable.
 */
export function exactSyllable(lower: string): string {
  const cached = exactCache.get(lower);
  if (cached !== undefined) return cached;
  const nfd = lower.normalize('NFD');
  let tone = '';
  for (const mark of nfd.matchAll(TONE_MARKS)) tone = TONE_DIGITS[mark[0]] ?? '';
  let base = nfd.replace(TONE_MARKS, '').normalize('NFC');
  if (I_Y.test(base)) base = `${base.slice(0, -1)}i`;
  const key = base + tone;
  if (exactCache.size < 100_000) exactCache.set(lower, key);
  return key;
}

export function foldSyllable(lower: string): string {
  const cached = foldCache.get(lower);
  if (cached !== undefined) return cached;
  const bare = lower.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd');
  const folded = I_Y.test(bare) ? `${bare.slice(0, -1)}i` : bare;
  if (foldCache.size < 100_000) foldCache.set(lower, folded);
  return folded;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NON_ASCII = /[^\u0000-\u007f]/;
const SPACES = /^\s*$/;

export function tokenize(input: string): Syllable[] {
  const text = cleanText(input.length > MAX_TEXT_CHARS ? input.slice(0, MAX_TEXT_CHARS) : input);
  const out: Syllable[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    if (out.length >= MAX_SYLLABLES) break;
    const raw = match[0].slice(0, MAX_SYLLABLE_LENGTH);
    const gap = text.slice(previousEnd, match.index);
    previousEnd = match.index + match[0].length;
    const lower = raw.toLowerCase();
    const folded = foldSyllable(lower);
    if (folded === '') continue;
    const diacritic = NON_ASCII.test(lower);
    out.push({
      text: raw,
      lower,
      folded,
      diacritic,
      exact: diacritic ? exactSyllable(lower) : folded,
      capitalised: raw.charAt(0) !== lower.charAt(0),
      // "e-Cabinet", "PC-Covid" hold together; "Lao động - Thương binh" does not.
      breakBefore: out.length > 0 && gap !== '-' && !SPACES.test(gap),
    });
  }
  return out;
}

/** Folded syllables of a phrase written in rules or the dictionary. */
export function foldPhrase(text: string): string[] {
  return tokenize(text).map((s) => s.folded);
}

export function startsWith(folded: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (phrase.length === 0 || at + phrase.length > folded.length) return false;
  for (let k = 0; k < phrase.length; k++) if (folded[at + k] !== phrase[k]) return false;
  return true;
}

/** Where `phrase` starts inside `folded`, or -1. */
export function indexOfPhrase(folded: readonly string[], phrase: readonly string[], from = 0): number {
  for (let i = from; i + phrase.length <= folded.length; i++) if (startsWith(folded, i, phrase)) return i;
  return -1;
}

/** True when any syllable was typed with a diacritic: then "cho" is "cho", not maybe "chợ". */
export function hasDiacritics(syllables: readonly Syllable[]): boolean {
  return syllables.some((s) => s.diacritic);
}
