import { ListStore } from './list-store.ts';
import { PairTable } from './pair-table.ts';

/**
 * Posting lists: for each folded syllable, tone-exact syllable and adjacent syllable pair, the
 * document slots that contain it and in which fields. An entry is one integer, slot << 8 | field
 * mask; lists live in one arena (list-store.ts). Slots only grow, so every list is sorted by
 * slot, which phrase intersection relies on; removed documents stay in the lists until `compact`
 * drops them.
 */

export type Entries = ArrayLike<number>;

export const FIELD = {
  name: 1,
  nameEn: 2,
  alias: 4,
  function: 8,
  description: 16,
  owner: 32,
  edition: 64,
  /** The first syllable of the name: what type-ahead ranks first. */
  nameStart: 128,
} as const;

export const MASK_BITS = 8;
export const MASK_ALL = (1 << MASK_BITS) - 1;
/** 31-bit integers leave 22 bits for the slot. */
export const MAX_SLOTS = 1 << 22;

const NONE: Entries = new Int32Array(0);

export class PostingStore {
  private readonly store = new ListStore();
  /** Folded syllable id → list id. */
  private readonly unigrams: number[] = [];
  /** Tone-exact syllable id (syllables written with diacritics) → list id. */
  private readonly exacts: number[] = [];
  /** Adjacent pairs within one field value. */
  private readonly pairs = new PairTable(this.store);

  /** Adds a syllable occurrence; true when the document did not have the syllable yet. */
  addUnigram(id: number, slot: number, mask: number): boolean {
    let list = this.unigrams[id];
    if (list === undefined) this.unigrams[id] = list = this.store.create();
    return this.store.add(list, slot, mask);
  }

  addExact(id: number, slot: number, mask: number): void {
    let list = this.exacts[id];
    if (list === undefined) this.exacts[id] = list = this.store.create();
    this.store.add(list, slot, mask);
  }

  addPair(first: number, second: number, slot: number, mask: number): void {
    this.pairs.add(first, second, slot, mask);
  }

  unigram(id: number): Entries {
    const list = this.unigrams[id];
    return list === undefined ? NONE : this.store.entries(list);
  }

  exact(id: number): Entries {
    const list = this.exacts[id];
    return list === undefined ? NONE : this.store.entries(list);
  }

  exactLength(id: number): number {
    const list = this.exacts[id];
    return list === undefined ? 0 : this.store.length(list);
  }

  pair(first: number, second: number): Entries {
    return this.pairs.get(first, second);
  }

  pairLength(first: number, second: number): number {
    return this.pairs.length(first, second);
  }

  /** Drops removed slots and renumbers the rest (remap[old] = new slot, or -1). */
  compact(remap: Int32Array): void {
    this.store.rebuild(remap);
    this.pairs.compact(remap);
  }

  /** Reclaims arena space left by lists gathered into one block (see ListStore). */
  tidy(): void {
    if (this.store.wasted > 0.5) this.store.rebuild(null);
  }
}

/**
 * Documents holding every list (same slot in all), masks ANDed so the fields where the whole
 * phrase could sit remain; falls back to the union of masks when no single field holds them all.
 */
export function intersect(lists: readonly Entries[]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let current: number[] = Array.from(sorted[0]!);
  for (let k = 1; k < sorted.length && current.length > 0; k++) {
    const other = sorted[k]!;
    const next: number[] = [];
    let j = 0;
    for (const entry of current) {
      const slot = entry >>> MASK_BITS;
      while (j < other.length && other[j]! >>> MASK_BITS < slot) j++;
      if (j >= other.length) break;
      const found = other[j]!;
      if (found >>> MASK_BITS === slot) {
        const both = entry & found & MASK_ALL;
        next.push((slot << MASK_BITS) | (both === 0 ? (entry | found) & MASK_ALL : both));
      }
    }
    current = next;
  }
  return current;
}
