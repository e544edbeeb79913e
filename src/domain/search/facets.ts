import { compareVi } from '../text/vietnamese.ts';
import { FACET_NAMES, type FacetCount, type FacetName, type SearchDocument } from './types.ts';

/**
 * Facet values interned to small codes per document slot, so counting a matched set of 100k
 * entries is integer work. Counting is disjunctive (the usual catalogue behaviour): each facet is
 * counted over the entries that pass every *other* filter, so choosing "Bộ Công an" still shows
 * how many entries the other owners have.
 *
 * A slot's codes sit side by side (STRIDE ints: the seven facets in FACET_NAMES order, the first
 * edition in the edition column, a second edition after them), so counting touches one cache
 * line per matched entry instead of one per facet. A third edition or more is rare: a Map.
 */

const FACETS = FACET_NAMES.length;
const EDITION = FACET_NAMES.indexOf('edition');
const SECOND_EDITION = FACETS;
const STRIDE = 8;
const SINGLE: readonly [number, Exclude<FacetName, 'edition'>][] = (
  ['owner', 'kind', 'scope', 'status', 'ndxp', 'ndop'] as const
).map((name) => [FACET_NAMES.indexOf(name), name]);

export interface CompiledFilters {
  /** Per facet: accepted[code] === 1, or null when the facet is not filtered. */
  readonly accept: (Uint8Array | null)[];
  /** The filtered facets (indices into FACET_NAMES). */
  readonly facets: readonly number[];
  readonly active: boolean;
}

export class FacetTable {
  private readonly codes = FACET_NAMES.map(() => new Map<string, number>());
  private readonly values: string[][] = FACET_NAMES.map(() => []);
  /** Live documents per facet value, kept current on upsert and remove for the browse page. */
  private live: Int32Array[] = FACET_NAMES.map(() => new Int32Array(16));
  /** Codes by slot × STRIDE; -1 for none. */
  private table = new Int32Array(1024 * STRIDE).fill(-1);
  private moreEditions = new Map<number, number[]>();
  /** Slots holding each value (facet postings, in slot order; retired slots stay until remap). */
  private holders: number[][][] = FACET_NAMES.map(() => []);
  /** Collation rank of each value code per facet, recomputed when values were added. */
  private ranks: Int32Array[] = [];

  private code(facet: number, value: string): number {
    const codes = this.codes[facet]!;
    let code = codes.get(value);
    if (code === undefined) {
      code = this.values[facet]!.length;
      codes.set(value, code);
      this.values[facet]!.push(value);
      if (code >= this.live[facet]!.length) {
        const grown = new Int32Array(code * 2);
        grown.set(this.live[facet]!);
        this.live[facet] = grown;
      }
    }
    return code;
  }

  private hold(facet: number, code: number, slot: number): void {
    (this.holders[facet]![code] ??= []).push(slot);
  }

  set(slot: number, facets: SearchDocument['facets']): void {
    if ((slot + 1) * STRIDE > this.table.length) {
      const grown = new Int32Array(Math.max((slot + 1) * STRIDE, this.table.length * 2)).fill(-1);
      grown.set(this.table);
      this.table = grown;
    }
    const base = slot * STRIDE;
    for (const [facet, name] of SINGLE) {
      const value = facets[name];
      const code = value === null || value === '' ? -1 : this.code(facet, value);
      this.table[base + facet] = code;
      if (code >= 0) this.hold(facet, code, slot);
    }
    const editions: number[] = [];
    for (const e of facets.editions) {
      const code = this.code(EDITION, e);
      if (editions.includes(code)) continue;
      editions.push(code);
      this.hold(EDITION, code, slot);
    }
    this.table[base + EDITION] = editions[0] ?? -1;
    this.table[base + SECOND_EDITION] = editions[1] ?? -1;
    if (editions.length > 2) this.moreEditions.set(slot, editions.slice(2));
    else this.moreEditions.delete(slot);
    this.adjust(slot, 1);
  }

  /** Counts a slot in or out of the live totals. */
  adjust(slot: number, delta: 1 | -1): void {
    const base = slot * STRIDE;
    for (let facet = 0; facet < FACETS; facet++) {
      const code = this.table[base + facet]!;
      if (code >= 0) this.live[facet]![code]! += delta;
    }
    for (const code of this.extraEditions(slot)) this.live[EDITION]![code]! += delta;
  }

  private extraEditions(slot: number): readonly number[] {
    const second = this.table[slot * STRIDE + SECOND_EDITION]!;
    if (second < 0) return [];
    return [second, ...(this.moreEditions.get(slot) ?? [])];
  }

  /** Renumbers slots after compaction (remap[old] = new slot, or -1). */
  remap(remap: Int32Array): void {
    const table = new Int32Array(this.table.length).fill(-1);
    const more = new Map<number, number[]>();
    for (let old = 0; old < remap.length; old++) {
      const slot = remap[old]!;
      if (slot < 0) continue;
      table.set(this.table.subarray(old * STRIDE, old * STRIDE + STRIDE), slot * STRIDE);
      const extra = this.moreEditions.get(old);
      if (extra) more.set(slot, extra);
    }
    this.table = table;
    this.moreEditions = more;
    this.holders = this.holders.map((byCode) =>
      byCode.map((slots) => slots.map((old) => remap[old] ?? -1).filter((slot) => slot >= 0)),
    );
  }

