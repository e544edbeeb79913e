/**
 * The best k of a stream of (slot, score) without sorting everything: a binary min-heap whose
 * root is the weakest kept hit. Equal scores fall back to name order, so pages are stable and
 * ties read alphabetically.
 */
export interface Ranked {
  slot: number;
  score: number;
}

export class TopK {
  private readonly heap: Ranked[] = [];

  constructor(
    private readonly k: number,
    private readonly compareNames: (a: number, b: number) => number,
  ) {}

  /** Positive when a ranks above b. */
  private better(a: Ranked, b: Ranked): number {
    return a.score - b.score || this.compareNames(b.slot, a.slot);
  }

  offer(slot: number, score: number): void {
    if (this.k === 0) return;
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push({ slot, score });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.better(heap[parent]!, heap[i]!) <= 0) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
      return;
    }
    const weakest = heap[0]!;
    if (score < weakest.score || (score === weakest.score && this.compareNames(slot, weakest.slot) >= 0))
      return;
    heap[0] = { slot, score };
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let low = i;
      if (l < heap.length && this.better(heap[l]!, heap[low]!) < 0) low = l;
      if (r < heap.length && this.better(heap[r]!, heap[low]!) < 0) low = r;
      if (low === i) break;
      [heap[low], heap[i]] = [heap[i]!, heap[low]!];
      i = low;
    }
  }

  /** Best first. */
  sorted(): Ranked[] {
    return [...this.heap].sort((a, b) => this.better(b, a));
  }
}
