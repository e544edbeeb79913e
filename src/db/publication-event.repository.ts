import type { Selectable } from 'kysely';
import type { PublicationEvent, PublicationEventType } from '../domain/notification.ts';
import type { Db } from './database.ts';
import type { PublicationEventTable } from './notification.schema.ts';

/**
 * Publication events: the transactional outbox of what was published. `appendPublicationEvent`
 * takes the transaction that publishes, so the event exists exactly when the publication does.
 */
export async function appendPublicationEvent(tx: Db, event: PublicationEvent): Promise<void> {
  const s = event.subject;
  await tx
    .insertInto('publication_event')
    .values({
      id: event.id,
      type: event.type,
      platform_id: s.kind === 'platform' ? s.platformId : null,
      platform_slug: s.kind === 'platform' ? s.slug : null,
      edition_id: s.kind === 'edition' ? s.editionId : null,
      document_number: s.kind === 'edition' ? s.documentNumber : null,
      title: event.title,
      version: event.version,
      summary: event.summary,
      occurred_at: event.occurredAt,
    })
    .execute();
}

function toEvent(r: Selectable<PublicationEventTable>): PublicationEvent {
  return {
    id: r.id,
    type: r.type as PublicationEventType,
    subject:
      r.platform_id !== null
        ? { kind: 'platform', platformId: r.platform_id, slug: r.platform_slug ?? '' }
        : { kind: 'edition', editionId: r.edition_id ?? '', documentNumber: r.document_number ?? '' },
    title: r.title,
    version: r.version,
    summary: r.summary,
    occurredAt: new Date(r.occurred_at),
  };
}

/** The newest events first (the feed). */
export async function listRecentPublicationEvents(db: Db, limit: number): Promise<PublicationEvent[]> {
  const rows = await db
    .selectFrom('publication_event')
    .selectAll()
    .orderBy('occurred_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}

export async function readPublicationEvent(db: Db, id: string): Promise<PublicationEvent | null> {
  const row = await db.selectFrom('publication_event').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEvent(row) : null;
}

/**
 * Events whose deliveries are not planned yet, oldest first, locked for this transaction;
 * another instance skips them (SKIP LOCKED) rather than planning them twice.
 */
export async function claimUndispatchedEvents(tx: Db, limit: number): Promise<PublicationEvent[]> {
  const rows = await tx
    .selectFrom('publication_event')
    .selectAll()
    .where('dispatched_at', 'is', null)
    .orderBy('seq')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(toEvent);
}

export async function markEventsDispatched(tx: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('publication_event').set({ dispatched_at: now }).where('id', 'in', ids).execute();
}
