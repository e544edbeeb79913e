import type { Alternative, ParsedQuery, Slot } from './query.ts';
import { FIELD, MASK_BITS } from './postings.ts';
import { FIELD_WEIGHT } from './accumulate.ts';
import { acronymKey, tokenize, type Token } from './tokenize.ts';
import type { Highlight, HighlightField, MatchField, MatchReason, SearchDocument } from './types.ts';

/**
 * Why a hit matched and where to highlight it. Only the page of hits is explained, so this
 * re-reads their text instead of storing positions for every entry in the index. The posting
 * entries say which alternatives met the document and in which fields, so only those fields
 * are tokenized and searched.
 */

interface FieldText {
  field: HighlightField;
  reason: MatchField;
  bit: number;
  weight: number;
  index: number | undefined;
  text: string;
  /** Tokenized on first use. */
  cached: Token[] | null;
}

function tokensOf(field: FieldText): Token[] {
  if (field.cached) return field.cached;
  const tokens = tokenize(field.text);
  // The index also holds an alias run together ("e-Cabinet" as "ecabinet"): see the engine.
  if (field.field === 'aliases' && tokens.length > 1) {
    const joined = tokens.map((t) => t.folded).join('');
    const [first, last] = [tokens[0]!, tokens[tokens.length - 1]!];
    tokens.push({ folded: joined, exact: joined, plain: joined, start: first.start, end: last.end });
  }
  return (field.cached = tokens);
}

const FIELDS: readonly [HighlightField, MatchField, keyof typeof FIELD][] = [
  ['name', 'name', 'name'],
  ['nameEn', 'nameEn', 'nameEn'],
  ['aliases', 'alias', 'alias'],
  ['description', 'description', 'description'],
  ['keywords', 'keyword', 'description'],
  ['functions', 'function', 'function'],
  ['ownerNames', 'owner', 'owner'],
  ['editions', 'edition', 'edition'],
];

function fieldTexts(doc: SearchDocument): FieldText[] {
  const out: FieldText[] = [];
  for (const [field, reason, key] of FIELDS) {
    const value = doc[field];
    const list = Array.isArray(value) ? value : [value ?? ''];
    list.forEach((text, i) => {
      if (text === '') return;
      const index = Array.isArray(value) ? i : undefined;
      out.push({ field, reason, bit: FIELD[key], weight: FIELD_WEIGHT[key], index, text, cached: null });
    });
  }
  return out;
}

/** The field mask of `slot` in a sorted list of entries, 0 when absent (binary search). */
function maskIn(entries: ArrayLike<number>, slot: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid]! >>> MASK_BITS < slot) lo = mid + 1;
    else hi = mid;
  }
  return lo < entries.length && entries[lo]! >>> MASK_BITS === slot ? entries[lo]! & 0xff : 0;
}

interface Occurrence {
  field: FieldText;
  first: number;
  last: number;
}

function occurrences(alt: Alternative, fields: readonly FieldText[], mask: number): Occurrence[] {
  const found: Occurrence[] = [];
  const n = alt.syllables.length;
  for (const field of fields) {
    if ((field.bit & mask) === 0) continue;
    const tokens = tokensOf(field);
    for (let k = 0; k + n <= tokens.length; k++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) ok = tokens[k + j]!.folded === alt.syllables[j];
      if (ok && alt.exact !== null) ok = exactOf(field, tokens[k]!) === alt.exact;
      if (ok) found.push({ field, first: k, last: k + n - 1 });
    }
  }
  return found;
}

/** The key a token was indexed under in the exact postings (tone-exact form or acronym key). */
function exactOf(field: FieldText, token: Token): string {
  if (!token.exact.startsWith('#') && token.exact !== token.plain) return token.exact;
  return acronymKey(field.text.slice(token.start, token.end)) ?? token.exact;
}

function span(o: Occurrence): [number, number] {
  const tokens = tokensOf(o.field);
  return [tokens[o.first]!.start, tokens[o.last]!.end];
}

export interface Explanation {
  reasons: MatchReason[];
  highlights: Highlight[];
}

