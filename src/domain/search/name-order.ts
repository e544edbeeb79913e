import { compareVi } from '../text/vietnamese.ts';

/**
 * Documents in Vietnamese collation order of their name (or sortName), for the browse page
 * (empty query) and for breaking score ties. New slots wait in `pending`: a few are placed by
 * binary search, many (a bulk load) by one sort with the collator (about 0.4 s for 100k names,
 * paid by the first query after the load).
 */

export class NameOrder {
  private sorted: number[] = [];
  private pending: number[] = [];
  private stale = false;
  private changed = true;
  private rank = new Int32Array(0);
  private readonly texts: string[] = [];
  private readonly ids: string[] = [];

  add(slot: number, text: string, id: string): void {
    this.texts[slot] = text;
    this.ids[slot] = id;
    this.pending.push(slot);
    this.changed = true;
  }

  /** The slot is dead; it is dropped from the order on the next read. */
  remove(): void {
    this.stale = true;
    this.changed = true;
  }

  private compare = (a: number, b: number): number => {
    const ta = this.texts[a]!;
    const tb = this.texts[b]!;
    return compareVi(ta, tb) || (ta < tb ? -1 : ta > tb ? 1 : 0) || (this.ids[a]! < this.ids[b]! ? -1 : 1);
  };

  /** Live slots in name order. */
  ordered(alive: Uint8Array): readonly number[] {
    if (this.stale) {
      this.sorted = this.sorted.filter((slot) => alive[slot] === 1);
      this.pending = this.pending.filter((slot) => alive[slot] === 1);
      this.stale = false;
    }
    if (this.pending.length > 64) {
      this.sorted = [...this.sorted, ...this.pending].sort(this.compare);
      this.pending = [];
    }
    for (const slot of this.pending) {
      let lo = 0;
      let hi = this.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.compare(this.sorted[mid]!, slot) < 0) lo = mid + 1;
        else hi = mid;
      }
      this.sorted.splice(lo, 0, slot);
    }
    this.pending = [];
    if (this.changed) {
      if (this.rank.length < this.texts.length) this.rank = new Int32Array(this.texts.length * 2);
      this.sorted.forEach((slot, i) => (this.rank[slot] = i));
      this.changed = false;
    }
    return this.sorted;
  }

  /** Name order of two live slots, valid after `ordered` (for breaking score ties cheaply). */
  compareSlots(a: number, b: number): number {
    return (this.rank[a] ?? 0) - (this.rank[b] ?? 0);
  }

  remap(remap: Int32Array): void {
    const move = (slot: number): number => remap[slot] ?? -1;
    this.changed = true;
    this.sorted = this.sorted.map(move).filter((s) => s >= 0);
    this.pending = this.pending.map(move).filter((s) => s >= 0);
    const texts = [...this.texts];
    const ids = [...this.ids];
    this.texts.length = 0;
    this.ids.length = 0;
    texts.forEach((text, old) => {
      const slot = move(old);
      if (slot >= 0) {
        this.texts[slot] = text;
        this.ids[slot] = ids[old]!;
      }
    });
  }
}
