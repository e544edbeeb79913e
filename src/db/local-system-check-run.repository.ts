import type { Selectable } from 'kysely';
import type { Db } from './database.ts';
import type { LocalSystemCheckRunTable } from './schema.ts';

/** Runs of the background re-check of local systems, and whom to tell of their results. */
export interface CheckRun {
  id: string;
  kind: 'recheck' | 'recompute';
  status: 'queued' | 'running' | 'done' | 'failed';
  requestedBy: string | null;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  catalogueRevision: number | null;
  checked: number;
  newlyOverlapping: number;
  error: string | null;
}

const iso = (d: Date | string | null) =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

function toRun(r: Selectable<LocalSystemCheckRunTable>): CheckRun {
  return {
    id: r.id,
    kind: r.kind as CheckRun['kind'],
    status: r.status as CheckRun['status'],
    requestedBy: r.requested_by,
    requestedAt: iso(r.requested_at) as string,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    catalogueRevision: r.catalogue_revision === null ? null : Number(r.catalogue_revision),
    checked: r.checked,
    newlyOverlapping: r.newly_overlapping,
    error: r.error,
  };
}

export async function insertRun(
  db: Db,
  run: { id: string; kind: CheckRun['kind']; status: 'queued' | 'running'; requestedBy: string | null },
  now: Date,
): Promise<CheckRun> {
  const row = await db
    .insertInto('local_system_check_run')
    .values({
      id: run.id,
      kind: run.kind,
      status: run.status,
      requested_by: run.requestedBy,
      requested_at: now,
      started_at: run.status === 'running' ? now : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRun(row);
}

/** Takes the queued runs for this instance: another instance polling at once gets none of them. */
export async function claimQueuedRuns(db: Db, now: Date): Promise<CheckRun[]> {
  const rows = await db
    .updateTable('local_system_check_run')
    .set({ status: 'running', started_at: now })
    .where('status', '=', 'queued')
    .returningAll()
    .execute();
  return rows.map(toRun);
}

export async function finishRun(
  db: Db,
  id: string,
  result: {
    status: 'done' | 'failed';
    catalogueRevision: number | null;
    checked: number;
    newlyOverlapping: number;
    error?: string;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable('local_system_check_run')
    .set({
      status: result.status,
      finished_at: now,
      catalogue_revision: result.catalogueRevision,
      checked: result.checked,
      newly_overlapping: result.newlyOverlapping,
      error: result.error ?? null,
    })
    .where('id', '=', id)
    .execute();
}

export async function findRun(db: Db, id: string): Promise<CheckRun | null> {
  const row = await db
    .selectFrom('local_system_check_run')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRun(row) : null;
}

export async function latestRuns(db: Db, limit = 5): Promise<CheckRun[]> {
  const rows = await db
    .selectFrom('local_system_check_run')
    .selectAll()
    .orderBy('requested_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

/** The e-mail addresses of a locality's officers whose accounts are in use. */
export async function localityOfficerEmails(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('email')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'locality_officer')
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}
