import { allPredecessors, successorsOn, type Organisation, type OrganisationLink } from './organisation.ts';
import type { OrganisationRef, Platform, PlatformKind, PlatformStatus } from './platform.ts';
import { compareVi } from './text/vietnamese.ts';

/**
 * The catalogue as read: platforms with owners resolved through the organisation lineage,
 * editions with "declared vs registered" per owner, statistics. Pure: the caller passes the
 * stored records and today's date.
 */
export interface OrganisationDirectory {
  byId: ReadonlyMap<string, Organisation>;
  links: readonly OrganisationLink[];
}

export function makeDirectory(
  organisations: readonly Organisation[],
  links: readonly OrganisationLink[],
): OrganisationDirectory {
  return { byId: new Map(organisations.map((o) => [o.id, o])), links };
}

function ref(directory: OrganisationDirectory, id: string | null): OrganisationRef | null {
  if (!id) return null;
  const org = directory.byId.get(id);
  return org ? { id: org.id, name: org.name } : null;
}

/** Today's owner of something declared under `declaredOwnerId` (the first part where a body split). */
export function currentOwner(
  directory: OrganisationDirectory,
  declaredOwnerId: string | null,
  today: string,
): OrganisationRef | null {
  if (!declaredOwnerId) return null;
  const [successor] = successorsOn(declaredOwnerId, directory.links, today);
  return ref(directory, successor ?? declaredOwnerId);
}

/** The organisation ids a filter on `ownerId` covers: the body itself and every predecessor. */
export function ownerFamily(directory: OrganisationDirectory, ownerId: string): Set<string> {
  return new Set([ownerId, ...allPredecessors(ownerId, directory.links)]);
}

export interface EditionSummary {
  id: string;
  number: string;
  issuedOn: string;
  issuerName: string;
  title: string;
  declaredTotal: number | null;
}

export interface DeclaredVsRegistered {
  /** The owner as the document names it. */
  owner: OrganisationRef;
  /** Today's body for that owner, where a reorganisation changed it. */
  currentOwner: OrganisationRef | null;
  declared: number | null;
  registered: number;
  note: string | null;
  sourceUrl: string | null;
}

/**
 * Per owner, the count the document declared beside the count the registry holds for that
 * edition. Owners with platforms but no declared count, and declared owners with none
 * registered, both appear: the gap is the point.
 */
export function declaredVsRegistered(
  directory: OrganisationDirectory,
  declared: readonly {
    organisationId: string;
    count: number;
    note: string | null;
    sourceUrl: string | null;
  }[],
  listedPlatforms: readonly Pick<Platform, 'declaredOwner'>[],
  today: string,
): { rows: DeclaredVsRegistered[]; unknownOwner: number } {
  const registered = new Map<string, number>();
  let unknownOwner = 0;
  for (const p of listedPlatforms) {
    if (p.declaredOwner) registered.set(p.declaredOwner.id, (registered.get(p.declaredOwner.id) ?? 0) + 1);
    else unknownOwner++;
  }
  const declaredBy = new Map(declared.map((d) => [d.organisationId, d]));
  const ids = new Set([...declaredBy.keys(), ...registered.keys()]);
  const rows: DeclaredVsRegistered[] = [];
  for (const id of ids) {
    const owner = ref(directory, id);
    if (!owner) continue;
    const current = currentOwner(directory, id, today);
    const d = declaredBy.get(id);
    rows.push({
      owner,
      currentOwner: current && current.id !== id ? current : null,
      declared: d?.count ?? null,
      registered: registered.get(id) ?? 0,
      note: d?.note ?? null,
      sourceUrl: d?.sourceUrl ?? null,
    });
  }
  rows.sort(
    (a, b) =>
      (b.declared ?? -1) - (a.declared ?? -1) ||
      b.registered - a.registered ||
      compareVi(a.owner.name, b.owner.name),
  );
  return { rows, unknownOwner };
}

export interface Statistics {
  total: number;
  byOwner: { owner: OrganisationRef | null; count: number }[];
  byKind: { kind: PlatformKind; count: number }[];
  byStatus: { status: PlatformStatus | null; count: number }[];
  byScope: { scope: string; count: number }[];
  ndxpConnected: number;
  ndopConnected: number;
}

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
  const map = new Map<K, number>();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
  return map;
}

/** Counts computed from the records, never typed in: published counts drift between sources. */
export function statistics(platforms: readonly Platform[]): Statistics {
  const owners = new Map<string, OrganisationRef | null>();
  for (const p of platforms) owners.set(p.owner?.id ?? '', p.owner);
  const byOwner = [...countBy(platforms, (p) => p.owner?.id ?? '')].map(([id, count]) => ({
    owner: owners.get(id) ?? null,
    count,
  }));
  byOwner.sort((a, b) => b.count - a.count || compareVi(a.owner?.name ?? '~', b.owner?.name ?? '~'));
  const sorted = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    total: platforms.length,
    byOwner,
    byKind: sorted(countBy(platforms, (p) => p.kind)).map(([kind, count]) => ({ kind, count })),
    byStatus: sorted(countBy(platforms, (p) => p.status)).map(([status, count]) => ({ status, count })),
    byScope: sorted(countBy(platforms, (p) => p.scope)).map(([scope, count]) => ({ scope, count })),
    ndxpConnected: platforms.filter((p) => p.ndxp.status === 'connected').length,
    ndopConnected: platforms.filter((p) => p.ndop.status === 'connected').length,
  };
}
