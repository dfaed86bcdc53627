// All "now" in Tandem comes from here so tests can move time (session expiry, lockouts, due dates).
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export type ManualClock = Clock & { set(instant: Date | string): void; advance(milliseconds: number): void };

export function manualClock(start: Date | string = "2026-01-05T09:00:00.000Z"): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant).getTime();
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}

export const minutes = (count: number) => count * 60_000;
export const hours = (count: number) => count * 3_600_000;

/** The calendar date (YYYY-MM-DD) at this instant where the service runs: due dates are local dates. */
export function calendarDateAt(instant: Date, timeZone = "Europe/London"): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const DAY_MS = 86_400_000;
const midnightUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * A calendar date (YYYY-MM-DD) some whole days later, or earlier when `days` is negative. Worked in
 * UTC, where every day is 24 hours, so a UK clock change never moves the answer.
 */
export function addCalendarDays(date: string, days: number): string {
  return new Date(midnightUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from one date (YYYY-MM-DD) to another; negative when `to` comes first. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((midnightUtc(to) - midnightUtc(from)) / DAY_MS);
}
