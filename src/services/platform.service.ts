import { currentOwner, ownerFamily } from '../domain/catalogue.ts';
import { NotFoundError } from '../domain/errors.ts';
import { successorsOn } from '../domain/organisation.ts';
import type { Platform } from '../domain/platform.ts';
import type { Facets, PlatformFilters } from '../domain/platform-query.ts';
import type { CatalogueService, CatalogueSnapshot } from './catalogue.service.ts';
import type { PlatformSearch, SearchMatch } from './platform-search.ts';

export interface PlatformListQuery {
  q?: string;
  owner?: string[];
  kind?: string[];
  scope?: string[];
  status?: string[];
  edition?: string[];
  ndxp?: string[];
  ndop?: string[];
  limit: number;
  offset: number;
}

export interface PlatformListResult {
  items: (Platform & Partial<SearchMatch>)[];
  total: number;
  facets: Facets;
  didYouMean: string | null;
}

/** An organisation by id or code (slug); undefined if none. */
export function findOrganisation(snapshot: CatalogueSnapshot, key: string) {
  return snapshot.directory.byId.get(key) ?? snapshot.organisations.find((o) => o.code === key);
}

function ownerIds(snapshot: CatalogueSnapshot, keys: readonly string[], today: string): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) {
    const org = findOrganisation(snapshot, key);
    if (!org) throw new NotFoundError('organisation', key);
    // A former body (Bộ Kế hoạch và Đầu tư) means what it declared; a current body means what it
    // owns today, including what its predecessors declared.
    const isCurrent = successorsOn(org.id, snapshot.directory.links, today).includes(org.id);
    for (const id of isCurrent ? ownerFamily(snapshot.directory, org.id) : [org.id]) ids.add(id);
  }
  return ids;
}

export function createPlatformService(
  catalogue: CatalogueService,
  search: PlatformSearch,
  today: () => string,
) {
  return {
    async list(query: PlatformListQuery): Promise<PlatformListResult> {
      const snapshot = await catalogue.snapshot();
      const filters: PlatformFilters = {
        ...(query.owner?.length ? { ownerIds: ownerIds(snapshot, query.owner, today()) } : {}),
        kind: query.kind,
        scope: query.scope,
        status: query.status,
        edition: query.edition,
        ndxp: query.ndxp,
        ndop: query.ndop,
      };
      const q = query.q?.trim() ?? '';
      if (q === '') {
        const page = search.browse(snapshot, filters, query.offset, query.limit);
        return {
          items: page.ids.map((id) => snapshot.platformById.get(id)).filter((p): p is Platform => !!p),
          total: page.total,
          facets: page.facets,
          didYouMean: null,
        };
      }
      // Filters, total and facets are the engine's own (no pass over the matched set here).
      const found = search.search(snapshot, q, filters, query.offset + query.limit);
      return {
        items: found.matches.slice(query.offset, query.offset + query.limit).flatMap((m) => {
          const platform = snapshot.platformById.get(m.id);
          return platform
            ? [{ ...platform, score: m.score, reasons: m.reasons, highlights: m.highlights }]
            : [];
        }),
        total: found.total,
        facets: found.facets,
        didYouMean: found.total === 0 ? found.didYouMean : null,
      };
    },

    /** Who owned it on `date`: its declaring body, or that body's successor once reorganised. */
    async ownerOn(platform: Platform, date: string) {
      const snapshot = await catalogue.snapshot();
      return currentOwner(snapshot.directory, platform.declaredOwner?.id ?? null, date);
    },

    /** Builds the search index now (at start), so the first query does not pay for the load. */
    async warm(): Promise<void> {
      search.warm(await catalogue.snapshot());
    },

    async suggest(prefix: string, limit: number): Promise<{ id: string; slug: string; name: string }[]> {
      const snapshot = await catalogue.snapshot();
      return search
        .suggest(snapshot, prefix, limit)
        .map((s) => ({ id: s.id, slug: snapshot.platformById.get(s.id)?.slug ?? '', name: s.name }));
    },

    async get(key: string): Promise<Platform> {
      const snapshot = await catalogue.snapshot();
      const platform = snapshot.platformById.get(key) ?? snapshot.platformBySlug.get(key);
      if (!platform) throw new NotFoundError('platform', key);
      return platform;
    },
  };
}
export type PlatformService = ReturnType<typeof createPlatformService>;
