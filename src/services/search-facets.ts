import type { FacetCount, FacetName as SearchFacetName } from '../domain/search/index.ts';
import type { Facets, PlatformFilters } from '../domain/platform-query.ts';
import { FACET_NAMES } from '../domain/platform-query.ts';
import { compareVi } from '../domain/text/vietnamese.ts';
import type { CatalogueSnapshot } from './catalogue.service.ts';

/**
 * The bridge between the catalogue's filters and facets (domain/platform-query.ts) and the search
 * engine's, so a query's facets come from the engine's own counts (integer work over the matched
 * slots) instead of a second pass over the matched platforms in the service.
 *
 * The engine's `owner` facet holds the DECLARED owner: the catalogue filters by it (a current body
 * means what its predecessors declared; see ownerIds in platform.service.ts), and the current
 * owner is a function of the declared one, so its counts are the declared counts summed.
 */

/** The facet value of "no owner stated" / "no status stated", as the catalogue list shows it. */
export const UNKNOWN = 'unknown';

export function engineFilters(filters: PlatformFilters): Partial<Record<SearchFacetName, string[]>> {
  const out: Partial<Record<SearchFacetName, string[]>> = {};
  if (filters.ownerIds && filters.ownerIds.size > 0) out.owner = [...filters.ownerIds];
  const lists = [
    ['kind', filters.kind],
    ['scope', filters.scope],
    ['status', filters.status],
    ['edition', filters.edition],
    ['ndxp', filters.ndxp],
    ['ndop', filters.ndop],
  ] as const;
  for (const [name, list] of lists) if (list && list.length > 0) out[name] = [...list];
  return out;
}

/** Declared owner id → today's owner, per snapshot (a few hundred entries). */
const owners = new WeakMap<CatalogueSnapshot, Map<string, { id: string; name: string } | null>>();

function ownerOf(snapshot: CatalogueSnapshot, declaredId: string): { id: string; name: string } | null {
  let map = owners.get(snapshot);
  if (!map) {
    map = new Map();
    for (const p of snapshot.platforms) if (p.declaredOwner) map.set(p.declaredOwner.id, p.owner);
    owners.set(snapshot, map);
  }
  return map.get(declaredId) ?? null;
}

/** The engine's counts in the catalogue's shape: labelled, by count then in Vietnamese order. */
export function catalogueFacets(
  snapshot: CatalogueSnapshot,
  counts: Record<SearchFacetName, FacetCount[]>,
): Facets {
  const result = {} as Facets;
  for (const facet of FACET_NAMES) {
    const merged = new Map<string, { value: string; label: string; count: number }>();
    for (const { value, count } of counts[facet]) {
      let key = { value, label: value };
      if (facet === 'owner') {
        const owner = value === UNKNOWN ? null : ownerOf(snapshot, value);
        key = owner ? { value: owner.id, label: owner.name } : { value: UNKNOWN, label: '' };
      }
      const entry = merged.get(key.value);
      if (entry) entry.count += count;
      else merged.set(key.value, { ...key, count });
    }
    result[facet] = [...merged.values()].sort((a, b) => b.count - a.count || compareVi(a.label, b.label));
  }
  return result;
}
