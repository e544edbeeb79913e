import { cleanText, compareVi } from '../text/vietnamese.ts';
import { FIELD, intersect, MASK_BITS, type Entries, type PostingStore } from './postings.ts';
import { tokenize } from './tokenize.ts';
import type { SearchDocument, Suggestion } from './types.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * Type-ahead: names (and aliases) whose syllables start with what was typed, folded, so
 * "nen tang d" offers "Nền tảng định danh và xác thực điện tử". Names that start with the text
 * come first, then aliases that do, then names containing it. The scan is bounded: a one-letter
 * prefix in 100k entries looks at a few thousand postings, not at every name.
 */

const MAX_SCAN = 20_000;
const MAX_CANDIDATES = 200;
const NAMEISH = FIELD.name | FIELD.alias | FIELD.nameEn;
const SHIFT = MASK_BITS;

export interface SuggestContext {
  vocab: Vocabulary;
  postings: PostingStore;
  alive: Uint8Array;
  docs: readonly (SearchDocument | undefined)[];
}

export function suggest(ctx: SuggestContext, prefix: string, limit: number): Suggestion[] {
  const max = Math.max(0, Math.min(50, Math.floor(Number.isFinite(limit) ? limit : 0)));
  const text = cleanText(typeof prefix === 'string' ? prefix.slice(0, 256) : '');
  const tokens = tokenize(text).slice(0, 8);
  if (max === 0 || tokens.length === 0) return [];
  const open = tokens[tokens.length - 1]!.end === text.length;
  const full = (open ? tokens.slice(0, -1) : tokens).map((t) => t.folded);
  const partial = open ? tokens[tokens.length - 1]!.folded : null;

  const candidates = new Set<number>();
  /** Adds up to `budget` entries' slots whose fields include `wanted`. */
  const take = (list: Entries, wanted: number, budget: number): void => {
    const n = Math.min(list.length, budget);
    for (let k = 0; k < n && candidates.size < MAX_CANDIDATES; k++) {
      const entry = list[k]!;
      const slot = entry >>> SHIFT;
      if (entry & wanted && ctx.alive[slot] === 1) candidates.add(slot);
    }
  };
  if (full.length > 0) {
    const ids = full.map((w) => ctx.vocab.id(w));
    if (ids.some((id) => id === undefined)) return [];
    const known = ids as number[];
    if (known.length >= 2) {
      // Words typed side by side are side by side in the name: intersect their pair lists.
      const pairs = known.slice(1).map((id, k) => ctx.postings.pair(known[k]!, id));
      take(intersect(pairs), NAMEISH, MAX_SCAN);
    } else {
      const list = ctx.postings.unigram(known[0]!);
      take(list, FIELD.nameStart, MAX_SCAN);
      take(list, NAMEISH, MAX_SCAN);
    }
  } else {
    const own = ctx.vocab.id(partial!);
    const ids = [...(own === undefined ? [] : [own]), ...ctx.vocab.completions(partial!, 20)];
    const lists = ids.map((id) => ctx.postings.unigram(id));
    // Names that start with the text first, then anything name-like; each list gets a share.
    const share = Math.ceil(MAX_SCAN / Math.max(1, lists.length));
    for (const list of lists) take(list, FIELD.nameStart, share);
    for (const list of lists) take(list, NAMEISH, share);
  }

  const ranked: { rank: number; doc: SearchDocument }[] = [];
  for (const slot of candidates) {
    const doc = ctx.docs[slot];
    if (!doc) continue;
    const rank = Math.min(
      position(doc.name, full, partial, 0),
      ...doc.aliases.map((a) => position(a, full, partial, 1)),
      doc.nameEn ? position(doc.nameEn, full, partial, 2) : Infinity,
    );
    if (rank < Infinity) ranked.push({ rank, doc });
  }
  ranked.sort(
    (a, b) => a.rank - b.rank || a.doc.name.length - b.doc.name.length || compareVi(a.doc.name, b.doc.name),
  );
  return ranked.slice(0, max).map(({ doc }) => ({ id: doc.id, name: doc.name }));
}

/** 0-2 when the field starts with the text (by field), 10+ when it contains it, else Infinity. */
function position(text: string, full: readonly string[], partial: string | null, field: number): number {
  const tokens = tokenize(text).map((t) => t.folded);
  for (let p = 0; p + full.length <= tokens.length; p++) {
    let ok = full.every((w, j) => tokens[p + j] === w);
    if (ok && partial !== null) ok = tokens[p + full.length]?.startsWith(partial) ?? false;
    if (ok) return p === 0 ? field : 10 + field;
  }
  return Infinity;
}
