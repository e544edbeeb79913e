import type { Db } from './database.ts';

/**
 * Server-side sessions, found by the SHA-256 of the cookie's token. Expiry is decided by the
 * service (idle and absolute limits); this file only stores and finds.
 */
export interface StoredSession {
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

export interface NewSession extends StoredSession {
  tokenHash: string;
  clientAddress: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Db, session: NewSession): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id: session.id,
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.createdAt,
      last_used_at: session.lastUsedAt,
      expires_at: session.expiresAt,
      client_address: session.clientAddress,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function findSession(db: Db, tokenHash: string): Promise<StoredSession | null> {
  const row = await db
    .selectFrom('session')
    .select(['id', 'user_id', 'created_at', 'last_used_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        userId: row.user_id,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
        expiresAt: row.expires_at,
      }
    : null;
}

export async function touchSession(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

/**
 * Sign-out everywhere, a password change, a disabled account: every session of the user ends
 * (but `exceptId`, the session that changed the password).
 */
export async function deleteUserSessions(db: Db, userId: string, exceptId?: string): Promise<number> {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countUserSessions(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Sessions past their absolute expiry or idle longer than `idleMs`. */
export async function purgeExpiredSessions(db: Db, now: Date, idleMs: number): Promise<void> {
  await db
    .deleteFrom('session')
    .where((eb) =>
      eb.or([eb('expires_at', '<=', now), eb('last_used_at', '<=', new Date(now.getTime() - idleMs))]),
    )
    .execute();
}
