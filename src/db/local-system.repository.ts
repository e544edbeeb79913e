import { sql } from 'kysely';
import type {
  CheckSnapshot,
  LocalSystem,
  LocalSystemContent,
  LocalSystemStatus,
  NewCheckSnapshot,
} from '../domain/local-system.ts';
import type { Db } from './database.ts';
import type { LocalSystemCheckTable, LocalSystemTable } from './schema.ts';
import type { Selectable } from 'kysely';

/** Local systems and their check snapshots. Rows never leave this file: one mapper each. */
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

function toLocalSystem(r: Selectable<LocalSystemTable>): LocalSystem {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    originOrganisationId: r.origin_organisation_id,
    name: r.name,
    description: r.description,
    functions: r.functions,
    data: r.data_items,
    status: r.status as LocalSystemStatus,
    decision:
      r.decision_number !== null && r.decision_date !== null
        ? { number: r.decision_number, date: r.decision_date }
        : null,
    budgetVnd: r.budget_vnd === null ? null : Number(r.budget_vnd),
    contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
    createdBy: r.created_by,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const columnsOf = (c: LocalSystemContent) => ({
  name: c.name,
  description: c.description,
  functions: c.functions,
  data_items: c.data,
  status: c.status,
  decision_number: c.decision?.number ?? null,
  decision_date: c.decision?.date ?? null,
  budget_vnd: c.budgetVnd,
  contact_name: c.contact.name,
  contact_email: c.contact.email,
  contact_phone: c.contact.phone,
});

export async function insertLocalSystem(
  db: Db,
  system: LocalSystemContent & {
    id: string;
    organisationId: string;
    originOrganisationId: string;
    createdBy: string | null;
  },
  now: Date,
): Promise<LocalSystem> {
  const row = await db
    .insertInto('local_system')
    .values({
      id: system.id,
      organisation_id: system.organisationId,
      origin_organisation_id: system.originOrganisationId,
      ...columnsOf(system),
      created_by: system.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLocalSystem(row);
}

/** Writes `content` if the row is still at `version`; null when another write came first. */
export async function updateLocalSystem(
  db: Db,
  id: string,
  version: number,
  content: LocalSystemContent,
  now: Date,
): Promise<LocalSystem | null> {
  const row = await db
    .updateTable('local_system')
    .set({ ...columnsOf(content), version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row ? toLocalSystem(row) : null;
}

export async function findLocalSystem(db: Db, id: string): Promise<LocalSystem | null> {
  const row = await db.selectFrom('local_system').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toLocalSystem(row) : null;
}

/** Locks the rows (FOR UPDATE) so two re-checks of one system never both report it as new. */
export async function lockLocalSystems(db: Db, ids: readonly string[]): Promise<LocalSystem[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('local_system')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map(toLocalSystem);
}

/** The systems of the given localities (every locality when `organisationIds` is absent). */
export async function listLocalSystems(
  db: Db,
  filter: { organisationIds?: readonly string[]; statuses?: readonly LocalSystemStatus[] } = {},
): Promise<LocalSystem[]> {
  let query = db.selectFrom('local_system').selectAll().orderBy('created_at').orderBy('id');
  if (filter.organisationIds) {
    if (filter.organisationIds.length === 0) return [];
    query = query.where('organisation_id', 'in', [...filter.organisationIds]);
  }
  if (filter.statuses && filter.statuses.length > 0)
    query = query.where('status', 'in', [...filter.statuses]);
  return (await query.execute()).map(toLocalSystem);
}

function toSnapshot(r: Selectable<LocalSystemCheckTable>): CheckSnapshot {
  return {
    id: Number(r.id),
    localSystemId: r.local_system_id,
    systemVersion: r.system_version,
    verdict: r.verdict as CheckSnapshot['verdict'],
    score: Number(r.score),
    matches: r.matches as CheckSnapshot['matches'],
    catalogueRevision: Number(r.catalogue_revision),
    rulesVersion: r.rules_version,
    trigger: r.trigger as CheckSnapshot['trigger'],
    checkedAt: iso(r.checked_at),
  };
}

export async function insertSnapshot(db: Db, s: NewCheckSnapshot): Promise<CheckSnapshot> {
  const row = await db
    .insertInto('local_system_check')
    .values({
      local_system_id: s.localSystemId,
      system_version: s.systemVersion,
      verdict: s.verdict,
      score: s.score,
      // jsonb parameters: serialised here so both drivers send the same text.
      matches: JSON.stringify(s.matches),
      catalogue_revision: s.catalogueRevision,
      rules_version: s.rulesVersion,
      trigger: s.trigger,
      checked_at: s.checkedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSnapshot(row);
}

/** The latest snapshot of each system (of the given ones, or all), by system id. */
export async function latestSnapshots(
  db: Db,
  systemIds?: readonly string[],
): Promise<Map<string, CheckSnapshot>> {
  if (systemIds && systemIds.length === 0) return new Map();
  let query = db
    .selectFrom('local_system_check')
    .selectAll()
    .distinctOn('local_system_id')
    .orderBy('local_system_id')
    .orderBy('id', 'desc');
  if (systemIds) query = query.where('local_system_id', 'in', [...systemIds]);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.local_system_id, toSnapshot(r)]));
}

export async function listSnapshots(db: Db, systemId: string, limit = 50): Promise<CheckSnapshot[]> {
  const rows = await db
    .selectFrom('local_system_check')
    .selectAll()
    .where('local_system_id', '=', systemId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSnapshot);
}

/**
 * Systems whose latest check ran against another catalogue revision or other rules, or that
 * were never checked: what a re-check has to do.
 */
export async function staleSystemIds(db: Db, revision: number, rulesVersion: string): Promise<string[]> {
  const latest = db
    .selectFrom('local_system_check')
    .select(['local_system_id', 'catalogue_revision', 'rules_version'])
    .distinctOn('local_system_id')
    .orderBy('local_system_id')
    .orderBy('id', 'desc')
    .as('latest');
  const rows = await db
    .selectFrom('local_system as s')
    .leftJoin(latest, 'latest.local_system_id', 's.id')
    .select('s.id')
    .where((eb) =>
      eb.or([
        eb('latest.local_system_id', 'is', null),
        eb('latest.catalogue_revision', '<>', revision),
        eb('latest.rules_version', '<>', rulesVersion),
      ]),
    )
    .orderBy('s.id')
    .execute();
  return rows.map((r) => r.id);
}
