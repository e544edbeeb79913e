import type {
  ConnectionStatus,
  DeploymentLevel,
  OwnerBasis,
  PlatformKind,
  PlatformScope,
  PlatformStatus,
} from '../domain/platform.ts';
import type { PlatformContent } from '../domain/platform-version.ts';
import type { Db } from './database.ts';
import type { PlatformTable } from './schema.ts';

/**
 * A platform as stored: the declared owner by id only. The service resolves owners through
 * the organisation lineage, which lives in memory.
 */
export interface StoredPlatform extends PlatformContent {
  id: string;
  slug: string;
  ownerBasis: OwnerBasis;
  synthetic: boolean;
  version: number;
  editionIds: string[];
  createdAt: string;
  updatedAt: string;
}

type Row = Omit<PlatformTable, 'created_at' | 'updated_at' | 'synthetic' | 'version'> & {
  created_at: Date;
  updated_at: Date;
  synthetic: boolean;
  version: number;
};

type ContentColumns = Omit<PlatformContent, 'focalPoints' | 'sources'>;

/** The platform table's content columns as domain values: the one row mapper, shared with versions. */
export function contentFromRow(
  row: Omit<Row, 'created_at' | 'updated_at' | 'synthetic' | 'version'>,
): ContentColumns {
  return {
    name: row.name_vi,
    nameEn: row.name_en,
    aliases: row.aliases,
    description: row.description,
    functions: row.functions,
    field: row.field,
    kind: row.kind as PlatformKind,
    scope: row.scope as PlatformScope,
    deploymentLevels: row.deployment_levels as DeploymentLevel[],
    status: row.status as PlatformStatus | null,
    declaredOwnerId: row.declared_owner_id,
    operator: row.operator,
    website: row.website,
    ndxp: { status: row.ndxp_status as ConnectionStatus, since: row.ndxp_since },
    ndop: { status: row.ndop_status as ConnectionStatus, since: row.ndop_since },
    legalBasis: row.legal_basis,
    note: row.note,
  };
}

function toStored(
  row: Row,
  extra: Pick<StoredPlatform, 'sources' | 'focalPoints' | 'editionIds'>,
): StoredPlatform {
  return {
    id: row.id,
    slug: row.slug,
    ...contentFromRow(row),
    ownerBasis: row.owner_basis as OwnerBasis,
    synthetic: row.synthetic,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...extra,
  };
}

function group<T extends { platform_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.platform_id);
    if (list) list.push(row);
    else map.set(row.platform_id, [row]);
  }
  return map;
}

/**
 * Reads platforms with their sources, focal points and editions: all of them (ids omitted) or
 * those with the given ids. Four queries whatever the count, no N+1.
 */
export async function loadPlatforms(db: Db, ids?: readonly string[]): Promise<StoredPlatform[]> {
  if (ids && ids.length === 0) return [];
  let platforms = db.selectFrom('platform').selectAll();
  let sources = db.selectFrom('platform_source').selectAll().orderBy('position');
  let focal = db.selectFrom('platform_focal_point').selectAll().orderBy('position');
  let entries = db.selectFrom('edition_entry').selectAll();
  if (ids) {
    platforms = platforms.where('id', 'in', ids);
    sources = sources.where('platform_id', 'in', ids);
    focal = focal.where('platform_id', 'in', ids);
    entries = entries.where('platform_id', 'in', ids);
  }
  const [rows, sourceRows, focalRows, entryRows] = await Promise.all([
    platforms.execute(),
    sources.execute(),
    focal.execute(),
    entries.execute(),
  ]);
  const sourcesBy = group(sourceRows);
  const focalBy = group(focalRows);
  const entriesBy = group(entryRows);
  return rows.map((row) =>
    toStored(row as Row, {
      sources: (sourcesBy.get(row.id) ?? []).map((s) => ({ url: s.url, note: s.note })),
      focalPoints: (focalBy.get(row.id) ?? []).map((f) => ({
        name: f.name,
        unit: f.unit,
        email: f.email,
        phone: f.phone,
      })),
      editionIds: (entriesBy.get(row.id) ?? []).map((e) => e.edition_id),
    }),
  );
}

/** The catalogue's revision counter: bumped by every write, polled by other instances. */
export async function readCatalogueRevision(db: Db): Promise<number> {
  const row = await db
    .selectFrom('catalogue_revision')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}
