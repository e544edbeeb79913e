import type { Organisation } from '../domain/organisation.ts';
import type { Db } from './database.ts';
import { toOrganisation } from './organisation.repository.ts';
import './schema.editions.ts';

/** Organisations as the authority edits them: with their version for optimistic concurrency. */
export type VersionedOrganisation = Organisation & { version: number };

const COLUMNS = [
  'id',
  'code',
  'name_vi',
  'name_en',
  'kind',
  'level',
  'valid_from',
  'valid_to',
  'source_url',
  'note',
  'version',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findVersionedOrganisation(db: Db, key: string): Promise<VersionedOrganisation | null> {
  const row = await db
    .selectFrom('organisation')
    .select(COLUMNS)
    .where(UUID.test(key) ? 'id' : 'code', '=', key)
    .executeTakeFirst();
  return row ? { ...toOrganisation(row), version: row.version } : null;
}

export async function codeTaken(db: Db, code: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('organisation').select('id').where('code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export type OrganisationFields = Omit<Organisation, 'id'>;

const columns = (o: Partial<OrganisationFields>) => ({
  ...(o.code !== undefined ? { code: o.code } : {}),
  ...(o.name !== undefined ? { name_vi: o.name } : {}),
  ...(o.nameEn !== undefined ? { name_en: o.nameEn } : {}),
  ...(o.kind !== undefined ? { kind: o.kind } : {}),
  ...(o.level !== undefined ? { level: o.level } : {}),
  ...(o.validFrom !== undefined ? { valid_from: o.validFrom } : {}),
  ...(o.validTo !== undefined ? { valid_to: o.validTo } : {}),
  ...(o.sourceUrl !== undefined ? { source_url: o.sourceUrl } : {}),
  ...(o.note !== undefined ? { note: o.note } : {}),
});

export async function insertOrganisation(
  db: Db,
  id: string,
  o: OrganisationFields,
  now: Date,
): Promise<VersionedOrganisation> {
  const row = await db
    .insertInto('organisation')
    .values({
      id,
      code: o.code,
      name_vi: o.name,
      name_en: o.nameEn,
      kind: o.kind,
      level: o.level,
      valid_from: o.validFrom,
      valid_to: o.validTo,
      source_url: o.sourceUrl,
      note: o.note,
      created_at: now,
      updated_at: now,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return { ...toOrganisation(row), version: row.version };
}

/** Applies the changes if still at `expectedVersion`; null when another write came first. */
export async function updateOrganisation(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<OrganisationFields>,
  now: Date,
): Promise<VersionedOrganisation | null> {
  const row = await db
    .updateTable('organisation')
    .set((eb) => ({ ...columns(changes), version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? { ...toOrganisation(row), version: row.version } : null;
}

/** Dates set by a reorganisation (whatever the version: the reorganisation is the authority's record). */
export async function setValidity(
  db: Db,
  id: string,
  dates: { validFrom?: string; validTo?: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('organisation')
    .set((eb) => ({
      ...(dates.validFrom !== undefined ? { valid_from: dates.validFrom } : {}),
      ...(dates.validTo !== undefined ? { valid_to: dates.validTo } : {}),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}

export async function insertLinks(
  db: Db,
  links: {
    id: string;
    predecessorId: string;
    successorId: string;
    kind: string;
    effectiveDate: string;
    legalBasis: string | null;
    sourceUrl: string | null;
  }[],
): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('organisation_link')
    .values(
      links.map((l) => ({
        id: l.id,
        predecessor_id: l.predecessorId,
        successor_id: l.successorId,
        kind: l.kind,
        effective_date: l.effectiveDate,
        legal_basis: l.legalBasis,
        source_url: l.sourceUrl,
      })),
    )
    .execute();
}
