import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addWorkingDays,
  calendarFrom,
  isWorkingDay,
  NO_EXCEPTIONS,
  workingDaysBetween,
} from './working-days.ts';

describe('working days', () => {
  it('skips weekends', () => {
    // Friday 27/11/2026 + 1 working day = Monday 30/11/2026.
    assert.equal(addWorkingDays('2026-11-27', 1, NO_EXCEPTIONS), '2026-11-30');
    // 20 working days from Monday 30/11/2026 (the day itself not counted) = Monday 28/12/2026.
    assert.equal(addWorkingDays('2026-11-30', 20, NO_EXCEPTIONS), '2026-12-28');
    assert.equal(addWorkingDays('2026-11-30', 0, NO_EXCEPTIONS), '2026-11-30');
  });

  it('skips days off from the calendar and counts weekend days declared working days', () => {
    // Test calendar, not an official announcement: a week off Monday–Friday, and one Saturday worked.
    const calendar = calendarFrom([
      ...['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((day) => ({
        day,
        kind: 'day_off' as const,
      })),
      { day: '2027-02-20', kind: 'working_day' as const },
    ]);
    assert.equal(isWorkingDay('2027-02-10', calendar), false);
    assert.equal(isWorkingDay('2027-02-20', calendar), true);
    // Friday 05/02 + 1 → Monday 15/02 (the week of 08–12/02 is off).
    assert.equal(addWorkingDays('2027-02-05', 1, calendar), '2027-02-15');
    // Friday 19/02 + 1 → Saturday 20/02 (worked).
    assert.equal(addWorkingDays('2027-02-19', 1, calendar), '2027-02-20');
  });

  it('counts days left and days overdue', () => {
    assert.equal(workingDaysBetween('2026-11-27', '2026-11-30', NO_EXCEPTIONS), 1);
    assert.equal(workingDaysBetween('2026-11-30', '2026-11-27', NO_EXCEPTIONS), -1);
    assert.equal(workingDaysBetween('2026-11-30', '2026-11-30', NO_EXCEPTIONS), 0);
    assert.equal(
      workingDaysBetween('2026-11-30', addWorkingDays('2026-11-30', 20, NO_EXCEPTIONS), NO_EXCEPTIONS),
      20,
    );
  });

  it('refuses a negative or fractional count, and ends on a calendar with no working day', () => {
    assert.throws(() => addWorkingDays('2026-11-30', -1, NO_EXCEPTIONS), RangeError);
    assert.throws(() => addWorkingDays('2026-11-30', 1.5, NO_EXCEPTIONS), RangeError);
    const allOff = {
      daysOff: { has: () => true } as unknown as ReadonlySet<string>,
      workingDays: new Set<string>(),
    };
    assert.ok(addWorkingDays('2026-11-30', 3, allOff) > '2026-11-30');
  });
});
