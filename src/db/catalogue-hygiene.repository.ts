import type { Db } from './database.ts';

/** Pairs of catalogue entries the authority judged not to be duplicates. */
export interface DuplicateDismissal {
  /** The two platform ids, the smaller first. */
  a: string;
  b: string;
  note: string | null;
  dismissedBy: string | null;
  dismissedAt: string;
}

/** The pair in its stored order. */
export function pairKey(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

export async function listDismissals(db: Db): Promise<DuplicateDismissal[]> {
  const rows = await db
    .selectFrom('catalogue_duplicate_dismissal')
    .selectAll()
    .orderBy('dismissed_at', 'desc')
    .execute();
  return rows.map((r) => ({
    a: r.platform_a_id,
    b: r.platform_b_id,
    note: r.note,
    dismissedBy: r.dismissed_by,
    dismissedAt: r.dismissed_at.toISOString(),
  }));
}

/** Records the pair; returns false when it was already recorded. */
export async function insertDismissal(
  db: Db,
  pair: { a: string; b: string; note: string | null; dismissedBy: string | null },
  now: Date,
): Promise<boolean> {
  const [a, b] = pairKey(pair.a, pair.b);
  const row = await db
    .insertInto('catalogue_duplicate_dismissal')
    .values({
      platform_a_id: a,
      platform_b_id: b,
      note: pair.note,
      dismissed_by: pair.dismissedBy,
      dismissed_at: now,
    })
    .onConflict((oc) => oc.columns(['platform_a_id', 'platform_b_id']).doNothing())
    .returning('platform_a_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Lists the pair again; returns what was removed, or null. */
export async function deleteDismissal(db: Db, x: string, y: string): Promise<DuplicateDismissal | null> {
  const [a, b] = pairKey(x, y);
  const row = await db
    .deleteFrom('catalogue_duplicate_dismissal')
    .where('platform_a_id', '=', a)
    .where('platform_b_id', '=', b)
    .returningAll()
    .executeTakeFirst();
  return row
    ? {
        a: row.platform_a_id,
        b: row.platform_b_id,
        note: row.note,
        dismissedBy: row.dismissed_by,
        dismissedAt: row.dismissed_at.toISOString(),
      }
    : null;
}
