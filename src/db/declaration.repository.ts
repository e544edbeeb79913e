import { sql } from 'kysely';
import type { Db } from './database.ts';
import './schema.editions.ts';

/** Declaration follow-up: first submissions, confirmations of records, reminders sent. */

/** The first submitted change request of each organisation (as the proposing body). */
export async function firstSubmissions(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('change_request')
    .select(['organisation_id', (eb) => eb.fn.min('submitted_at').as('first')])
    .where('submitted_at', 'is not', null)
    .groupBy('organisation_id')
    .execute();
  return new Map(
    rows.filter((r) => r.first).map((r) => [r.organisation_id, new Date(r.first as Date).toISOString()]),
  );
}

/**
 * When each platform record was last confirmed as current: an explicit confirmation by its
 * owner, or a change the owner proposed and the authority published (both say "this is right").
 */
export async function lastConfirmations(db: Db): Promise<Map<string, string>> {
  const [confirmed, published] = await Promise.all([
    db
      .selectFrom('platform_confirmation')
      .select(['platform_id', (eb) => eb.fn.max('confirmed_at').as('at')])
      .groupBy('platform_id')
      .execute(),
    db
      .selectFrom('platform_version')
      .select(['platform_id', (eb) => eb.fn.max('created_at').as('at')])
      .where('change_request_id', 'is not', null)
      .groupBy('platform_id')
      .execute(),
  ]);
  const result = new Map<string, string>();
  for (const r of [...confirmed, ...published]) {
    if (!r.at) continue;
    const at = new Date(r.at as Date).toISOString();
    const seen = result.get(r.platform_id);
    if (!seen || seen < at) result.set(r.platform_id, at);
  }
  return result;
}

export async function insertConfirmation(
  db: Db,
  c: { id: string; platformId: string; organisationId: string; confirmedBy: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('platform_confirmation')
    .values({
      id: c.id,
      platform_id: c.platformId,
      organisation_id: c.organisationId,
      confirmed_by: c.confirmedBy,
      confirmed_at: now,
    })
    .execute();
}

export async function lastReminders(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('declaration_reminder')
    .select(['organisation_id', (eb) => eb.fn.max('sent_at').as('at')])
    .groupBy('organisation_id')
    .execute();
  return new Map(
    rows.filter((r) => r.at).map((r) => [r.organisation_id, new Date(r.at as Date).toISOString()]),
  );
}

export async function insertReminder(
  db: Db,
  r: { id: string; organisationId: string; recipients: number; overdue: number },
  now: Date,
): Promise<void> {
  await db
    .insertInto('declaration_reminder')
    .values({
      id: r.id,
      organisation_id: r.organisationId,
      sent_at: now,
      recipients: r.recipients,
      overdue: r.overdue,
    })
    .execute();
}

/**
 * Serialises reminder passes across instances sharing one PostgreSQL (held until the
 * transaction ends), so two instances cannot both remind the same organisation.
 */
export async function lockReminderPass(tx: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${REMINDER_LOCK})`.execute(tx);
}
const REMINDER_LOCK = 720_261_129; // any constant unique to this use

/** Active ministry editors of an organisation: who is reminded. */
export async function editorsOf(db: Db, organisationId: string): Promise<{ email: string; name: string }[]> {
  return db
    .selectFrom('app_user')
    .select(['email', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'ministry_editor')
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute();
}
