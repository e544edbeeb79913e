import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { loadEditions, type StoredEdition } from '../db/edition.repository.ts';
import { loadOrganisations } from '../db/organisation.repository.ts';
import { loadPlatforms, readCatalogueRevision, type StoredPlatform } from '../db/platform.repository.ts';
import { loadTerms } from '../db/term.repository.ts';
import { currentOwner, makeDirectory, type OrganisationDirectory } from '../domain/catalogue.ts';
import { allPredecessors } from '../domain/organisation.ts';
import type { Organisation } from '../domain/organisation.ts';
import type { Platform } from '../domain/platform.ts';
import type { TermEntry } from '../domain/text/dictionary.ts';
import { compareVi } from '../domain/text/vietnamese.ts';

/**
 * The catalogue as every reader sees it: one immutable in-memory snapshot, rebuilt when the
 * catalogue revision changes. The instance that writes rebuilds at once (invalidate); other
 * instances sharing one PostgreSQL notice the new revision within `pollMs`.
 */
export interface CatalogueSnapshot {
  revision: number;
  loadedAt: Date;
  directory: OrganisationDirectory;
  organisations: Organisation[];
  platforms: Platform[];
  platformById: Map<string, Platform>;
  platformBySlug: Map<string, Platform>;
  /** Former owners' names per platform id (for search: "kế hoạch đầu tư" finds what BKHĐT declared). */
  formerOwnerNames: Map<string, string[]>;
  editions: StoredEdition[];
  terms: TermEntry[];
}

export interface CatalogueService {
  snapshot(): Promise<CatalogueSnapshot>;
  /** Call after a write: the next read rebuilds. */
  invalidate(): void;
}

export interface CatalogueDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  /** How often to look for changes made by other instances. */
  pollMs?: number;
}

function toPlatform(
  stored: StoredPlatform,
  directory: OrganisationDirectory,
  editionNumbers: Map<string, string>,
  today: string,
): Platform {
  const declared = stored.declaredOwnerId ? directory.byId.get(stored.declaredOwnerId) : undefined;
  return {
    id: stored.id,
    slug: stored.slug,
    name: stored.name,
    nameEn: stored.nameEn,
    aliases: stored.aliases,
    description: stored.description,
    functions: stored.functions,
    field: stored.field,
    kind: stored.kind,
    scope: stored.scope,
    deploymentLevels: stored.deploymentLevels,
    status: stored.status,
    declaredOwner: declared ? { id: declared.id, name: declared.name } : null,
    owner: currentOwner(directory, stored.declaredOwnerId, today),
    ownerBasis: stored.ownerBasis,
    operator: stored.operator,
    focalPoints: stored.focalPoints,
    website: stored.website,
    ndxp: stored.ndxp,
    ndop: stored.ndop,
    legalBasis: stored.legalBasis,
    note: stored.note,
    sources: stored.sources,
    editions: stored.editionIds.map((id) => editionNumbers.get(id)).filter((n): n is string => !!n),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

export async function buildSnapshot(db: Db, today: string, now: Date): Promise<CatalogueSnapshot> {
  const revision = await readCatalogueRevision(db);
  const [{ organisations, links }, stored, editions, terms] = await Promise.all([
    loadOrganisations(db),
    loadPlatforms(db),
    loadEditions(db),
    loadTerms(db),
  ]);
  const directory = makeDirectory(organisations, links);
  const editionNumbers = new Map(editions.map((e) => [e.id, e.document.number]));
  const platforms = stored
    .filter((s) => !s.synthetic)
    .map((s) => toPlatform(s, directory, editionNumbers, today))
    .sort((a, b) => compareVi(a.name, b.name));
  const formerOwnerNames = new Map<string, string[]>();
  for (const p of platforms) {
    if (!p.declaredOwner) continue;
    const ids = [
      ...(p.owner?.id !== p.declaredOwner.id ? [p.declaredOwner.id] : []),
      ...allPredecessors(p.declaredOwner.id, links),
    ];
    formerOwnerNames.set(
      p.id,
      ids.map((id) => directory.byId.get(id)?.name).filter((n): n is string => !!n),
    );
  }
  return {
    revision,
    loadedAt: now,
    directory,
    organisations: [...organisations].sort((a, b) => compareVi(a.name, b.name)),
    platforms,
    platformById: new Map(platforms.map((p) => [p.id, p])),
    platformBySlug: new Map(platforms.map((p) => [p.slug, p])),
    formerOwnerNames,
    editions,
    terms,
  };
}

export function createCatalogueService({ db, clock, log, pollMs = 1000 }: CatalogueDeps): CatalogueService {
  let current: CatalogueSnapshot | null = null;
  let building: Promise<CatalogueSnapshot> | null = null;
  let checkedAt = 0;
  let stale = true;

  const rebuild = (): Promise<CatalogueSnapshot> => {
    building ??= buildSnapshot(db, clock.today(), clock.now())
      .then((snapshot) => {
        current = snapshot;
        stale = false;
        log.debug(
          { revision: snapshot.revision, platforms: snapshot.platforms.length },
          'catalogue snapshot built',
        );
        return snapshot;
      })
      .finally(() => {
        building = null;
      });
    return building;
  };

  return {
    async snapshot() {
      if (!current || stale) return rebuild();
      const now = clock.now().getTime();
      if (now - checkedAt >= pollMs) {
        checkedAt = now;
        if ((await readCatalogueRevision(db)) !== current.revision) return rebuild();
      }
      // Owners resolve against today's date: a reorganisation taking effect at midnight shows then.
      if (current.loadedAt.toISOString().slice(0, 10) !== clock.now().toISOString().slice(0, 10))
        return rebuild();
      return current;
    },
    invalidate() {
      stale = true;
    },
  };
}
