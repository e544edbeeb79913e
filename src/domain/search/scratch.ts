/**
 * Reusable per-query accumulators, so a query allocates almost nothing: per document slot a
 * stamp (is it a candidate of the current query?) and its candidate number; per candidate and
 * query slot the best match value, pair bonus and share of the name it covers. One query at a
 * time: the engine is single-threaded and results are copied out before the next query.
 */
export class Scratch {
  /** By document slot. */
  stamp = new Uint32Array(1024);
  candidate = new Int32Array(1024);
  epoch = 0;
  /** By document slot: the last mark set on it (see nextMark). */
  marks = new Uint32Array(1024);
  private mark = 0;
  /** Candidate number → document slot. */
  members = new Int32Array(1024);
  count = 0;
  /** By candidate × query slot (row width = number of query slots). */
  values = new Float64Array(4096);
  pairs = new Float64Array(4096);
  nameShare = new Float64Array(4096);
  /** Hits of one posting list among the candidates (see score.ts `hits`). */
  hitCandidate = new Int32Array(1024);
  hitMask = new Int32Array(1024);
  /** By candidate: results. */
  matched = new Int32Array(1024);
  scores = new Float64Array(1024);
  coverage = new Float64Array(1024);
  /** By candidate: bits of the query slots met by a strong match (word-evidence.ts). */
  strong = new Uint32Array(1024);

  /** Starts a query over `slotCount` document slots with rows of `width`. */
  begin(slotCount: number): number {
    if (slotCount > this.stamp.length) {
      const size = Math.max(slotCount, this.stamp.length * 2);
      this.stamp = new Uint32Array(size);
      this.candidate = new Int32Array(size);
      this.marks = new Uint32Array(size);
      this.epoch = 0;
      this.mark = 0;
    }
    this.count = 0;
    if (this.mark > 0xf0000000) {
      this.marks.fill(0);
      this.mark = 0;
    }
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }

  /**
   * A value no document carries in `marks` yet; marks only grow within a query. Near the top of
   * the range all marks are cleared at the start of a query (`begin`), never in the middle.
   */
  nextMark(): number {
    return ++this.mark;
  }

  /** Room for `count` candidates with rows of `width` (contents kept). */
  reserve(count: number, width: number): void {
    if (count > this.members.length) {
      const size = Math.max(count, this.members.length * 2);
      this.members = grownInt(this.members, size);
      this.hitCandidate = new Int32Array(size);
      this.hitMask = new Int32Array(size);
      this.matched = new Int32Array(size);
      this.scores = new Float64Array(size);
      this.coverage = new Float64Array(size);
      this.strong = grownUint(this.strong, size);
    }
    const cells = count * width;
    if (cells > this.values.length) {
      const size = Math.max(cells, this.values.length * 2);
      this.values = grownFloat(this.values, size);
      this.pairs = grownFloat(this.pairs, size);
      this.nameShare = grownFloat(this.nameShare, size);
    }
  }
}

function grownInt(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

function grownUint(array: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(size);
  grown.set(array);
  return grown;
}

function grownFloat(array: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(size);
  grown.set(array);
  return grown;
}

/**
 * Sorts document slots (non-negative, below 2^22) in place: two counting passes of 11 bits.
 * V8's TypedArray sort took ~14 ms for 70k slots here; this takes well under one.
 */
export function sortSlots(slots: Int32Array): Int32Array {
  const n = slots.length;
  if (n < 64) return slots.sort();
  let from: Int32Array = slots;
  let to: Int32Array = new Int32Array(n);
  for (let shift = 0; shift < 22; shift += 11) {
    const counts = new Int32Array(2049);
    for (let i = 0; i < n; i++) counts[((from[i]! >>> shift) & 2047) + 1]! += 1;
    for (let b = 1; b <= 2048; b++) counts[b]! += counts[b - 1]!;
    for (let i = 0; i < n; i++) to[counts[(from[i]! >>> shift) & 2047]!++] = from[i]!;
    [from, to] = [to, from];
  }
  return from;
}
