/** The ranges the dashboard offers, in days ending today. */
export const RANGES = [7, 30, 90] as const;
export type RangeDays = (typeof RANGES)[number];

export interface RangeVariables {
  /** First day, inclusive (YYYY-MM-DD in `timeZone`). */
  from: string;
  /** Today, inclusive. */
  to: string;
  /** The browser's IANA zone, so "today" and each day's bucket match what the user's clock says. */
  timeZone: string;
  /** Local midnight of `from` as an instant, for the instant-based aggregates (conversion). */
  fromInstant: string;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The days of a range in the browser's zone. Date's local getters already work in that zone, so local calendar
 * arithmetic (day - n, which also handles DST days of 23 or 25 hours) gives the same days the API counts in.
 */
export function rangeVariables(days: RangeDays, now: Date = new Date()): RangeVariables {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: isoDay(start), to: isoDay(now), timeZone: browserTimeZone(), fromInstant: start.toISOString() };
}

/** "Mar 4" style label of a YYYY-MM-DD day, without letting the zone shift it to the day before. */
export function dayLabel(day: string, opts: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' }): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toLocaleDateString(undefined, opts);
}
