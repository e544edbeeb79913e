/** Time, passed in so domain code and tests control it. Dates are Vietnam's calendar days. */
export interface Clock {
  now(): Date;
  /** Today's date in Vietnam (UTC+7), as yyyy-mm-dd. */
  today(): string;
}

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function vietnamDate(instant: Date): string {
  return VIETNAM_DAY.format(instant);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => vietnamDate(new Date()),
};

export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso), today: () => vietnamDate(new Date(iso)) };
}
