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
