import type { ListStore } from './list-store.ts';

/**
 * Postings of adjacent syllable pairs, in an open-addressing hash table keyed by the two syllable
 * ids. A real catalogue has millions of distinct pairs, most in one document; a Map per pair (or
 * per first syllable) spent more time hashing than the rest of indexing together.
 *
 * heads[k] ≥ 0 is the only entry of the pair (slot << 8 | mask); heads[k] < 0 is -(list id + 1)
 * in the ListStore once the pair occurs in a second document.
 */

const EMPTY = -1;
const SHIFT = 8;

export class PairTable {
  private capacity = 1 << 16;
  private firsts = new Int32Array(this.capacity).fill(EMPTY);
  private seconds = new Int32Array(this.capacity);
  private heads = new Int32Array(this.capacity);
  private count = 0;

  constructor(private readonly store: ListStore) {}

  private find(first: number, second: number): number {
    const mask = this.capacity - 1;
    // Multiplying mixes bits upwards only, so fold the high half down before masking.
    let h = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca77);
    h = Math.imul(h ^ (h >>> 16), 0x2c1b3c6d);
    let k = (h ^ (h >>> 13)) & mask;
    for (;;) {
      const f = this.firsts[k]!;
      if (f === EMPTY || (f === first && this.seconds[k] === second)) return k;
      k = (k + 1) & mask;
    }
  }

  /** Adds one occurrence; documents arrive in slot order, so a repeat is the last entry. */
  add(first: number, second: number, slot: number, mask: number): void {
    let k = this.find(first, second);
    if (this.firsts[k] === EMPTY) {
      if ((this.count + 1) * 2 > this.capacity) {
        this.grow();
        k = this.find(first, second);
      }
      this.firsts[k] = first;
      this.seconds[k] = second;
      this.heads[k] = (slot << SHIFT) | mask;
      this.count++;
      return;
    }
    const head = this.heads[k]!;
    if (head >= 0) {
      if (head >>> SHIFT === slot) {
        this.heads[k] = head | mask;
        return;
      }
      const list = this.store.create();
      this.store.add(list, head >>> SHIFT, head & 0xff);
      this.heads[k] = -(list + 1);
      this.store.add(list, slot, mask);
      return;
    }
    this.store.add(-head - 1, slot, mask);
  }

  get(first: number, second: number): ArrayLike<number> {
    const k = this.find(first, second);
    if (this.firsts[k] === EMPTY) return [];
    const head = this.heads[k]!;
    return head >= 0 ? [head] : this.store.entries(-head - 1);
  }

  length(first: number, second: number): number {
    const k = this.find(first, second);
    if (this.firsts[k] === EMPTY) return 0;
    const head = this.heads[k]!;
    return head >= 0 ? 1 : this.store.length(-head - 1);
  }

  private grow(): void {
    const { firsts, seconds, heads } = this;
    this.capacity *= 2;
    this.firsts = new Int32Array(this.capacity).fill(EMPTY);
    this.seconds = new Int32Array(this.capacity);
    this.heads = new Int32Array(this.capacity);
    for (let k = 0; k < firsts.length; k++) {
      if (firsts[k] === EMPTY) continue;
      const to = this.find(firsts[k]!, seconds[k]!);
      this.firsts[to] = firsts[k]!;
      this.seconds[to] = seconds[k]!;
      this.heads[to] = heads[k]!;
    }
  }

  /**
   * Renumbers single entries after the ListStore was rebuilt with the same remap (its lists
   * keep their ids). A pair whose only document went is left with an empty list.
   */
  compact(remap: Int32Array): void {
    for (let k = 0; k < this.capacity; k++) {
      const head = this.heads[k]!;
      if (this.firsts[k] === EMPTY || head < 0) continue;
      const slot = remap[head >>> SHIFT] ?? -1;
      if (slot >= 0) this.heads[k] = (slot << SHIFT) | (head & 0xff);
      else this.heads[k] = -(this.store.create() + 1);
    }
  }
}
