/**
 * Every posting list of the index in one growable Int32Array (the arena).
 *
 * Indexing 100k entries appends some 16 million entries to ~100k lists in random order; with one
 * object per list each append chased three or four pointers to reach the list's tail, and those
 * cache misses were half of the build time. Here a list is a chain of blocks inside the arena and
 * its tail position lives in a small dense array, so an append is one write. Reading a list that
 * spans several blocks first copies it into one block at the arena's end (later reads are free);
 * the copied-from blocks are garbage, reclaimed when `rebuild` runs.
 *
 * Block layout: [next block or -1, capacity, ...entries]. Entries are slot << 8 | field mask.
 */

const HEADER = 2;
const MAX_BLOCK = 1 << 16;
const SHIFT = 8;

function grow(array: Int32Array, need: number, fill = 0): Int32Array<ArrayBuffer> {
  if (need <= array.length) return array as Int32Array<ArrayBuffer>;
  const grown = new Int32Array(Math.max(need, Math.ceil(array.length * 1.5)));
  if (fill !== 0) grown.fill(fill, array.length);
  grown.set(array);
  return grown;
}

export class ListStore {
  private arena = new Int32Array(1 << 16);
  private top = 0;
  private garbage = 0;
  private lists = 0;
  private first = new Int32Array(1024);
  private current = new Int32Array(1024);
  private tail = new Int32Array(1024);
  private end = new Int32Array(1024);
  private count = new Int32Array(1024);
  private lastSlot = new Int32Array(1024);

  /** A new empty list; its id. */
  create(): number {
    const id = this.lists++;
    if (id >= this.first.length) {
      const need = id + 1;
      this.first = grow(this.first, need);
      this.current = grow(this.current, need);
      this.tail = grow(this.tail, need);
      this.end = grow(this.end, need);
      this.count = grow(this.count, need);
      this.lastSlot = grow(this.lastSlot, need);
    }
    this.first[id] = -1;
    this.current[id] = -1;
    this.tail[id] = 0;
    this.end[id] = 0;
    this.count[id] = 0;
    this.lastSlot[id] = -1;
    return id;
  }

  private allocate(size: number): number {
    if (this.top + size > this.arena.length) this.arena = grow(this.arena, this.top + size);
    const at = this.top;
    this.top += size;
    return at;
  }

  private newBlock(list: number, capacity: number): void {
    const block = this.allocate(HEADER + capacity);
    this.arena[block] = -1;
    this.arena[block + 1] = capacity;
    const previous = this.current[list]!;
    if (previous >= 0) this.arena[previous] = block;
    else this.first[list] = block;
    this.current[list] = block;
    this.tail[list] = block + HEADER;
    this.end[list] = block + HEADER + capacity;
  }

  /**
   * Adds `slot` with `mask`. Documents are indexed one at a time in slot order, so a repeat within
   * a document is the last entry and only widens its mask. True if the slot is new to the list.
   */
  add(list: number, slot: number, mask: number): boolean {
    if (this.lastSlot[list] === slot) {
      const at = this.tail[list]! - 1;
      this.arena[at] = this.arena[at]! | mask;
      return false;
    }
    if (this.tail[list] === this.end[list]) {
      this.newBlock(list, Math.min(MAX_BLOCK, Math.max(4, this.count[list]!)));
    }
    this.arena[this.tail[list]!++] = (slot << SHIFT) | mask;
    this.lastSlot[list] = slot;
    this.count[list]! += 1;
    return true;
  }

  length(list: number): number {
    return this.count[list] ?? 0;
  }

  /** The entries of a list, in slot order (a view: valid until the next change to the store). */
  entries(list: number): Int32Array {
    const first = this.first[list]!;
    const n = this.count[list]!;
    if (first < 0) return this.arena.subarray(0, 0);
    if (first !== this.current[list]) this.gather(list);
    const start = this.first[list]! + HEADER;
    return this.arena.subarray(start, start + n);
  }

  /** Copies a chained list into one block with room to grow. */
  private gather(list: number): void {
    const n = this.count[list]!;
    const capacity = Math.max(4, n + (n >> 2));
    const block = this.allocate(HEADER + capacity);
    const arena = this.arena; // allocate may have replaced it
    arena[block] = -1;
    arena[block + 1] = capacity;
    let to = block + HEADER;
    for (let b = this.first[list]!; b >= 0; b = arena[b]!) {
      const stop = b === this.current[list] ? this.tail[list]! : b + HEADER + arena[b + 1]!;
      for (let k = b + HEADER; k < stop; k++) arena[to++] = arena[k]!;
      this.garbage += HEADER + arena[b + 1]!;
    }
    this.first[list] = block;
    this.current[list] = block;
    this.tail[list] = to;
    this.end[list] = block + HEADER + capacity;
  }

  /** Share of the arena held by abandoned blocks. */
  get wasted(): number {
    return this.top === 0 ? 0 : this.garbage / this.top;
  }

  /**
   * Rewrites every list into a fresh arena: renumbered slots (remap[old] = new, or -1 to drop),
   * no garbage. A list left empty keeps its id.
   */
  rebuild(remap: Int32Array | null): void {
    const old = this.arena;
    const oldFirst = this.first;
    const oldCurrent = this.current;
    const oldTail = this.tail;
    const lists = this.lists;
    this.arena = new Int32Array(Math.max(1 << 16, this.top - this.garbage));
    this.top = 0;
    this.garbage = 0;
    this.first = new Int32Array(oldFirst.length);
    this.current = new Int32Array(oldFirst.length);
    this.tail = new Int32Array(oldFirst.length);
    this.end = new Int32Array(oldFirst.length);
    this.count = new Int32Array(oldFirst.length);
    this.lastSlot = new Int32Array(oldFirst.length);
    this.lists = 0;
    for (let list = 0; list < lists; list++) {
      this.create();
      for (let b = oldFirst[list]!; b >= 0; b = old[b]!) {
        const stop = b === oldCurrent[list] ? oldTail[list]! : b + HEADER + old[b + 1]!;
        for (let k = b + HEADER; k < stop; k++) {
          const entry = old[k]!;
          const slot = remap ? (remap[entry >>> SHIFT] ?? -1) : entry >>> SHIFT;
          if (slot >= 0) this.add(list, slot, entry & 0xff);
        }
      }
    }
  }
}
