/**
 * Vietnamese text handling shared by search, overlap checks and sorting.
 *
 * Text reaches us in NFC or NFD, with or without tone marks, with đ/Đ. Folding follows what
 * people type on a keyboard without a Vietnamese input method: strip every combining mark and
 * map đ to d (đ is a letter of its own, not d plus a mark, so NFD alone keeps it).
 */

const COMBINING_MARKS = /\p{M}+/gu;
// C0/C1 controls other than tab and newline, and the Unicode non-characters; lone surrogates are
// handled by toWellFormed below.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Replaces lone surrogates and control characters, and returns NFC. */
export function cleanText(input: string): string {
  return input.toWellFormed().replace(CONTROL, ' ').normalize('NFC');
}

/** Lower case, without tone marks or other diacritics, đ → d. */
export function foldVi(input: string): string {
  return cleanText(input).normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Lower-case NFC syllables, diacritics kept ("Cơ sở dữ liệu" → ["cơ", "sở", "dữ", "liệu"]). */
export function syllables(input: string): string[] {
  return cleanText(input)
    .toLowerCase()
    .split(NON_WORD)
    .filter((s) => s.length > 0);
}

/** Folded syllables ("Cơ sở dữ liệu" → ["co", "so", "du", "lieu"]). */
export function foldedSyllables(input: string): string[] {
  return foldVi(input)
    .split(NON_WORD)
    .filter((s) => s.length > 0);
}

/** A URL-safe identifier from a Vietnamese name ("Bộ Tài chính" → "bo-tai-chinh"). */
export function slugify(input: string, maxLength = 80): string {
  const slug = foldedSyllables(input).join('-');
  return slug.length <= maxLength ? slug : slug.slice(0, maxLength).replace(/-[^-]*$/, '');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese collation order (a < ă < â < b … d < đ), for sorting names in code. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
