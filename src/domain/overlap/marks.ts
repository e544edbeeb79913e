/**
 * The other text's keys, marked in an array indexed by key id: a look-up is an array read
 * instead of a hash. Reused across calls (the engine is synchronous); marking the same list
 * twice in a row is skipped, so a proposal part compared with many segments is marked once.
 */
export class Marks {
  private stamp = new Int32Array(4096);
  private value = 0;
  private last: Int32Array | null = null;

  mark(list: Int32Array): this {
    if (list === this.last) return this;
    this.last = list;
    if (++this.value > 2_000_000_000) {
      this.stamp.fill(0);
      this.value = 1;
    }
    for (let k = 0; k < list.length; k++) {
      const id = list[k]!;
      if (id >= this.stamp.length) {
        const grown = new Int32Array(Math.max(id + 1, this.stamp.length * 2));
        grown.set(this.stamp);
        this.stamp = grown;
      }
      this.stamp[id] = this.value;
    }
    return this;
  }

  /** Whether `list` is what is marked now. */
  holds(list: Int32Array): boolean {
    return this.last === list;
  }

  has(id: number): boolean {
    return id >= 0 && id < this.stamp.length && this.stamp[id] === this.value;
  }
}
