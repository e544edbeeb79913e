import type { Db } from './database.ts';

/** Mail to send, written in the transaction that decided to send it; a sender delivers later. */
export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  body: string;
  purpose: string;
}

export async function enqueueEmail(db: Db, email: OutgoingEmail, now: Date): Promise<void> {
  await db
    .insertInto('email_outbox')
    .values({
      id: email.id,
      to_address: email.to,
      subject: email.subject,
      body_text: email.body,
      purpose: email.purpose,
      created_at: now,
    })
    .execute();
}

export async function listUnsentEmails(
  db: Db,
  limit = 100,
): Promise<(OutgoingEmail & { createdAt: Date })[]> {
  const rows = await db
    .selectFrom('email_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    body: r.body_text,
    purpose: r.purpose,
    createdAt: r.created_at,
  }));
}
