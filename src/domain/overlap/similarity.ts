import { Marks } from './marks.ts';
import type { Syllable } from './tokenize.ts';
import { ALT_ALTERNATIVE, GROUP_BIGRAM, type TextVector } from './weights.ts';

/**
 * How much of one text another one says. Coverage is asymmetric: the share of A's weight whose
 * groups B also says. Two texts mean the same when each covers most of the other, so the
 * similarity is the geometric mean of both coverages: "Hệ thống mạng đấu thầu quốc gia" vs
 * "Hệ thống phòng vệ mạng quốc gia" share only "mạng" once "hệ thống" and "quốc gia" weigh
 * next to nothing, and neither covers much of the other.
 */

/**
 * A dictionary alternative matched in part counts less than the text as written matched in
 * part: "giám sát" alone is not a third of "giám sát an ninh mạng" (SOC).
 */
const ALTERNATIVE_PARTIAL_EXPONENT = 2;

/**
 * A syllable matched while every two-syllable word it belongs to did not is half a match:
 * "ký" of "đăng ký" against "chữ ký số", "thầu" of "nhà thầu" against "đấu thầu", "công" of
 * "công vụ" against "dịch vụ công". Applied inside a way of saying a group (phrase words) and
 * between a text's syllable and bigram groups.
 */
const HALF_WORD = 0.5;

const forwardMarks = new Marks();
const shownMarks = new Marks();
/**
 * The backward coverage reads the first text's keys (a proposal part, met against platform after
 * platform): a few marks are kept, one per recent part, so switching parts does not re-mark.
 */
const backwardPool: Marks[] = [new Marks(), new Marks(), new Marks(), new Marks()];
let backwardNext = 0;

function backwardMarksFor(list: Int32Array): Marks {
  for (const m of backwardPool) if (m.holds(list)) return m;
  const m = backwardPool[backwardNext]!;
  backwardNext = (backwardNext + 1) % backwardPool.length;
  return m;
}

/** Scratch, reused: the hot loop allocates nothing (the engine is synchronous). */
let present = new Uint8Array(256);
let scratch = new Float64Array(256);

function altFraction(v: TextVector, alt: number, other: Marks): number {
  const from = v.altFrom[alt]!;
  const to = v.altTo[alt]!;
  if (present.length < v.ids.length) present = new Uint8Array(v.ids.length * 2);
  let any = false;
  for (let t = from; t < to; t++) {
    const hit = other.has(v.ids[t]!);
    present[t] = hit ? 1 : 0;
    any ||= hit;
  }
  if (!any) return 0;
  let matched = 0;
  for (let t = from; t < to; t++) {
    if (present[t] === 0) continue;
    const a = v.termWordA[t]!;
    const b = v.termWordB[t]!;
    const alone = a >= 0 && present[a] === 0 && (b < 0 || present[b] === 0);
    matched += alone ? v.w[t]! * HALF_WORD : v.w[t]!;
  }
  return matched / v.altTotal[alt]!;
}

function groupFraction(v: TextVector, g: number, other: Marks): number {
  let said = false;
  for (let k = v.groupAnyFrom[g]!; k < v.groupAnyTo[g]! && !said; k++) said = other.has(v.anyKeys[k]!);
  if (!said) return 0;
  let best = 0;
  for (let alt = v.groupAltFrom[g]!; alt < v.groupAltTo[g]!; alt++) {
    if (v.altTotal[alt]! <= 0) continue;
    let f = altFraction(v, alt, other);
    if (f <= 0) continue;
    if (v.altKind[alt] === ALT_ALTERNATIVE && f < 1) f = f ** ALTERNATIVE_PARTIAL_EXPONENT;
    f *= v.altScale[alt]!;
    if (f > best) best = f;
    if (best >= 1) break;
  }
  return best;
}

/** Fraction matched of each group of `a` against `b`, into `f`. */
function fractionsInto(a: TextVector, b: TextVector, f: Float64Array, marks: Marks): void {
  const other = marks.mark(b.termList);
  for (let g = 0; g < a.groupCount; g++) f[g] = groupFraction(a, g, other);
  for (let g = 0; g < a.groupCount; g++) {
    const wa = a.groupWordA[g]!;
    if (f[g]! <= 0 || wa < 0) continue;
    const wb = a.groupWordB[g]!;
    if (f[wa] === 0 && (wb < 0 || f[wb] === 0)) f[g]! *= HALF_WORD;
  }
}

