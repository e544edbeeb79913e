/**
 * The search contract: what the index receives (SearchDocument), what a caller asks (SearchQuery)
 * and what it answers (SearchResult). Pure data; the engine lives beside it.
 */

export interface SearchFacetValues {
  /** Today's owner (the declared owner's current successor); null when no source states it. */
  owner: string | null;
  kind: string;
  scope: string;
  status: string | null;
  editions: string[];
  ndxp: string;
  ndop: string;
}

export interface SearchDocument {
  id: string;
  /** Vietnamese platform name (NFC). */
  name: string;
  nameEn: string | null;
  /** Short names: NDXP, VNeID, e-Cabinet ... */
  aliases: string[];
  /** May be ''. */
  description: string;
  /**
   * Extra words to find the entry by that are not shown as its text, e.g. the label of its kind
   * ("nền tảng số dùng chung"). Weighted like the description. Optional.
   */
  keywords?: string[];
  functions: string[];
  /** Current owner first, then former owners ('Bộ Tài chính', 'Bộ Kế hoạch và Đầu tư'). */
  ownerNames: string[];
  /** Numbers of the documents that list it, e.g. '2765/BTTTT-CĐSQG'. */
  editions: string[];
  facets: SearchFacetValues;
  /** Overrides name for the order of an empty query. */
  sortName?: string;
}

export const FACET_NAMES = ['owner', 'kind', 'scope', 'status', 'edition', 'ndxp', 'ndop'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchQuery {
  q: string;
  /** Within one facet any listed value passes; across facets every facet must pass. */
  filters?: Partial<Record<FacetName, string[]>>;
  limit?: number;
  offset?: number;
}

export type MatchField =
  'name' | 'nameEn' | 'alias' | 'description' | 'keyword' | 'function' | 'owner' | 'edition';

export type MatchKind =
  'exact' | 'folded' | 'abbreviation' | 'synonym' | 'variant' | 'typo' | 'prefix' | 'phrase';

/** Why a hit matched, for machines: which query words met which text, and how. */
export interface MatchReason {
  field: MatchField;
  kind: MatchKind;
  /** The query words as typed. */
  query: string;
  /** The document text they met, as written in the document. */
  matched: string;
}

/** The document property a highlight belongs to; `index` says which item of a list property. */
export type HighlightField =
  'name' | 'nameEn' | 'aliases' | 'description' | 'keywords' | 'functions' | 'ownerNames' | 'editions';

export interface Highlight {
  field: HighlightField;
  index?: number;
  /** [start, end) UTF-16 offsets into the field text as stored (NFC). */
  ranges: [number, number][];
}

export interface SearchHit {
  id: string;
  score: number;
  reasons: MatchReason[];
  highlights: Highlight[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /** Counts over the matched set; each facet ignores its own filter so other values stay visible. */
  facets: Record<FacetName, FacetCount[]>;
  /** A corrected query when the words matched nothing (or only loosely), else null. */
  didYouMean: string | null;
  /** True when no entry matched enough of the query and the hits match only some of its words. */
  relaxed: boolean;
}

export interface Suggestion {
  id: string;
  name: string;
}

export interface SearchIndex {
  upsert(doc: SearchDocument): void;
  remove(id: string): boolean;
  search(query: SearchQuery): SearchResult;
  suggest(prefix: string, limit: number): Suggestion[];
  /** Does now the lazy work a bulk load leaves for the first query (the name order). */
  warm(): void;
  readonly size: number;
}
