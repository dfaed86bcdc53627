import type { RuleEvidence } from "./rules";

// What every early-warning rule shares: days, the one ordering (time, then id) that makes a
// rule's verdict independent of the order rows arrive in, and how figures are written.

export const DAY = 24 * 60 * 60 * 1000;
/** "Recent" is the last 7 days: (now − 7 days, now]. */
export const RECENT_DAYS = 7;
/** The person's own baseline is the 28 days before that: (now − 35 days, now − 7 days]. */
export const BASELINE_DAYS = 28;
/** With weekly check-ins, two recent and three baseline nights is the least worth comparing. */
export const MIN_RECENT_NIGHTS = 2;
export const MIN_BASELINE_NIGHTS = 3;
/** A spread (standard deviation) of fewer than three bedtimes says little. */
export const MIN_SPREAD_NIGHTS = 3;
// Sums of fractional hours are not exact; a figure this close to the threshold is at it.
export const EPSILON = 1e-9;

export const byTime =
  <T extends { id: string }>(at: (item: T) => Date) =>
  (a: T, b: T) =>
    at(a).getTime() - at(b).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
export const sortedUpTo = <T extends { id: string }>(items: readonly T[], at: (item: T) => Date, now: Date) =>
  items.filter((item) => at(item).getTime() <= now.getTime()).sort(byTime(at));

export const noEvidence = (): RuleEvidence => ({
  checkInIds: [],
  assessmentResponseIds: [],
  contactIds: [],
  jobEndingIds: [],
});
export const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;
export const standardDeviation = (values: readonly number[]) => {
  const average = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
};
export const oneDecimal = (value: number) => Math.round(value * 10) / 10;
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
/** Minutes after noon as a clock time: 630 → "22:30", 795 → "01:15". */
export const clockTime = (minutesAfterNoon: number) => {
  const minutes = (((Math.round(minutesAfterNoon) + 720) % 1440) + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
};
export const last = <T>(items: readonly T[]) => items[items.length - 1]!;
