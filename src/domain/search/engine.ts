import type { Dictionary } from '../text/dictionary.ts';
import { cleanDocument } from './document.ts';
import { browseFiltered } from './browse.ts';
import { didYouMean } from './did-you-mean.ts';
import { explain } from './explain.ts';
import { FacetTable } from './facets.ts';
import { NameOrder } from './name-order.ts';
import { FIELD, MAX_SLOTS, PostingStore } from './postings.ts';
import { parseQuery, type QueryContext } from './query.ts';
import { score } from './score.ts';
import { Scratch } from './scratch.ts';
import { suggest } from './suggest.ts';
import { buildTermTables } from './terms.ts';
import { TopK } from './top-k.ts';
import { SyllableReader } from './syllable-reader.ts';
import type { SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResult } from './types.ts';
import { Vocabulary } from './vocabulary.ts';

/**
 * The in-memory index. Documents live in slots; an upsert indexes into a new slot and retires
 * the old one at once, so a changed platform is searchable immediately; retired slots are
 * skipped by every read and dropped in bulk when they outnumber the live ones.
 */

export interface SearchIndexOptions {
  /** Hits per page when the query gives no limit. */
  defaultLimit?: number;
  /** Upper bound on limit + offset. */
  maxWindow?: number;
  /**
   * A posting list longer than this never adds candidates on its own (see score.ts). Default:
   * max(1000, 2% of the entries). Tests lower it to exercise large-catalogue behaviour small.
   */
  commonList?: number;
}

const DEFAULT_LIMIT = 20;
const MAX_WINDOW = 1000;
// Module-local copies: tsx compiles imports to getter calls, too slow once per token.
const NAME_BIT = FIELD.name;
const NAME_START_BIT = FIELD.nameStart;

class Engine implements SearchIndex {
  private readonly vocab = new Vocabulary();
  private readonly postings = new PostingStore();
  private readonly facets = new FacetTable();
  private readonly order = new NameOrder();
  private readonly scratch = new Scratch();
  private readonly terms;
  private docs: (SearchDocument | undefined)[] = [];
  private nameLength: number[] = [];
  private alive = new Uint8Array(1024);
  private readonly slotOf = new Map<string, number>();
  private readonly reader = new SyllableReader(this.vocab);
  private live = 0;
  private retired = 0;

  constructor(
    dictionary: Dictionary,
    private readonly options: Required<SearchIndexOptions>,
  ) {
    this.terms = buildTermTables(dictionary);
  }

  get size(): number {
    return this.live;
  }

