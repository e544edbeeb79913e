import type { Selectable } from 'kysely';
import type { Justification, Resolution, ResolutionKind, ResolutionStatus } from '../domain/local-system.ts';
import type { Db } from './database.ts';
import type { LocalSystemResolutionTable } from './schema.ts';

/** Comply-or-explain answers: adoptions and justifications with the authority's decision. */
const iso = (d: Date | string | null) =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

function toResolution(r: Selectable<LocalSystemResolutionTable>): Resolution {
  return {
    id: r.id,
    localSystemId: r.local_system_id,
    checkId: Number(r.check_id),
    kind: r.kind as ResolutionKind,
    platformId: r.platform_id,
    coveredPlatformIds: r.covered_platform_ids,
    justification:
      r.kind === 'justification'
        ? {
            reason: r.reason ?? '',
            platformUnfit: r.platform_unfit ?? '',
            costComparison: r.cost_comparison ?? '',
            integrationPlan: r.integration_plan,
          }
        : null,
    status: r.status as ResolutionStatus,
    reviewComment: r.review_comment,
    reviewedBy: r.reviewed_by,
    reviewedAt: iso(r.reviewed_at),
    createdBy: r.created_by,
    createdAt: iso(r.created_at) as string,
  };
}

export async function insertResolution(
  db: Db,
  r: {
    id: string;
    localSystemId: string;
    checkId: number;
    kind: ResolutionKind;
    platformId: string | null;
    coveredPlatformIds: string[];
    justification: Justification | null;
    status: ResolutionStatus;
    createdBy: string | null;
  },
  now: Date,
): Promise<Resolution> {
  const row = await db
    .insertInto('local_system_resolution')
    .values({
      id: r.id,
      local_system_id: r.localSystemId,
      check_id: r.checkId,
      kind: r.kind,
      platform_id: r.platformId,
      covered_platform_ids: r.coveredPlatformIds,
      reason: r.justification?.reason ?? null,
      platform_unfit: r.justification?.platformUnfit ?? null,
      cost_comparison: r.justification?.costComparison ?? null,
      integration_plan: r.justification?.integrationPlan ?? null,
      status: r.status,
      created_by: r.createdBy,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toResolution(row);
}

export async function findResolution(db: Db, id: string): Promise<Resolution | null> {
  const row = await db
    .selectFrom('local_system_resolution')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toResolution(row) : null;
}

/** Decides a pending justification; null when it was no longer pending (decided meanwhile). */
export async function decideResolution(
  db: Db,
  id: string,
  decision: { status: 'accepted' | 'rejected'; comment: string; reviewerId: string },
  now: Date,
): Promise<Resolution | null> {
  const row = await db
    .updateTable('local_system_resolution')
    .set({
      status: decision.status,
      review_comment: decision.comment,
      reviewed_by: decision.reviewerId,
      reviewed_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  return row ? toResolution(row) : null;
}

/** Every answer of the given systems (all when absent), oldest first. */
export async function listResolutions(db: Db, systemIds?: readonly string[]): Promise<Resolution[]> {
  if (systemIds && systemIds.length === 0) return [];
  let query = db.selectFrom('local_system_resolution').selectAll().orderBy('created_at').orderBy('id');
  if (systemIds) query = query.where('local_system_id', 'in', [...systemIds]);
  return (await query.execute()).map(toResolution);
}
