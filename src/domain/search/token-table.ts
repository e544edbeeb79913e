/**
 * Written syllable → value, looked up straight from the text being indexed: the caller passes
 * the token's offsets and hash (scanHashedTokens), and a hit is confirmed with startsWith, so the
 * millions of lookups while indexing 100k entries allocate no strings. A Map keyed by sliced
 * strings spent more time hashing and collecting garbage than all the postings work.
 */
export class TokenTable<V> {
  private capacity = 1 << 12;
  private keys: (string | undefined)[] = new Array<string | undefined>(this.capacity);
  private values: (V | undefined)[] = new Array<V | undefined>(this.capacity);
  private hashes = new Int32Array(this.capacity);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(text: string, start: number, end: number, hash: number): V | undefined {
    const length = end - start;
    const mask = this.capacity - 1;
    for (let k = hash & mask; ; k = (k + 1) & mask) {
      const key = this.keys[k];
      if (key === undefined) return undefined;
      if (this.hashes[k] === hash && key.length === length && text.startsWith(key, start))
        return this.values[k];
    }
  }

  set(key: string, hash: number, value: V): void {
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    this.insert(key, hash, value);
    this.count++;
  }

  private insert(key: string, hash: number, value: V): void {
    const mask = this.capacity - 1;
    let k = hash & mask;
    while (this.keys[k] !== undefined) k = (k + 1) & mask;
    this.keys[k] = key;
    this.values[k] = value;
    this.hashes[k] = hash;
  }

  private grow(): void {
    const { keys, values, hashes } = this;
    this.capacity *= 2;
    this.keys = new Array<string | undefined>(this.capacity);
    this.values = new Array<V | undefined>(this.capacity);
    this.hashes = new Int32Array(this.capacity);
    keys.forEach((key, k) => {
      if (key !== undefined) this.insert(key, hashes[k]!, values[k]!);
    });
  }
}
