import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Failed sign-ins counted per key in the database, so every instance sees the same counts.
 * A key's count restarts when its window has passed; reaching `maxFailures` locks the key.
 */
export async function lockedUntil(db: Db, keys: readonly string[], now: Date): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .execute();
  const times = rows.map((r) => r.locked_until).filter((d): d is Date => d !== null);
  return times.length === 0 ? null : new Date(Math.max(...times.map((d) => d.getTime())));
}

export async function recordFailure(
  db: Db,
  key: string,
  now: Date,
  options: { maxFailures: number; windowMs: number; lockMs: number },
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const windowStart = new Date(now.getTime() - options.windowMs);
  const lockEnd = new Date(now.getTime() + options.lockMs);
  // One statement, so concurrent failures on several instances all count.
  const { rows } = await sql<{ failures: number; locked_until: Date | null }>`
    INSERT INTO sign_in_throttle AS t (key, failures, window_start, locked_until)
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${options.maxFailures}::int THEN ${lockEnd}::timestamptz END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start < ${windowStart}::timestamptz THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start < ${windowStart}::timestamptz THEN ${now}::timestamptz ELSE t.window_start END,
      locked_until = CASE
        WHEN (CASE WHEN t.window_start < ${windowStart}::timestamptz THEN 1 ELSE t.failures + 1 END) >= ${options.maxFailures}::int
        THEN ${lockEnd}::timestamptz ELSE t.locked_until END
    RETURNING failures, locked_until`.execute(db);
  const row = rows[0];
  return { failures: Number(row?.failures ?? 1), lockedUntil: row?.locked_until ?? null };
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
