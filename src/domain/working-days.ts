/**
 * Working days in Vietnam: Monday to Friday, less public holidays (Tết and the others) and the
 * compensatory days off each year's announcement sets, plus weekend days it declares working
 * days (làm bù). The exceptions come from the holiday table the administrator maintains.
 * Dates are ISO yyyy-mm-dd calendar days.
 */
export interface WorkingCalendar {
  /** Days off that fall Monday–Friday. */
  daysOff: ReadonlySet<string>;
  /** Saturdays or Sundays worked in exchange for a day off. */
  workingDays: ReadonlySet<string>;
}

export const NO_EXCEPTIONS: WorkingCalendar = { daysOff: new Set(), workingDays: new Set() };

export function calendarFrom(
  exceptions: readonly { day: string; kind: 'day_off' | 'working_day' }[],
): WorkingCalendar {
  return {
    daysOff: new Set(exceptions.filter((e) => e.kind === 'day_off').map((e) => e.day)),
    workingDays: new Set(exceptions.filter((e) => e.kind === 'working_day').map((e) => e.day)),
  };
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return calendar.workingDays.has(date);
  return !calendar.daysOff.has(date);
}

/**
 * The day `n` working days after `start` (the day of submission itself does not count, as a
 * time limit "within 20 working days of receipt" is read). n = 0 gives `start`.
 */
export function addWorkingDays(start: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let date = start;
  let left = n;
  // Bounded: even a calendar with every day off ends (a year of misconfigured days per step).
  for (let guard = 0; left > 0 && guard < n * 7 + 366 * 2; guard++) {
    date = shift(date, 1);
    if (isWorkingDay(date, calendar)) left--;
  }
  return date;
}

/**
 * Working days from `from` to `to`: positive when `to` is later (days left before a deadline),
 * negative when earlier (days overdue), 0 on the same day.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  if (from === to) return 0;
  const [a, b, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let date = shift(a, 1); date <= b; date = shift(date, 1)) if (isWorkingDay(date, calendar)) count++;
  return sign * count;
}
