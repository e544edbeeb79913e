import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { OutgoingEmail } from './email-outbox.repository.ts';

/**
 * The sender's side of the outbox: claim due messages, then record the outcome. A claim is a
 * lease: the claimed rows' next_attempt_at moves `leaseMs` ahead and their attempt is counted,
 * in one short transaction that locks them with FOR UPDATE SKIP LOCKED, so two instances never
 * claim the same message and no transaction stays open while SMTP talks. A sender that dies
 * mid-send leaves the lease to expire; the message is then tried again (at least once).
 */
export interface ClaimedEmail extends OutgoingEmail {
  /** This attempt's number, 1 for the first. */
  attempt: number;
}

/** What stays of a message's body once it is sent or given up: the link in it must not stay readable. */
export const REDACTED_BODY = '';

export async function claimDueEmails(
  db: Db,
  options: { now: Date; leaseMs: number; maxAttempts: number; limit: number },
): Promise<ClaimedEmail[]> {
  const { now } = options;
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('email_outbox')
      .select('id')
      .where('sent_at', 'is', null)
      .where('attempts', '<', options.maxAttempts)
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy('created_at')
      .limit(options.limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const rows = await tx
      .updateTable('email_outbox')
      .set({
        attempts: sql`attempts + 1`,
        next_attempt_at: new Date(now.getTime() + options.leaseMs),
      })
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returning(['id', 'to_address', 'subject', 'body_text', 'purpose', 'attempts', 'created_at'])
      .execute();
    return rows
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
      .map((r) => ({
        id: r.id,
        to: r.to_address,
        subject: r.subject,
        body: r.body_text,
        purpose: r.purpose,
        attempt: r.attempts,
      }));
  });
}

/** Sent: the body (with any one-time link in it) is cleared, the rest stays as a record. */
export async function markEmailSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({ sent_at: now, body_text: REDACTED_BODY, last_error: null, next_attempt_at: null })
    .where('id', '=', id)
    .execute();
}

/**
 * Failed: the error is kept and the next try waits until `retryAt`; null when this was the
 * last attempt, and then the body is cleared too (its link would expire unread anyway).
 */
export async function markEmailFailed(
  db: Db,
  id: string,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('email_outbox')
    .set({
      last_error: error.slice(0, 1000),
      next_attempt_at: retryAt,
      ...(retryAt ? {} : { body_text: REDACTED_BODY }),
    })
    .where('id', '=', id)
    .execute();
}

export interface OutboxRecord {
  id: string;
  to: string;
  subject: string;
  body: string;
  purpose: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
}

/** Every message to an address, oldest first (for tests and support). */
export async function listEmailsTo(db: Db, to: string): Promise<OutboxRecord[]> {
  const rows = await db
    .selectFrom('email_outbox')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    body: r.body_text,
    purpose: r.purpose,
    attempts: r.attempts,
    lastError: r.last_error,
    sentAt: r.sent_at,
    nextAttemptAt: r.next_attempt_at,
  }));
}