  upsert(input: SearchDocument): void {
    const doc = cleanDocument(input);
    const previous = this.slotOf.get(doc.id);
    if (previous !== undefined) this.retire(previous);
    if (this.docs.length >= MAX_SLOTS || this.wasteful()) this.compact();
    if (this.docs.length >= MAX_SLOTS) throw new RangeError('search index is full');
    const slot = this.docs.length;
    if (slot >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2);
      grown.set(this.alive);
      this.alive = grown;
    }
    let nameLength = 0;
    SyllableReader.forEachField(doc, (text, mask, repeated, counted) => {
      const { ids, exact, length } = this.reader.read(text, repeated);
      let previous = -1;
      for (let k = 0; k < length; k++) {
        const id = ids[k]!;
        let bits = mask;
        if (mask === NAME_BIT && nameLength++ === 0) bits |= NAME_START_BIT;
        if (this.postings.addUnigram(id, slot, bits) && counted) this.vocab.df[id]! += 1;
        if (exact[k]! >= 0) this.postings.addExact(exact[k]!, slot, mask);
        if (previous >= 0) this.postings.addPair(previous, id, slot, mask);
        previous = id;
      }
    });
    this.docs.push(doc);
    this.nameLength.push(nameLength);
    this.alive[slot] = 1;
    this.slotOf.set(doc.id, slot);
    this.facets.set(slot, doc.facets);
    this.order.add(slot, doc.sortName ?? doc.name, doc.id);
    this.live++;
    if (slot % 4096 === 4095) this.postings.tidy();
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.retire(slot);
    if (this.wasteful()) this.compact();
    return true;
  }

  /** Retired slots outnumber live ones: compacting now costs O(postings), amortized per change. */
  private wasteful(): boolean {
    return this.retired > 1024 && this.retired > this.live;
  }

  private retire(slot: number): void {
    const doc = this.docs[slot];
    if (!doc || this.alive[slot] !== 1) return;
    const ids = new Set<number>();
    SyllableReader.forEachField(doc, (text, _mask, repeated, counted) => {
      if (!counted) return;
      const { ids: found, length } = this.reader.read(text, repeated);
      for (let k = 0; k < length; k++) ids.add(found[k]!);
    });
    for (const id of ids) this.vocab.df[id]! -= 1;
    this.facets.adjust(slot, -1);
    this.order.remove();
    this.alive[slot] = 0;
    this.slotOf.delete(doc.id);
    this.live--;
    this.retired++;
  }

  /** Drops retired slots from every structure: O(postings), run when they outnumber live ones. */
  private compact(): void {
    const remap = new Int32Array(this.docs.length).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.docs.length; slot++) if (this.alive[slot] === 1) remap[slot] = next++;
    this.postings.compact(remap);
    this.facets.remap(remap);
    this.order.remap(remap);
    const docs: SearchDocument[] = [];
    const lengths: number[] = [];
    this.docs.forEach((doc, slot) => {
      const to = remap[slot]!;
      if (to >= 0 && doc) {
        docs[to] = doc;
        lengths[to] = this.nameLength[slot] ?? 0;
        this.slotOf.set(doc.id, to);
      }
    });
    this.docs = docs;
    this.nameLength = lengths;
    this.alive.fill(0);
    this.alive.fill(1, 0, next);
    this.retired = 0;
  }

  private context(): QueryContext {
    return { vocab: this.vocab, postings: this.postings, terms: this.terms, liveCount: this.live };
  }

  search(query: SearchQuery): SearchResult {
    const limit = clampInt(query.limit, this.options.defaultLimit, 0, this.options.maxWindow);
    const offset = clampInt(query.offset, 0, 0, this.options.maxWindow - limit);
    const filters = this.facets.compile(query.filters);
    const parsed = parseQuery(query.q ?? '', this.context());
    if (parsed.slots.length === 0) return this.browse(filters, limit, offset);

    const scored = score(
      {
        query: parsed,
        postings: this.postings,
        alive: this.alive,
        nameLength: this.nameLength,
        slotCount: this.docs.length,
        liveCount: this.live,
        commonList: this.options.commonList,
      },
      this.scratch,
    );
    this.order.ordered(this.alive); // refreshes the name ranks that break score ties
    const { count, slots, scores } = scored;
    const failing = filters.active ? new Int8Array(count) : null;
    const top = new TopK(offset + limit, (a, b) => this.order.compareSlots(a, b));
    let total = 0;
    for (let i = 0; i < count; i++) {
      const fails = failing ? (failing[i] = this.facets.failing(slots[i]!, filters)) : -1;
      if (fails !== -1) continue;
      total++;
      top.offer(slots[i]!, scores[i]!);
    }
    const hits: SearchHit[] = top
      .sorted()
      .slice(offset)
      .map(({ slot, score: value }) => {
        const doc = this.docs[slot]!;
        return { id: doc.id, score: round(value), ...explain(doc, slot, parsed) };
      });
    return {
      hits,
      total,
      facets: this.facets.count(slots, count, failing),
      didYouMean:
        count === 0 || scored.relaxed || parsed.slots.some((s) => s.weight === 0 && s.df === 0)
          ? didYouMean(parsed, this.vocab, this.postings, (w) => this.terms.forward.alternatives.has(w))
          : null,
      relaxed: scored.relaxed && count > 0,
    };
  }

  /** The empty query: everything (filtered) in name order, with facets. */
  private browse(filters: ReturnType<FacetTable['compile']>, limit: number, offset: number): SearchResult {
    const ordered = this.order.ordered(this.alive);
    const page = (slots: readonly number[]): SearchHit[] =>
      slots.map((slot) => ({ id: this.docs[slot]!.id, score: 0, reasons: [], highlights: [] }));
    if (!filters.active) {
      return {
        hits: page(ordered.slice(offset, offset + limit)),
        total: ordered.length,
        facets: this.facets.liveCounts(),
        didYouMean: null,
        relaxed: false,
      };
    }
    const found = browseFiltered({
      facets: this.facets,
      filters,
      ordered,
      alive: this.alive,
      scratch: this.scratch,
      limit,
      offset,
    });
    return {
      hits: page(found.page),
      total: found.total,
      facets: found.facets,
      didYouMean: null,
      relaxed: false,
    };
  }

  /**
   * Sorts pending names now (a bulk load of 100k costs ~0.4 s with the collator), so the first
   * query after a load does not pay for it.
   */
  warm(): void {
    this.order.ordered(this.alive);
  }

  suggest(prefix: string, limit: number): { id: string; name: string }[] {
    return suggest(
      { vocab: this.vocab, postings: this.postings, alive: this.alive, docs: this.docs },
      prefix,
      limit,
    );
  }
}

function clampInt(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
  return Math.max(min, Math.min(max, n));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function createSearchIndex(dictionary: Dictionary, options: SearchIndexOptions = {}): SearchIndex {
  return new Engine(dictionary, {
    defaultLimit: options.defaultLimit ?? DEFAULT_LIMIT,
    maxWindow: options.maxWindow ?? MAX_WINDOW,
    commonList: options.commonList ?? 0,
  });
}
