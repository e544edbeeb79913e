import type { Platform } from './platform.ts';
import { compareVi } from './text/vietnamese.ts';

/** Filters of the catalogue list, as validated by the API (every field optional). */
export interface PlatformFilters {
  /** Organisation ids, each already widened to its predecessors by the service. */
  ownerIds?: ReadonlySet<string>;
  kind?: readonly string[];
  scope?: readonly string[];
  status?: readonly string[];
  /** Edition document numbers. */
  edition?: readonly string[];
  ndxp?: readonly string[];
  ndop?: readonly string[];
}

export const FACET_NAMES = ['owner', 'kind', 'scope', 'status', 'edition', 'ndxp', 'ndop'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export type Facets = Record<FacetName, { value: string; label: string; count: number }[]>;

function facetValues(p: Platform, facet: FacetName): { value: string; label: string }[] {
  switch (facet) {
    case 'owner':
      return p.owner ? [{ value: p.owner.id, label: p.owner.name }] : [{ value: 'unknown', label: '' }];
    case 'kind':
      return [{ value: p.kind, label: p.kind }];
    case 'scope':
      return [{ value: p.scope, label: p.scope }];
    case 'status':
      return [{ value: p.status ?? 'unknown', label: p.status ?? 'unknown' }];
    case 'edition':
      return p.editions.map((e) => ({ value: e, label: e }));
    case 'ndxp':
      return [{ value: p.ndxp.status, label: p.ndxp.status }];
    case 'ndop':
      return [{ value: p.ndop.status, label: p.ndop.status }];
  }
}

function passes(p: Platform, filters: PlatformFilters, skip?: FacetName): boolean {
  const inList = (list: readonly string[] | undefined, value: string) =>
    !list || list.length === 0 || list.includes(value);
  if (skip !== 'owner' && filters.ownerIds && !(p.declaredOwner && filters.ownerIds.has(p.declaredOwner.id)))
    return false;
  if (skip !== 'kind' && !inList(filters.kind, p.kind)) return false;
  if (skip !== 'scope' && !inList(filters.scope, p.scope)) return false;
  if (skip !== 'status' && !inList(filters.status, p.status ?? 'unknown')) return false;
  if (skip !== 'ndxp' && !inList(filters.ndxp, p.ndxp.status)) return false;
  if (skip !== 'ndop' && !inList(filters.ndop, p.ndop.status)) return false;
  if (
    skip !== 'edition' &&
    filters.edition &&
    filters.edition.length > 0 &&
    !p.editions.some((e) => filters.edition?.includes(e))
  )
    return false;
  return true;
}

export function applyFilters(platforms: readonly Platform[], filters: PlatformFilters): Platform[] {
  return platforms.filter((p) => passes(p, filters));
}

/**
 * Facet counts, each computed with every filter but its own, so a person sees how many
 * entries choosing another value of that facet would give (the usual faceted-search rule).
 */
export function facetCounts(platforms: readonly Platform[], filters: PlatformFilters): Facets {
  const result = {} as Facets;
  for (const facet of FACET_NAMES) {
    const counts = new Map<string, { value: string; label: string; count: number }>();
    for (const p of platforms) {
      if (!passes(p, filters, facet)) continue;
      for (const v of facetValues(p, facet)) {
        const entry = counts.get(v.value);
        if (entry) entry.count++;
        else counts.set(v.value, { ...v, count: 1 });
      }
    }
    result[facet] = [...counts.values()].sort((a, b) => b.count - a.count || compareVi(a.label, b.label));
  }
  return result;
}

export function sortByName(platforms: Platform[]): Platform[] {
  return platforms.sort((a, b) => compareVi(a.name, b.name));
}
