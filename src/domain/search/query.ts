import { cleanText } from '../text/vietnamese.ts';
import { phraseAlternatives } from './phrases.ts';
import { acronymKey, hasDiacritics, iyVariant, tokenize } from './tokenize.ts';
import { topByDf } from './vocabulary.ts';
import { QUALITY, type Alternative, type ParsedQuery, type QueryContext, type Slot } from './query-model.ts';

export { QUALITY, type Alternative, type ParsedQuery, type QueryContext, type Slot };

/**
 * Query understanding: the query's syllables ("slots") and, for each, the ways a document can
 * meet it (alternatives): the syllable itself (tone-exact or folded), its i/y spelling, close
 * typos, completions of an unfinished last word, and dictionary expansions that may cover several
 * slots at once (CSDL → cơ sở dữ liệu; điện toán đám mây → cloud). Every list is bounded, so a
 * hostile query costs the same as a long ordinary one.
 */

/** Characters read from a query; 32 syllables never need more. */
export const MAX_QUERY_CHARS = 1024;
export const MAX_QUERY_SYLLABLES = 32;
const MAX_TYPOS = 4;
const MAX_PREFIXES = 6;

/** BM25's IDF, floored: a syllable in every entry (hệ, thống, quốc, gia) weighs next to nothing. */
export function idf(df: number, n: number): number {
  return Math.max(0.05, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
}

export function parseQuery(q: string, ctx: QueryContext): ParsedQuery {
  const text = cleanText(typeof q === 'string' ? q.slice(0, MAX_QUERY_CHARS) : '');
  const tokens = tokenize(text).slice(0, MAX_QUERY_SYLLABLES);
  const open = tokens.length > 0 && tokens[tokens.length - 1]!.end === text.length;
  const slots: Slot[] = tokens.map((t) => {
    const id = ctx.vocab.id(t.folded);
    return {
      text: text.slice(t.start, t.end),
      folded: t.folded,
      exact: t.exact,
      plain: t.plain,
      marked: hasDiacritics(t),
      id,
      df: id === undefined ? 0 : (ctx.vocab.df[id] ?? 0),
      weight: 0,
    };
  });
  const phrases = phraseAlternatives(slots, ctx);
  // A slot a dictionary phrase already explains (CSDL) needs no spelling guesses.
  const explained = new Set<number>();
  for (const alt of phrases) for (let s = alt.from; s < alt.to; s++) explained.add(s);
  const alternatives: Alternative[] = [];
  // A syllable typed twice ("cổng dịch vụ công", or a pasted wall of "đấu đấu đấu") is looked up
  // once; the repeat keeps its alternatives for phrase bonuses but weighs nothing (see weigh).
  const firstOf = new Map<string, number>();
  const repeats = new Set<number>();
  slots.forEach((slot, i) => {
    const key = `${slot.exact}\u0000${open && i === slots.length - 1}`;
    const first = firstOf.get(key);
    if (first === undefined) {
      firstOf.set(key, i);
      alternatives.push(
        ...slotAlternatives(slot, i, slots, open && !explained.has(i), ctx, !explained.has(i)),
      );
      return;
    }
    repeats.add(i);
    for (const alt of alternatives) {
      if (alt.from === first && alt.to === first + 1) alternatives.push({ ...alt, from: i, to: i + 1 });
    }
  });
  alternatives.push(...phrases);
  weigh(slots, alternatives, ctx.liveCount);
  for (const i of repeats) slots[i]!.weight = 0;
  return { slots, alternatives, open };
}

function unigram(
  ctx: QueryContext,
  i: number,
  kind: Alternative['kind'],
  quality: number,
  id: number,
): Alternative {
  const folded = ctx.vocab.words[id]!;
  const entries = ctx.postings.unigram(id);
  return { from: i, to: i + 1, kind, quality, syllables: [folded], id, exact: null, entries };
}

function exactAlternative(
  ctx: QueryContext,
  i: number,
  slot: Slot,
  key: string,
  kind: Alternative['kind'],
  quality: number,
): Alternative | null {
  const exactId = ctx.vocab.exactId(key);
  const entries = exactId === undefined ? [] : ctx.postings.exact(exactId);
  if (entries.length === 0) return null;
  return { from: i, to: i + 1, kind, quality, syllables: [slot.folded], id: slot.id, exact: key, entries };
}

function slotAlternatives(
  slot: Slot,
  i: number,
  slots: Slot[],
  open: boolean,
  ctx: QueryContext,
  guess: boolean,
): Alternative[] {
  const out: Alternative[] = [];
  const push = (alt: Alternative | null): void => {
    if (alt && alt.entries.length > 0) out.push(alt);
  };
  if (slot.id !== undefined) {
    // Typed as an acronym ("SOC"), the acronym is exact and a folded word ("sóc") is not.
    const acronym = slot.marked ? null : acronymKey(slot.text);
    const exact = slot.marked ? slot.exact : (acronym ?? `#${slot.folded}`);
    push(exactAlternative(ctx, i, slot, exact, 'exact', QUALITY.exact));
    const folded = slot.marked || acronym ? QUALITY.foldedAgainstMarks : QUALITY.exact;
    push(unigram(ctx, i, 'folded', folded, slot.id));
  }
  // kí/ký share a folded syllable (canonicalIY); typed with tones, the other letter is a variant.
  const exactVariant = slot.marked && slot.id !== undefined ? iyVariant(slot.exact) : null;
  if (exactVariant !== null) push(exactAlternative(ctx, i, slot, exactVariant, 'variant', QUALITY.variant));
  if (guess && !/\d/.test(slot.folded)) {
    for (const id of typoCandidates(slot, i, slots, ctx)) push(unigram(ctx, i, 'typo', QUALITY.typo, id));
  }
  if (open && i === slots.length - 1 && slot.df === 0 && slot.folded.length >= 2) {
    // Two letters complete to the most common syllables only: "th" could be anything.
    const limit = slot.folded.length <= 2 ? 3 : MAX_PREFIXES;
    for (const id of ctx.vocab.completions(slot.folded, limit)) {
      push(unigram(ctx, i, 'prefix', QUALITY.prefix, id));
    }
  }
  return out;
}

/**
 * Close spellings worth trying. For a syllable no entry has, every neighbour (those that form a
 * known pair with the next or previous query syllable first). For a syllable that exists, only
 * neighbours far more common than it that also form a known pair with a neighbouring query
 * syllable ("dau thua" → "đấu thầu"): a real word is not second-guessed without evidence.
 */
export function typoCandidates(slot: Slot, i: number, slots: readonly Slot[], ctx: QueryContext): number[] {
  const near = ctx.vocab.neighbours(slot.folded);
  if (near.length === 0) return [];
  const prev = slots[i - 1]?.id;
  const next = slots[i + 1]?.id;
  const inContext = (id: number): boolean =>
    (prev !== undefined && ctx.postings.pairLength(prev, id) > 0) ||
    (next !== undefined && ctx.postings.pairLength(id, next) > 0);
  const contextual = near.filter(inContext);
  if (slot.df > 0) {
    const common = contextual.filter((id) => (ctx.vocab.df[id] ?? 0) >= 10 * slot.df);
    return topByDf(common, ctx.vocab.df, MAX_TYPOS);
  }
  const rest = near.filter((id) => !inContext(id));
  return [...topByDf(contextual, ctx.vocab.df, MAX_TYPOS), ...topByDf(rest, ctx.vocab.df, MAX_TYPOS)].slice(
    0,
    MAX_TYPOS,
  );
}

/**
 * A slot weighs what its own syllable weighs; a slot no document has (CSDL, a typo) weighs what
 * its best way of matching weighs; a slot nothing can meet weighs 0 and is left out of coverage.
 * A syllable in nearly every entry (STOP_SHARE) is a stop word here: weight 0, so it neither
 * decides nor costs anything, though it still marks phrases through pair bonuses; unless the
 * query has nothing else.
 */
const STOP_SHARE = 0.9;

function weigh(slots: Slot[], alternatives: readonly Alternative[], n: number): void {
  slots.forEach((slot) => {
    if (slot.df > 0) slot.weight = idf(slot.df, n);
  });
  // An unknown word weighs what its dictionary meaning weighs, else what its best guess weighs,
  // halved: a typo candidate found in one entry must not make the slot the query's rarest.
  for (const guesses of [false, true]) {
    for (const alt of alternatives) {
      const guessed = alt.kind === 'typo' || alt.kind === 'prefix';
      if (guessed !== guesses) continue;
      const w = idf(alt.entries.length, n) * (guessed ? 0.5 : 1);
      for (let s = alt.from; s < alt.to; s++) {
        const slot = slots[s]!;
        if (slot.df === 0 && (!guesses || slot.weight === 0)) slot.weight = Math.max(slot.weight, w);
      }
    }
  }
  const stop = (slot: Slot): boolean => n >= 20 && slot.df >= STOP_SHARE * n;
  if (slots.some((slot) => slot.weight > 0 && !stop(slot))) {
    for (const slot of slots) if (stop(slot)) slot.weight = 0;
  }
}
