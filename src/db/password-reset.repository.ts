import type { Db } from './database.ts';

/** Password reset and invitation tokens: only their SHA-256 is stored; each is used once. */
export type ResetPurpose = 'reset' | 'invitation';

export async function insertPasswordReset(
  db: Db,
  reset: {
    id: string;
    userId: string;
    tokenHash: string;
    purpose: ResetPurpose;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('password_reset')
    .values({
      id: reset.id,
      user_id: reset.userId,
      token_hash: reset.tokenHash,
      purpose: reset.purpose,
      created_at: reset.createdAt,
      expires_at: reset.expiresAt,
      used_at: null,
    })
    .execute();
}

/**
 * Marks the token used and returns its user, in one statement: of two requests racing with the
 * same token, exactly one gets the user. Null for an unknown, used or expired token.
 */
export async function consumePasswordReset(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ userId: string; purpose: ResetPurpose } | null> {
  const row = await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'purpose'])
    .executeTakeFirst();
  return row ? { userId: row.user_id, purpose: row.purpose as ResetPurpose } : null;
}

/** A new token makes the user's earlier unused ones void: only the latest e-mail works. */
export async function voidPasswordResets(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Requests in the last `sinceMs` for a user, to cap how much mail one address can be sent. */
export async function countRecentResets(db: Db, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('password_reset')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
