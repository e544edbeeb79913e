import type { PostingStore } from './postings.ts';
import type { ParsedQuery } from './query.ts';
import { TYPO_MAX_LENGTH, type Vocabulary } from './vocabulary.ts';

/**
 * "Did you mean": the closest spelling the catalogue knows, for the words that matched nothing.
 * Up to two edits (one edit is already searched for silently); among close words, one that forms
 * a known pair with its neighbour wins, then the most frequent; in a query of several words only
 * such a one is offered. Only unknown words change, so the
 * suggestion stays recognisably the user's query.
 */

export function didYouMean(
  query: ParsedQuery,
  vocab: Vocabulary,
  postings: PostingStore,
  isTerm: (folded: string) => boolean,
): string | null {
  const { slots } = query;
  const covered = new Set<number>();
  for (const alt of query.alternatives) {
    if (alt.kind === 'abbreviation' || alt.kind === 'synonym')
      for (let s = alt.from; s < alt.to; s++) covered.add(s);
  }
  const plain = slots.every((s) => !s.marked);
  const chosen: (number | undefined)[] = slots.map((s) => s.id);
  let changed = false;
  const budget = { left: MAX_COMPARISONS };
  slots.forEach((slot, i) => {
    // A known word or abbreviation (NGSP) that the catalogue lacks is not a misspelling.
    if (slot.df > 0 || covered.has(i) || isTerm(slot.folded) || /\d/.test(slot.folded)) return;
    const near = closeWords(slot.folded, vocab, budget);
    if (near.length === 0) return;
    const prev = chosen[i - 1];
    const next = slots[i + 1]?.id;
    const inContext = (id: number): number =>
      (prev !== undefined && postings.pairLength(prev, id) > 0) ||
      (next !== undefined && postings.pairLength(id, next) > 0)
        ? 1
        : 0;
    // Among several words, a correction must make a word with a neighbour the catalogue has:
    // "tiêm chủng" is not a slip for "tiếp chủng" (word-evidence.ts).
    const words = slots.length > 1 ? near.filter((id) => inContext(id) === 1) : near;
    if (words.length === 0) return;
    words.sort((a, b) => inContext(b) - inContext(a) || (vocab.df[b] ?? 0) - (vocab.df[a] ?? 0));
    chosen[i] = words[0];
    changed = true;
  });
  if (!changed) return null;
  return slots
    .map((slot, i) => {
      const id = chosen[i];
      if (id === undefined || id === slot.id) return slot.text;
      return plain ? vocab.words[id]! : vocab.displayForm(id, (e) => postings.exactLength(e));
    })
    .join(' ');
}

/** Distance computations one query may spend on corrections. */
const MAX_COMPARISONS = 3_000;

/**
 * Live words within two edits. One edit comes from the deletion neighbourhood; two edits from
 * comparing against the words that share the first two letters (slips rarely hit the start of
 * a word), within a fixed budget of comparisons.
 */
function closeWords(word: string, vocab: Vocabulary, budget: { left: number }): number[] {
  const found = new Set(vocab.neighbours(word));
  // Two edits only in longer words: "ngsp" is two edits from "ndop" and means something else.
  if (found.size === 0 && word.length >= 6 && word.length <= TYPO_MAX_LENGTH) {
    for (const id of vocab.startingWith(word.slice(0, 2))) {
      if (budget.left-- <= 0) break;
      const candidate = vocab.words[id]!;
      if ((vocab.df[id] ?? 0) > 0 && Math.abs(candidate.length - word.length) <= 2 && candidate.length >= 3) {
        if (distance(word, candidate) <= 2) found.add(id);
      }
    }
  }
  return [...found];
}

/** Optimal-string-alignment distance (adjacent swaps count as one edit). */
export function distance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