  compile(filters: Partial<Record<FacetName, string[]>> | undefined): CompiledFilters {
    const accept = FACET_NAMES.map((name, facet) => {
      const wanted = filters?.[name];
      if (!Array.isArray(wanted) || wanted.length === 0) return null;
      const table = new Uint8Array(this.values[facet]!.length);
      for (const value of wanted) {
        const code = typeof value === 'string' ? this.codes[facet]!.get(value) : undefined;
        if (code !== undefined) table[code] = 1;
      }
      return table;
    });
    const facets = accept.flatMap((a, facet) => (a ? [facet] : []));
    return { accept, facets, active: facets.length > 0 };
  }

  /** Slots (live or not) that hold one of the accepted values of a facet. */
  holdersOf(facet: number, accept: Uint8Array): readonly (readonly number[])[] {
    const lists: number[][] = [];
    accept.forEach((on, code) => {
      if (on === 1) lists.push(this.holders[facet]![code] ?? []);
    });
    return lists;
  }

  /** The facet a slot fails: -1 if it passes every filter, -2 if it fails two or more. */
  failing(slot: number, filters: CompiledFilters): number {
    let failed = -1;
    const base = slot * STRIDE;
    for (const facet of filters.facets) {
      const accept = filters.accept[facet]!;
      let pass = accept[this.table[base + facet]!] === 1;
      if (!pass && facet === EDITION) pass = this.extraEditions(slot).some((c) => accept[c] === 1);
      if (!pass) {
        if (failed >= 0) return -2;
        failed = facet;
      }
    }
    return failed;
  }

  /**
   * Counts over matched slots. failing[i] is what `failing` said of slots[i] (null: no filters):
   * a slot passing every filter counts in every facet, one failing a single filter counts in
   * that facet only. This runs over tens of thousands of slots per query.
   */
  count(slots: Int32Array, n: number, failing: Int8Array | null): Record<FacetName, FacetCount[]> {
    // One flat array: facet f's value c at offset[f] + c + 1 (index offset[f] counts "none").
    const offset: number[] = [];
    let size = 0;
    for (const values of this.values) {
      offset.push(size);
      size += values.length + 1;
    }
    const counts = new Int32Array(size);
    const [o0, o1, o2, o3, o4, o5, o6] = offset as [number, number, number, number, number, number, number];
    const table = this.table;
    const more = this.moreEditions;
    for (let i = 0; i < n; i++) {
      const slot = slots[i]!;
      const base = slot * STRIDE;
      const fails = failing ? failing[i]! : -1;
      if (fails === -1) {
        counts[o0 + table[base]! + 1]! += 1;
        counts[o1 + table[base + 1]! + 1]! += 1;
        counts[o2 + table[base + 2]! + 1]! += 1;
        counts[o3 + table[base + 3]! + 1]! += 1;
        counts[o4 + table[base + 4]! + 1]! += 1;
        counts[o5 + table[base + 5]! + 1]! += 1;
        counts[o6 + table[base + 6]! + 1]! += 1;
      } else if (fails >= 0) {
        counts[offset[fails]! + table[base + fails]! + 1]! += 1;
      }
      const second = table[base + SECOND_EDITION]!;
      if (second >= 0 && (fails === -1 || fails === EDITION)) {
        counts[o4 + second + 1]! += 1;
        if (more.size > 0) for (const code of more.get(slot) ?? []) counts[o4 + code + 1]! += 1;
      }
    }
    return this.render(
      FACET_NAMES.map((_, f) => counts.subarray(offset[f]! + 1, offset[f]! + 1 + this.values[f]!.length)),
    );
  }

  /** Counts over every live document (the unfiltered browse page), without a pass over them. */
  liveCounts(): Record<FacetName, FacetCount[]> {
    return this.render(this.live);
  }

  private rankOf(facet: number): Int32Array {
    const values = this.values[facet]!;
    let rank = this.ranks[facet];
    if (!rank || rank.length !== values.length) {
      const order = values.map((_, code) => code).sort((a, b) => compareVi(values[a]!, values[b]!));
      const fresh = new Int32Array(values.length);
      order.forEach((code, i) => (fresh[code] = i));
      this.ranks[facet] = rank = fresh;
    }
    return rank;
  }

  /** Values by count, then in Vietnamese order (ranks cached: the collator is slow). */
  private render(counts: readonly Int32Array[]): Record<FacetName, FacetCount[]> {
    const out = {} as Record<FacetName, FacetCount[]>;
    FACET_NAMES.forEach((name, facet) => {
      const values = this.values[facet]!;
      const rank = this.rankOf(facet);
      const count = counts[facet]!;
      const codes: number[] = [];
      for (let code = 0; code < values.length; code++) if ((count[code] ?? 0) > 0) codes.push(code);
      codes.sort((a, b) => count[b]! - count[a]! || rank[a]! - rank[b]!);
      out[name] = codes.map((code) => ({ value: values[code]!, count: count[code]! }));
    });
    return out;
  }
}
