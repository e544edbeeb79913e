import { TokenTable } from './token-table.ts';

/**
 * Syllable tokens with their place in the original text, so a page can highlight them.
 *
 * foldVi in ../text/vietnamese.ts folds a whole string; the index also needs each syllable's
 * UTF-16 offsets and its tone-exact form, for 100k documents within seconds. So boundaries are
 * found with a per-code-unit class table, and each distinct written syllable is analysed once
 * (cache): a catalogue repeats a few tens of thousands of written forms millions of times.
 */

export interface Token {
  /** Lower case, no diacritics, đ → d, i/y unified: what people type without an input method. */
  folded: string;
  /** Lower case with diacritics, tone placement made canonical (see exactKey). */
  exact: string;
  /** Folded with i and y as written. */
  plain: string;
  /** [start, end) UTF-16 offsets into the text that was tokenized. */
  start: number;
  end: number;
}

/** Longer runs (URLs, pasted garbage) are cut: no syllable is this long, and keys stay small. */
export const MAX_TOKEN_LENGTH = 48;

const SEPARATOR = 0;
const WORD = 1;
const MARK = 2;
// Class of each UTF-16 code unit, filled on first sight. Surrogates separate: no Vietnamese
// letter lies outside the BMP. Combining marks (NFD input) stay inside their token.
const classes = new Int8Array(65_536).fill(-1);

function classOf(code: number): number {
  const known = classes[code]!;
  if (known >= 0) return known;
  let found = SEPARATOR;
  if (code < 0xd800 || code > 0xdfff) {
    const ch = String.fromCharCode(code);
    if (/\p{M}/u.test(ch)) found = MARK;
    else if (/[\p{L}\p{N}]/u.test(ch)) found = WORD;
  }
  classes[code] = found;
  return found;
}

/**
 * Calls `emit` with the [start, end) of each run of letters and digits (marks included) and an
 * FNV-1a hash of its code units, so a written syllable can be looked up in a TokenTable without
 * cutting a string out of the text first.
 */
export function scanHashedTokens(
  text: string,
  emit: (start: number, end: number, hash: number) => void,
): void {
  let start = -1;
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls =
      code < 128
        ? ((code | 32) >= 97 && (code | 32) <= 122) || (code >= 48 && code <= 57)
          ? WORD
          : SEPARATOR
        : classOf(code);
    if (cls === SEPARATOR) {
      if (start >= 0) emit(start, i, hash);
      start = -1;
    } else {
      if (start < 0) {
        if (cls !== WORD) continue;
        start = i;
        hash = 0x811c9dc5;
      }
      hash = Math.imul(hash ^ code, 0x01000193);
    }
  }
  if (start >= 0) emit(start, text.length, hash);
}

export interface Analysed {
  folded: string;
  exact: string;
  /** Folded with i and y as written (for telling an i/y variant from a plain fold). */
  plain: string;
}

const MARKS = /\p{M}+/gu;

/** Folded and exact forms of one written syllable (callers cache: see TokenTable). */
export function analyse(raw: string): Analysed {
  const lower = (raw.length > MAX_TOKEN_LENGTH ? raw.slice(0, MAX_TOKEN_LENGTH) : raw).toLowerCase();
  const ascii = /^[\x00-\x7f]*$/.test(lower);
  const folded = ascii ? lower : lower.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd');
  return { folded: canonicalIY(folded), exact: ascii ? lower : exactKey(lower), plain: folded };
}

// Vietnamese tone marks (huyền, sắc, ngã, hỏi, nặng). Circumflex, breve and horn change the vowel
// itself and stay part of the exact form.
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const exactCache = new Map<string, string>();

/**
 * The tone-exact key of a lower-case syllable. "hoà" and "hòa", "khoẻ" and "khỏe" are the same
 * word written with the tone on a different vowel (old and new styles both in use), so the key
 * takes the tone off and writes it after the syllable: "hòa" → "hoa1".
 */
export function exactKey(lower: string): string {
  let ascii = true;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) >= 128) {
      ascii = false;
      break;
    }
  }
  if (ascii) return lower;
  const cached = exactCache.get(lower);
  if (cached !== undefined) return cached;
  const nfd = lower.normalize('NFD');
  let tone = 0;
  for (const mark of nfd.matchAll(TONE_MARKS)) tone = TONES.indexOf(mark[0]) + 1;
  const key = nfd.replace(TONE_MARKS, '').normalize('NFC') + (tone > 0 ? String(tone) : '');
  if (exactCache.size < 200_000) exactCache.set(lower, key);
  return key;
}

/**
 * The key under which a written acronym is indexed ("SOC" → "#soc"): two capitals or more and no
 * diacritics. It lets "SOC" prefer the platform named SOC over "chăm sóc", which folds the same.
 */
export function acronymKey(raw: string): string | null {
  let capitals = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals++;
    else if (c >= 128) return null;
  }
  return capitals >= 2 ? `#${raw.toLowerCase()}` : null;
}

/** The syllables of an NFC text (letters and digits; anything else separates). */
const analysed = new TokenTable<Analysed>();

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanHashedTokens(text, (start, end, hash) => {
    let found = analysed.get(text, start, end, hash);
    if (found === undefined) {
      const raw = text.slice(start, end);
      found = analyse(raw);
      if (analysed.size < 300_000) analysed.set(raw, hash, found);
    }
    if (found.folded !== '')
      tokens.push({ folded: found.folded, exact: found.exact, plain: found.plain, start, end });
  });
  return tokens;
}

/** True when the syllable was typed with any diacritic (or đ), i.e. exact differs from folded. */
export function hasDiacritics(token: Pick<Token, 'folded' | 'exact'>): boolean {
  return token.exact !== token.folded && canonicalIY(token.exact) !== token.folded;
}

// kí/ký, lí/lý, mĩ/mỹ, sĩ/sỹ, tỉ/tỷ, hi/hy, quí/quý: after these onsets a final i and y are the
// same sound and both spellings are in use.
const I_Y = /^(k|l|m|t|s|h|qu)([iy])(\d?)$/;

/**
 * Folded syllables use one spelling for i/y ("ky" → "ki") so kí and ký, lí and lý share postings,
 * pairs and dictionary phrases; the exact form keeps the letter as written.
 */
export function canonicalIY(folded: string): string {
  if (folded.length > 3 || folded.charCodeAt(folded.length - 1) !== 121) return folded; // 'y'
  return I_Y.test(folded) ? `${folded.slice(0, -1)}i` : folded;
}

/** The other i/y spelling of a folded or exact syllable, or null. */
export function iyVariant(syllable: string): string | null {
  const match = I_Y.exec(syllable);
  if (!match) return null;
  return `${match[1]}${match[2] === 'i' ? 'y' : 'i'}${match[3] ?? ''}`;
}
