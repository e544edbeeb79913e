import type { Child } from 'hono/jsx';
import type { Highlight } from '../../../domain/search/index.ts';

/**
 * Text with the parts a query matched in <mark>, built as JSX children (hono/jsx escapes each
 * text piece), never as an HTML string. Ranges are [start, end) UTF-16 offsets into the text as
 * stored; overlapping or out-of-range ones are merged and clamped, so bad ranges cannot break the
 * text or split a surrogate pair.
 */

type Range = [number, number];

function normalise(text: string, ranges: readonly Range[]): Range[] {
  const inside = (i: number) => {
    const at = Math.max(0, Math.min(text.length, Math.floor(i)));
    // Never between the halves of a surrogate pair.
    const code = text.charCodeAt(at);
    return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
  };
  const sorted = ranges
    .map(([a, b]): Range => [inside(a), inside(b)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Range[] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

export function markedChildren(text: string, ranges: readonly Range[]): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const [a, b] of normalise(text, ranges)) {
    if (a > at) out.push(text.slice(at, a));
    out.push(<mark>{text.slice(a, b)}</mark>);
    at = b;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The ranges of one field (and list item) among a hit's highlights. */
export function rangesOf(
  highlights: readonly Highlight[] | undefined,
  field: Highlight['field'],
  index?: number,
) {
  return (highlights ?? [])
    .filter((h) => h.field === field && (index === undefined || (h.index ?? 0) === index))
    .flatMap((h) => h.ranges);
}

/**
 * A window of about `width` characters of a long text around its first match, cut at spaces,
 * with an ellipsis where text was left out; ranges shifted into the window.
 */
export function snippet(
  text: string,
  ranges: readonly Range[],
  width = 180,
): { text: string; ranges: Range[] } {
  const marks = normalise(text, ranges);
  const first = marks[0];
  if (!first || text.length <= width) return { text, ranges: marks };
  let start = Math.max(0, first[0] - Math.floor(width / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first[0] ? space + 1 : start;
  }
  let end = Math.min(text.length, Math.max(start + width, first[1]));
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > first[1] ? space : end;
  }
  const prefix = start > 0 ? '… ' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${end < text.length ? ' …' : ''}`,
    ranges: marks.filter(([a, b]) => a >= start && b <= end).map(([a, b]): Range => [a + shift, b + shift]),
  };
}
