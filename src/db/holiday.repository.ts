import type { Db } from './database.ts';

/** The working calendar's exceptions: days off Monday–Friday, and weekend days worked. */
export interface Holiday {
  day: string;
  kind: 'day_off' | 'working_day';
  name: string;
}

export async function listHolidays(db: Db, range: { from?: string; to?: string } = {}): Promise<Holiday[]> {
  let query = db.selectFrom('holiday').select(['day', 'kind', 'name']).orderBy('day');
  if (range.from) query = query.where('day', '>=', range.from);
  if (range.to) query = query.where('day', '<=', range.to);
  return (await query.execute()).map((r) => ({ day: r.day, kind: r.kind as Holiday['kind'], name: r.name }));
}

/** Inserts or replaces the day; returns what was there before (null if nothing). */
export async function putHoliday(db: Db, holiday: Holiday, now: Date): Promise<Holiday | null> {
  const before = await db
    .selectFrom('holiday')
    .select(['day', 'kind', 'name'])
    .where('day', '=', holiday.day)
    .forUpdate()
    .executeTakeFirst();
  await db
    .insertInto('holiday')
    .values({ day: holiday.day, kind: holiday.kind, name: holiday.name, created_at: now })
    .onConflict((oc) => oc.column('day').doUpdateSet({ kind: holiday.kind, name: holiday.name }))
    .execute();
  return before ? { day: before.day, kind: before.kind as Holiday['kind'], name: before.name } : null;
}

export async function deleteHoliday(db: Db, day: string): Promise<Holiday | null> {
  const row = await db
    .deleteFrom('holiday')
    .where('day', '=', day)
    .returning(['day', 'kind', 'name'])
    .executeTakeFirst();
  return row ? { day: row.day, kind: row.kind as Holiday['kind'], name: row.name } : null;
}
