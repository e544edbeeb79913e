import type { Db } from './database.ts';

/**
 * Deletes for the retention job, each bounded to `limit` rows so no statement holds locks on a
 * large table for long (the job repeats a delete until it comes back short). Rows are picked by
 * primary key in a subquery, as PostgreSQL's DELETE has no LIMIT of its own. Only the tables
 * named here are ever pruned; never publication_event (the feed) nor audit_log.
 */
export type RetentionTable =
  'webhook_delivery' | 'email_outbox' | 'session' | 'oidc_flow' | 'password_reset' | 'sign_in_throttle';

const deleted = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);

/** Deliveries that succeeded or were given up, created before `cutoff` (their attempts cascade). */
export async function pruneFinishedDeliveries(db: Db, cutoff: Date, limit: number): Promise<number> {
  const ids = db
    .selectFrom('webhook_delivery')
    .select('id')
    .where('state', 'in', ['succeeded', 'failed'])
    .where('created_at', '<', cutoff)
    .limit(limit);
  return deleted(await db.deleteFrom('webhook_delivery').where('id', 'in', ids).executeTakeFirst());
}

/**
 * Mail sent before `cutoff`, and mail given up (every attempt used, as the sender counts them)
 * created before it. Mail still waiting (no SMTP configured, or retries due) always stays.
 */
export async function pruneFinishedEmails(
  db: Db,
  cutoff: Date,
  maxAttempts: number,
  limit: number,
): Promise<number> {
  const ids = db
    .selectFrom('email_outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('sent_at', '<', cutoff),
        eb.and([eb('sent_at', 'is', null), eb('attempts', '>=', maxAttempts), eb('created_at', '<', cutoff)]),
      ]),
    )
    .limit(limit);
  return deleted(await db.deleteFrom('email_outbox').where('id', 'in', ids).executeTakeFirst());
}

/** Sessions that ended before `cutoff`: past their absolute end, or idle for longer than `idleMs`. */
export async function pruneEndedSessions(
  db: Db,
  cutoff: Date,
  idleMs: number,
  limit: number,
): Promise<number> {
  const ids = db
    .selectFrom('session')
    .select('id')
    .where((eb) =>
      eb.or([eb('expires_at', '<', cutoff), eb('last_used_at', '<', new Date(cutoff.getTime() - idleMs))]),
    )
    .limit(limit);
  return deleted(await db.deleteFrom('session').where('id', 'in', ids).executeTakeFirst());
}

export async function pruneExpiredFlows(db: Db, cutoff: Date, limit: number): Promise<number> {
  const ids = db.selectFrom('oidc_flow').select('id_hash').where('expires_at', '<', cutoff).limit(limit);
  return deleted(await db.deleteFrom('oidc_flow').where('id_hash', 'in', ids).executeTakeFirst());
}

/** Reset and invitation tokens that expired before `cutoff`, used or not. */
export async function pruneExpiredResetTokens(db: Db, cutoff: Date, limit: number): Promise<number> {
  const ids = db.selectFrom('password_reset').select('id').where('expires_at', '<', cutoff).limit(limit);
  return deleted(await db.deleteFrom('password_reset').where('id', 'in', ids).executeTakeFirst());
}

/**
 * Sign-in failure counters whose window started before `cutoff` and that hold no lock-out
 * reaching past it: the window is minutes long, so such a row no longer counts for anything.
 */
export async function pruneStaleThrottles(db: Db, cutoff: Date, limit: number): Promise<number> {
  const keys = db
    .selectFrom('sign_in_throttle')
    .select('key')
    .where('window_start', '<', cutoff)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', cutoff)]))
    .limit(limit);
  return deleted(await db.deleteFrom('sign_in_throttle').where('key', 'in', keys).executeTakeFirst());
}