/** Share (0..1) of `a`'s weight that `b` also says. */
export function coverage(a: TextVector, b: TextVector, marks: Marks = forwardMarks): number {
  if (a.total <= 0) return 0;
  if (scratch.length < a.groupCount) scratch = new Float64Array(a.groupCount * 2);
  fractionsInto(a, b, scratch, marks);
  let matched = 0;
  for (let g = 0; g < a.groupCount; g++) matched += a.groupWeight[g]! * scratch[g]!;
  return Math.min(1, matched / a.total);
}

export interface Similarity {
  score: number;
  /** Coverage of the first text by the second, and the other way round. */
  forward: number;
  backward: number;
}

/**
 * `atLeast`: when even a full backward coverage could not lift the score above it, the backward
 * coverage is not computed (the score is then an upper bound, and below `atLeast`).
 */
export function similarity(a: TextVector, b: TextVector, atLeast = 0): Similarity {
  const forward = coverage(a, b);
  if (forward <= 0) return { score: 0, forward: 0, backward: 0 };
  if (Math.sqrt(forward) <= atLeast) return { score: Math.sqrt(forward), forward, backward: 1 };
  // The first text is usually a proposal part met again and again: its own marks are kept apart.
  const backward = coverage(b, a, backwardMarksFor(a.termList));
  return { score: Math.sqrt(forward * backward), forward, backward };
}

/**
 * At most how much of `target` the text `a` says: the share of its groups with at least one key
 * `a` emits (a group with none cannot match). Exact as a bound and cheap (no weights): it tells
 * apart a platform's functions that share a proposal's subject but not its verb.
 */
export function coverageBound(a: TextVector, target: TextVector): number {
  if (target.total <= 0) return 0;
  const said = backwardMarksFor(a.termList).mark(a.termList);
  let covered = 0;
  for (let g = 0; g < target.groupCount; g++) {
    for (let k = target.groupAnyFrom[g]!; k < target.groupAnyTo[g]!; k++) {
      if (said.has(target.anyKeys[k]!)) {
        covered += target.groupWeight[g]!;
        break;
      }
    }
  }
  return Math.min(1, covered / target.total);
}

/** A group counts as said when more than half of it matched (for showing words). */
const SHOWN_FRACTION = 0.6;
/** Words that weigh less than this (hệ thống, quốc gia) are not worth showing as evidence. */
const SHOWN_MULT = 0.3;

/**
 * The words of `a` that `b` says, as written, merged into phrases: ["đấu thầu qua mạng"]. A
 * zero-weight word between two matched ones stays in the phrase, so it reads naturally.
 */
export function matchedWords(
  a: TextVector,
  syllables: readonly Syllable[],
  mults: readonly number[],
  b: TextVector,
): { words: string[]; positions: number[] } {
  const hit = new Array<boolean>(syllables.length).fill(false);
  const halfWord = new Array<boolean>(syllables.length).fill(false);
  const f = new Float64Array(a.groupCount);
  fractionsInto(a, b, f, shownMarks);
  for (let g = 0; g < a.groupCount; g++) {
    const start = a.groupStart[g]!;
    if (a.groupKind[g] === GROUP_BIGRAM) halfWord[start] = halfWord[start + 1] = true;
    if (f[g]! < SHOWN_FRACTION) continue;
    for (let i = start; i < a.groupEnd[g]!; i++) hit[i] = true;
  }
  for (let i = 1; i + 1 < syllables.length; i++) {
    if (!hit[i] && mults[i] === 0 && hit[i - 1] && hit[i + 1] && !syllables[i]!.breakBefore) hit[i] = true;
  }
  const words: string[] = [];
  const positions: number[] = [];
  for (let i = 0; i < syllables.length;) {
    if (!hit[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < syllables.length && hit[j] && !syllables[j]!.breakBefore) j++;
    for (let k = i; k < j; k++) positions.push(k);
    // Generic words at either end ("hệ thống", "quốc gia") are not what matched.
    let from = i;
    let to = j;
    while (from < to && mults[from]! < SHOWN_MULT) from++;
    while (to > from && mults[to - 1]! < SHOWN_MULT) to--;
    // Half of a two-syllable word ("trợ" of "hỗ trợ" against "trợ lý ảo") is not worth showing.
    if (to > from && !(to - from === 1 && halfWord[from])) {
      words.push(syllables.slice(from, to).map(display).join(' '));
    }
    i = j;
  }
  return { words: [...new Set(words)], positions };
}

/** Acronyms keep their capitals (SOC, NDXP, eID); other words are shown in lower case. */
function display(s: Syllable): string {
  return s.text.length > 1 && /\p{Lu}.*\p{Lu}/u.test(s.text) ? s.text : s.lower;
}
