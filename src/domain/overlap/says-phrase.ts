import type { AnalysedText } from './analyse.ts';
import { indexOfPhrase } from './tokenize.ts';

/** Whether a text says a phrase, as written or through its dictionary alternatives (rules, markers). */

const MAX_READINGS = 64;

/** Whether `phrase` occurs in `folded` with [start, end) read as `alt`, without building the reading. */
function inReading(
  folded: readonly string[],
  start: number,
  end: number,
  alt: readonly string[],
  phrase: readonly string[],
): boolean {
  const length = folded.length - (end - start) + alt.length;
  const at = (i: number): string =>
    i < start
      ? folded[i]!
      : i < start + alt.length
        ? alt[i - start]!
        : folded[i - alt.length + (end - start)]!;
  // Only placements that touch the alternative are new.
  const from = Math.max(0, start - phrase.length + 1);
  const to = Math.min(length - phrase.length, start + alt.length - 1);
  for (let i = from; i <= to; i++) {
    let k = 0;
    while (k < phrase.length && at(i + k) === phrase[k]) k++;
    if (k === phrase.length) return true;
  }
  return false;
}

/**
 * True when the text says `phrase` (folded syllables): as written, or with one of its dictionary
 * phrases read as an alternative ("giải quyết TTHC" says "giải quyết thủ tục hành chính").
 */
export function saysPhrase(text: AnalysedText, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  const folded = text.folded;
  if (indexOfPhrase(folded, phrase) >= 0) return true;
  let readings = 0;
  for (const group of text.groups) {
    for (const alt of group.altSyllables) {
      if (++readings > MAX_READINGS) return false;
      if (inReading(folded, group.start, group.end, alt, phrase)) return true;
    }
  }
  return false;
}
