import { sql } from 'kysely';
import type { PlatformContent } from '../domain/platform-version.ts';
import type { Db } from './database.ts';
import { contentFromRow } from './platform.repository.ts';

/**
 * Publishing: a platform's content as one value, written to the platform tables and frozen as
 * an immutable version row (a trigger refuses UPDATE and DELETE on platform_version).
 */
export interface CurrentPlatform {
  id: string;
  slug: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  content: PlatformContent;
}

/** A platform by id or slug, with its focal points and sources, as content. */
export async function readPlatform(db: Db, key: string): Promise<CurrentPlatform | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key);
  const row = await db
    .selectFrom('platform')
    .selectAll()
    .where(isUuid ? 'id' : 'slug', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  const [focal, sources] = await Promise.all([
    db
      .selectFrom('platform_focal_point')
      .selectAll()
      .where('platform_id', '=', row.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('platform_source')
      .selectAll()
      .where('platform_id', '=', row.id)
      .orderBy('position')
      .execute(),
  ]);
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    content: {
      ...contentFromRow(row),
      focalPoints: focal.map((f) => ({ name: f.name, unit: f.unit, email: f.email, phone: f.phone })),
      sources: sources.map((s) => ({ url: s.url, note: s.note })),
    },
  };
}

function columns(c: PlatformContent) {
  return {
    name_vi: c.name,
    name_en: c.nameEn,
    aliases: c.aliases,
    description: c.description,
    functions: c.functions,
    field: c.field,
    kind: c.kind,
    scope: c.scope,
    deployment_levels: c.deploymentLevels,
    status: c.status,
    operator: c.operator,
    website: c.website,
    ndxp_status: c.ndxp.status,
    ndxp_since: c.ndxp.since,
    ndop_status: c.ndop.status,
    ndop_since: c.ndop.since,
    legal_basis: c.legalBasis,
    note: c.note,
  };
}

async function replaceChildren(
  db: Db,
  platformId: string,
  c: PlatformContent,
  ids: () => string,
): Promise<void> {
  await db.deleteFrom('platform_focal_point').where('platform_id', '=', platformId).execute();
  await db.deleteFrom('platform_source').where('platform_id', '=', platformId).execute();
  if (c.focalPoints.length > 0)
    await db
      .insertInto('platform_focal_point')
      .values(c.focalPoints.map((f, position) => ({ id: ids(), platform_id: platformId, position, ...f })))
      .execute();
  if (c.sources.length > 0)
    await db
      .insertInto('platform_source')
      .values(
        c.sources.map((s, position) => ({ platform_id: platformId, position, url: s.url, note: s.note })),
      )
      .execute();
}

/**
 * Writes new content if the platform is still at `expectedVersion`; returns the new version,
 * or null when another change was published first (the caller rolls back). The owner is not
 * content a change may rewrite: it stays.
 */
export async function updatePlatformContent(
  db: Db,
  id: string,
  expectedVersion: number,
  content: PlatformContent,
  now: Date,
  ids: () => string,
): Promise<number | null> {
  const row = await db
    .updateTable('platform')
    .set((eb) => ({ ...columns(content), version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (!row) return null;
  await replaceChildren(db, id, content, ids);
  return row.version;
}

export async function insertPlatform(
  db: Db,
  platform: { id: string; slug: string; content: PlatformContent },
  now: Date,
  ids: () => string,
): Promise<void> {
  const c = platform.content;
  await db
    .insertInto('platform')
    .values({
      id: platform.id,
      slug: platform.slug,
      ...columns(c),
      declared_owner_id: c.declaredOwnerId,
      // Declared by the owner itself through the registry: its own word is the source.
      owner_basis: c.declaredOwnerId ? 'source' : 'unknown',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await replaceChildren(db, platform.id, c, ids);
}

/** Slugs starting with `base`, to pick a free one for a new platform. */
export async function slugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('platform')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base.replace(/[\\%_]/g, '\\$&')}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export interface StoredVersion {
  platformId: string;
  version: number;
  content: PlatformContent;
  changeRequestId: string | null;
  authorId: string | null;
  approvedBy: string | null;
  reason: string;
  createdAt: string;
}

export async function insertVersion(db: Db, v: Omit<StoredVersion, 'createdAt'>, now: Date): Promise<void> {
  await db
    .insertInto('platform_version')
    .values({
      platform_id: v.platformId,
      version: v.version,
      data: JSON.stringify(v.content),
      change_request_id: v.changeRequestId,
      author_id: v.authorId,
      approved_by: v.approvedBy,
      reason: v.reason,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['platform_id', 'version']).doNothing())
    .execute();
}

export async function listVersions(db: Db, platformId: string): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('platform_version')
    .selectAll()
    .where('platform_id', '=', platformId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    platformId: r.platform_id,
    version: r.version,
    content: r.data as PlatformContent,
    changeRequestId: r.change_request_id,
    authorId: r.author_id,
    approvedBy: r.approved_by,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Every instance rebuilds its catalogue snapshot when this counter moves (see catalogue.service.ts). */
export async function bumpCatalogueRevision(db: Db, now: Date): Promise<void> {
  await db
    .updateTable('catalogue_revision')
    .set({ revision: sql`revision + 1`, changed_at: now })
    .execute();
}

/** The current version of each platform, for many at once (is a proposal's base still current?). */
export async function currentVersions(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('platform')
    .select(['id', 'version'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.version]));
}