export function explain(doc: SearchDocument, slot: number, query: ParsedQuery): Explanation {
  const fields = fieldTexts(doc);
  const { slots } = query;
  const queryText = (from: number, to: number): string =>
    slots
      .slice(from, to)
      .map((s) => s.text)
      .join(' ');
  const bestForSlot: ({ value: number; reason: MatchReason; alt: Alternative } | undefined)[] = slots.map(
    () => undefined,
  );
  const bySlot = new Map<Alternative, Occurrence[]>();

  for (const alt of query.alternatives) {
    const mask = maskIn(alt.entries, slot);
    if (mask === 0) continue;
    const found = occurrences(alt, fields, mask);
    if (found.length === 0) continue;
    bySlot.set(alt, found);
    for (const o of found) {
      const value = alt.quality * o.field.weight;
      const [start, end] = span(o);
      const kind = refineKind(alt, o, slots[alt.from]!);
      const reason: MatchReason = {
        field: o.field.reason,
        kind,
        query: queryText(alt.from, alt.to),
        matched: o.field.text.slice(start, end),
      };
      for (let s = alt.from; s < alt.to; s++) {
        const current = bestForSlot[s];
        if (!current || value > current.value) bestForSlot[s] = { value, reason, alt };
      }
    }
  }
  const reasons: MatchReason[] = [];
  const seen = new Set<string>();
  for (const best of bestForSlot) {
    const key =
      best && `${best.reason.field}|${best.reason.kind}|${best.reason.query}|${best.reason.matched}`;
    if (best && !seen.has(key!)) {
      seen.add(key!);
      reasons.push(best.reason);
    }
  }
  const phrase = longestRun(query, fields);
  if (phrase) reasons.unshift(phrase);

  // Highlight every occurrence of an alternative that won some slot.
  const used: Occurrence[] = [];
  for (const alt of new Set(bestForSlot.map((b) => b?.alt))) {
    if (alt) used.push(...(bySlot.get(alt) ?? []));
  }
  return { reasons, highlights: highlights(used) };
}

/** A folded match is 'exact' when the diacritics agree too, 'variant' when only i/y differ. */
function refineKind(alt: Alternative, o: Occurrence, typed: Slot): Alternative['kind'] {
  if (alt.kind !== 'folded' || alt.to - alt.from !== 1) return alt.kind;
  const token = tokensOf(o.field)[o.first]!;
  if (token.exact === typed.exact) return 'exact';
  return token.plain === typed.plain ? 'folded' : 'variant';
}

/** The longest run of consecutive query syllables met by consecutive syllables of one field. */
function longestRun(query: ParsedQuery, fields: readonly FieldText[]): MatchReason | null {
  // Folded syllable → the query slots it can stand for (one-syllable alternatives).
  const slotsOf = new Map<string, number[]>();
  for (const alt of query.alternatives) {
    if (alt.to - alt.from !== 1 || alt.syllables.length !== 1) continue;
    const list = slotsOf.get(alt.syllables[0]!) ?? [];
    if (!list.includes(alt.from)) list.push(alt.from);
    slotsOf.set(alt.syllables[0]!, list);
  }
  let best: { length: number; weight: number; field: FieldText; k: number; s: number } | null = null;
  for (const field of fields) {
    if (!field.cached) continue; // no alternative met this field
    const tokens = field.cached;
    for (let k = 0; k + 1 < tokens.length; k++) {
      for (const s of slotsOf.get(tokens[k]!.folded) ?? []) {
        let n = 1;
        while (k + n < tokens.length && slotsOf.get(tokens[k + n]!.folded)?.includes(s + n)) n++;
        if (n < 2 || (best && (n < best.length || (n === best.length && field.weight <= best.weight))))
          continue;
        best = { length: n, weight: field.weight, field, k, s };
      }
    }
  }
  if (!best) return null;
  const { field, k, s, length } = best;
  const tokens = field.cached!;
  return {
    field: field.reason,
    kind: 'phrase',
    query: query.slots
      .slice(s, s + length)
      .map((x) => x.text)
      .join(' '),
    matched: field.text.slice(tokens[k]!.start, tokens[k + length - 1]!.end),
  };
}

function highlights(found: readonly Occurrence[]): Highlight[] {
  const byField = new Map<FieldText, [number, number][]>();
  for (const o of found) {
    const list = byField.get(o.field) ?? [];
    list.push(span(o));
    byField.set(o.field, list);
  }
  const out: Highlight[] = [];
  for (const [field, ranges] of byField) {
    ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: [number, number][] = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      // Neighbouring words separated only by spaces light up as one phrase.
      if (last && (range[0] <= last[1] || /^\s+$/u.test(field.text.slice(last[1], range[0])))) {
        last[1] = Math.max(last[1], range[1]);
      } else merged.push([range[0], range[1]]);
    }
    const highlight: Highlight = { field: field.field, ranges: merged };
    if (field.index !== undefined) highlight.index = field.index;
    out.push(highlight);
  }
  return out;
}
