import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * The overlap check's rules, stored as one run-time setting: `{ version, rules, updatedBy }` in
 * the `setting` table. The version lives inside the value (the table has no version column),
 * and every write is conditional on it: optimistic concurrency without a lock.
 */
const KEY = 'overlap_rules';

export interface StoredOverlapRules {
  version: number;
  /** The rules as last written (already validated by the service). */
  rules: unknown;
  updatedAt: string;
  updatedBy: string | null;
}

interface Value {
  version: number;
  rules: unknown;
  updatedBy: string | null;
}

export async function readOverlapRules(db: Db): Promise<StoredOverlapRules | null> {
  const row = await db
    .selectFrom('setting')
    .select(['value', 'updated_at'])
    .where('key', '=', KEY)
    .executeTakeFirst();
  if (!row) return null;
  const value = row.value as Value;
  return {
    version: Number(value.version),
    rules: value.rules,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: value.updatedBy ?? null,
  };
}

/** The stored version alone (0 when none was ever written): what other instances poll. */
export async function readOverlapRulesVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom('setting')
    .select(sql<string>`value->>'version'`.as('version'))
    .where('key', '=', KEY)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}

/**
 * Writes version `expected + 1` if the stored version is still `expected` (0: nothing stored
 * yet). Returns false when someone else wrote first.
 */
export async function writeOverlapRules(
  db: Db,
  expected: number,
  rules: unknown,
  updatedBy: string | null,
  now: Date,
): Promise<boolean> {
  const value: Value = { version: expected + 1, rules, updatedBy };
  // jsonb parameters: serialised here so both drivers send the same text.
  const json = JSON.stringify(value);
  if (expected === 0) {
    const inserted = await db
      .insertInto('setting')
      .values({ key: KEY, value: json, updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const updated = await db
    .updateTable('setting')
    .set({ value: json, updated_at: now })
    .where('key', '=', KEY)
    .where(sql`(value->>'version')::bigint`, '=', expected)
    .returning('key')
    .executeTakeFirst();
  return updated !== undefined;
}
