import type { Clock } from '../clock.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { deleteHoliday, listHolidays, putHoliday, type Holiday } from '../db/holiday.repository.ts';
import type { WriteContext } from '../domain/audit.ts';
import { InvalidInputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { can, type Actor } from '../domain/permission.ts';
import { requireActor } from './user.service.ts';

/**
 * The working calendar the review deadlines count in. Public to read; the administrator enters
 * each year's days off (Tết, 30/4, 1/5, 2/9, compensatory days) and swapped working Saturdays
 * from the Government's announcement. None is seeded: the dates change every year.
 */
export function createHolidayService({ db, clock }: { db: Db; clock: Clock }) {
  const allowed = (actor: Actor | null) => {
    if (!can(requireActor(actor), 'holiday.manage', { kind: 'holiday' }))
      throw new NotAllowedError('holiday.manage');
  };
  return {
    async list(year?: number): Promise<Holiday[]> {
      return listHolidays(db, year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {});
    },

    async put(
      actor: Actor | null,
      holiday: Holiday,
      context: WriteContext,
    ): Promise<{ holiday: Holiday; created: boolean }> {
      allowed(actor);
      const weekday = new Date(`${holiday.day}T00:00:00Z`).getUTCDay();
      // A swapped working day is a Saturday or Sunday worked; a weekday already is one.
      if (holiday.kind === 'working_day' && weekday !== 0 && weekday !== 6)
        throw new InvalidInputError([{ field: 'kind', code: 'not_a_working_calendar_day' }]);
      const now = clock.now();
      const before = await db.transaction().execute(async (tx) => {
        const previous = await putHoliday(tx, holiday, now);
        await appendAudit(
          tx,
          context,
          [
            {
              action: 'holiday.put',
              targetType: 'holiday',
              targetId: holiday.day,
              before: previous,
              after: holiday,
            },
          ],
          now,
        );
        return previous;
      });
      return { holiday, created: before === null };
    },

    async remove(actor: Actor | null, day: string, context: WriteContext): Promise<void> {
      allowed(actor);
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        const removed = await deleteHoliday(tx, day);
        if (!removed) throw new NotFoundError('holiday', day);
        await appendAudit(
          tx,
          context,
          [{ action: 'holiday.delete', targetType: 'holiday', targetId: day, before: removed }],
          now,
        );
      });
    },
  };
}
export type HolidayService = ReturnType<typeof createHolidayService>;
