import type { Platform } from '../domain/platform.ts';
import type { Facets, PlatformFilters } from '../domain/platform-query.ts';
import {
  createSearchIndex,
  type Highlight,
  type MatchReason,
  type SearchDocument,
  type SearchIndex,
} from '../domain/search/index.ts';
import { buildDictionary, type TermEntry } from '../domain/text/dictionary.ts';
import type { CatalogueSnapshot } from './catalogue.service.ts';
import { catalogueFacets, engineFilters, UNKNOWN } from './search-facets.ts';

export interface SearchMatch {
  id: string;
  score: number;
  reasons: MatchReason[];
  /** Where the query met the text (for marking it on the page; not part of the API answer). */
  highlights: Highlight[];
}

/** Full-text search over a catalogue snapshot; the engine lives in src/domain/search. */
export interface PlatformSearch {
  /** Ranked, filtered matches up to `window`; total and facets count every match. */
  search(
    snapshot: CatalogueSnapshot,
    q: string,
    filters?: PlatformFilters,
    window?: number,
  ): { matches: SearchMatch[]; total: number; facets: Facets; didYouMean: string | null };
  suggest(snapshot: CatalogueSnapshot, prefix: string, limit: number): { id: string; name: string }[];
  /**
   * The empty query: filtered entries in name order, a page of them, with facet counts, from the
   * engine's facet postings and live counts (no pass over the catalogue).
   */
  browse(
    snapshot: CatalogueSnapshot,
    filters: PlatformFilters,
    offset: number,
    limit: number,
  ): { ids: string[]; total: number; facets: Facets };
  /** Brings the index up to the snapshot now (at start), so no reader pays for the bulk load. */
  warm(snapshot: CatalogueSnapshot): void;
}

/** How many ranked hits a query may return before filters and paging (bounds the work). */
export const SEARCH_WINDOW = 1000;
/** The deepest page of the browse order (the API's offset bound plus its page size). */
const BROWSE_WINDOW = 1_000_100;

export function toSearchDocument(p: Platform, formerOwnerNames: readonly string[]): SearchDocument {
  return {
    id: p.id,
    name: p.name,
    nameEn: p.nameEn,
    aliases: p.aliases,
    description: p.description ?? '',
    functions: p.functions,
    ownerNames: [...(p.owner ? [p.owner.name] : []), ...formerOwnerNames],
    editions: p.editions,
    // The declared owner: the catalogue filters by it (see search-facets.ts).
    facets: {
      owner: p.declaredOwner?.id ?? UNKNOWN,
      kind: p.kind,
      scope: p.scope,
      status: p.status ?? UNKNOWN,
      editions: p.editions,
      ndxp: p.ndxp.status,
      ndop: p.ndop.status,
    },
  };
}

/**
 * Keeps one search index in step with the catalogue snapshots: a new snapshot upserts only the
 * platforms that changed and removes those gone, so a change is searchable as soon as the
 * snapshot is rebuilt; a changed dictionary rebuilds the index.
 */
export function createPlatformSearch(): PlatformSearch {
  let index: SearchIndex | null = null;
  let terms: readonly TermEntry[] | null = null;
  let signatures = new Map<string, string>();
  let synced: CatalogueSnapshot | null = null;

  const sync = (snapshot: CatalogueSnapshot): SearchIndex => {
    if (index && synced === snapshot) return index;
    if (!index || JSON.stringify(terms) !== JSON.stringify(snapshot.terms)) {
      index = createSearchIndex(buildDictionary(snapshot.terms), { maxWindow: BROWSE_WINDOW });
      terms = snapshot.terms;
      signatures = new Map();
    }
    let changed = false;
    const next = new Map<string, string>();
    for (const p of snapshot.platforms) {
      const former = snapshot.formerOwnerNames.get(p.id) ?? [];
      const signature = `${p.updatedAt}|${p.owner?.id ?? ''}|${p.editions.join(',')}|${former.join(',')}`;
      next.set(p.id, signature);
      if (signatures.get(p.id) !== signature) {
        index.upsert(toSearchDocument(p, former));
        changed = true;
      }
    }
    for (const id of signatures.keys()) if (!next.has(id)) changed = index.remove(id) || changed;
    if (changed) index.warm();
    signatures = next;
    synced = snapshot;
    return index;
  };

  return {
    search(snapshot, q, filters = {}, window = SEARCH_WINDOW) {
      const result = sync(snapshot).search({
        q,
        filters: engineFilters(filters),
        limit: Math.min(window, SEARCH_WINDOW),
        offset: 0,
      });
      return {
        matches: result.hits.map((h) => ({
          id: h.id,
          score: h.score,
          reasons: h.reasons,
          highlights: h.highlights,
        })),
        total: result.total,
        facets: catalogueFacets(snapshot, result.facets),
        didYouMean: result.didYouMean,
      };
    },
    browse(snapshot, filters, offset, limit) {
      const result = sync(snapshot).search({ q: '', filters: engineFilters(filters), limit, offset });
      return {
        ids: result.hits.map((h) => h.id),
        total: result.total,
        facets: catalogueFacets(snapshot, result.facets),
      };
    },
    warm(snapshot) {
      sync(snapshot);
    },
    suggest(snapshot, prefix, limit) {
      return sync(snapshot).suggest(prefix, limit);
    },
  };
}
