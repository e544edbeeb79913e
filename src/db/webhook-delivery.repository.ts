import type {
  Delivery,
  DeliveryAttempt,
  DeliveryState,
  PublicationEventType,
} from '../domain/notification.ts';
import type { Db } from './database.ts';
import './notification.schema.ts';

/**
 * Webhook deliveries and their log. Several instances may run the dispatcher against one
 * PostgreSQL: a delivery is claimed in a short transaction (FOR UPDATE SKIP LOCKED, then a
 * lease in `locked_until`) and sent outside it, so no transaction stays open over the network.
 */
export async function insertDeliveries(
  tx: Db,
  rows: readonly { id: string; webhookId: string; eventId: string }[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('webhook_delivery')
    .values(
      rows.map((r) => ({
        id: r.id,
        webhook_id: r.webhookId,
        event_id: r.eventId,
        state: 'pending',
        next_attempt_at: now,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
    .execute();
}

export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  /** Attempts made before this one. */
  attempts: number;
}

/**
 * Deliveries due at `now` to enabled endpoints, leased until `leaseUntil`. A delivery another
 * instance holds (row lock or unexpired lease) is skipped.
 */
export async function claimDueDeliveries(
  tx: Db,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const rows = await tx
    .selectFrom('webhook_delivery')
    .select(['id', 'webhook_id', 'event_id', 'attempts'])
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where('webhook_id', 'in', (qb) => qb.selectFrom('webhook').select('id').where('enabled', '=', true))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (rows.length === 0) return [];
  await tx
    .updateTable('webhook_delivery')
    .set({ locked_until: leaseUntil })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({ id: r.id, webhookId: r.webhook_id, eventId: r.event_id, attempts: r.attempts }));
}

/** Logs one attempt and moves the delivery on: done, given up, or due again later. */
export async function recordAttempt(
  tx: Db,
  deliveryId: string,
  attempt: DeliveryAttempt,
  state: DeliveryState,
): Promise<void> {
  await tx
    .insertInto('webhook_delivery_attempt')
    .values({
      delivery_id: deliveryId,
      attempt: attempt.attempt,
      started_at: attempt.startedAt,
      status_code: attempt.statusCode,
      duration_ms: attempt.durationMs,
      error: attempt.error,
      next_attempt_at: attempt.nextAttemptAt,
    })
    .execute();
  await tx
    .updateTable('webhook_delivery')
    .set({
      state,
      attempts: attempt.attempt,
      next_attempt_at: attempt.nextAttemptAt,
      locked_until: null,
    })
    .where('id', '=', deliveryId)
    .execute();
}

/** An endpoint's deliveries, newest first, each with its attempts in order. */
export async function listDeliveries(db: Db, webhookId: string, limit: number): Promise<Delivery[]> {
  const rows = await db
    .selectFrom('webhook_delivery as d')
    .innerJoin('publication_event as e', 'e.id', 'd.event_id')
    .select([
      'd.id',
      'd.webhook_id',
      'd.event_id',
      'e.type',
      'd.state',
      'd.attempts',
      'd.next_attempt_at',
      'd.created_at',
    ])
    .where('d.webhook_id', '=', webhookId)
    .orderBy('d.created_at', 'desc')
    .orderBy('e.seq', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('webhook_delivery_attempt')
    .selectAll()
    .where(
      'delivery_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('attempt')
    .execute();
  const log = new Map<string, DeliveryAttempt[]>();
  for (const a of attempts) {
    const list = log.get(a.delivery_id) ?? [];
    list.push({
      attempt: a.attempt,
      startedAt: new Date(a.started_at),
      statusCode: a.status_code,
      durationMs: a.duration_ms,
      error: a.error,
      nextAttemptAt: a.next_attempt_at ? new Date(a.next_attempt_at) : null,
    });
    log.set(a.delivery_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    webhookId: r.webhook_id,
    eventId: r.event_id,
    eventType: r.type as PublicationEventType,
    state: r.state as DeliveryState,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at) : null,
    createdAt: new Date(r.created_at),
    log: log.get(r.id) ?? [],
  }));
}
