import type { AuditEntry, AuditEvent, WriteContext } from '../domain/audit.ts';
import type { Db } from './database.ts';

/**
 * The audit log. `appendAudit` takes the transaction of the write it records, so the entry and
 * the change commit or roll back together.
 */
export async function appendAudit(
  db: Db,
  context: WriteContext,
  events: readonly AuditEvent[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await db
    .insertInto('audit_log')
    .values(
      events.map((r) => {
        const actor = r.actor === undefined ? context.actor : r.actor;
        return {
          at: now,
          actor_user_id: actor?.userId ?? null,
          actor_organisation_id: actor?.organisationId ?? null,
          action: r.action,
          target_type: r.targetType,
          target_id: r.targetId,
          // jsonb parameters: serialised here so both drivers send the same text.
          before: json(r.before),
          after: json(r.after),
          request_id: context.requestId,
          client_address: context.clientAddress,
        };
      }),
    )
    .execute();
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actorUserId?: string;
  organisationId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  requestId?: string;
  /** Entries with an id below this one (keyset pagination, newest first). */
  before?: number;
  limit: number;
}

export async function queryAudit(db: Db, filter: AuditFilter): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.organisationId) query = query.where('actor_organisation_id', '=', filter.organisationId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
  if (filter.requestId) query = query.where('request_id', '=', filter.requestId);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    actorUserId: r.actor_user_id,
    actorOrganisationId: r.actor_organisation_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.request_id,
    clientAddress: r.client_address,
  }));
}

/** Which of these request ids have at least one audit entry. */
export async function auditedRequestIds(db: Db, requestIds: readonly string[]): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('audit_log')
    .select('request_id')
    .distinct()
    .where('request_id', 'in', [...requestIds])
    .execute();
  return new Set(rows.map((r) => r.request_id).filter((id): id is string => id !== null));
}
