import { addCalendarDays } from "../../../platform/clock";
// The IPS follow-along contact rhythm (domain.md, fidelity item V12): contact within 3 days after
// a job starts, weekly in the first month, then at least monthly — with no end date, because IPS
// support is time-unlimited. Pure: dates in, windows out, tested directly.

export type FollowAlongWindow = {
  /** "first" (within 3 days of starting), "week" (weeks 1–4), "month" (every month after). */
  kind: "first" | "week" | "month";
  /** Week or month number within its kind, from 1. */
  number: number;
  /** First and last calendar day of the window, inclusive, as YYYY-MM-DD. */
  from: string;
  to: string;
  status: "met" | "missed" | "due" | "upcoming";
  /** The contact that met it, if one did. */
  metOn?: string;
};

/** The first month is four weeks; months after it are 30 days, so windows never overlap. */
function windowBounds(jobStartedOn: string, upTo: string): Omit<FollowAlongWindow, "status" | "metOn">[] {
  const windows: Omit<FollowAlongWindow, "status" | "metOn">[] = [
    { kind: "first", number: 1, from: jobStartedOn, to: addCalendarDays(jobStartedOn, 3) },
  ];
  for (let week = 1; week <= 4; week += 1)
    windows.push({
      kind: "week",
      number: week,
      from: addCalendarDays(jobStartedOn, (week - 1) * 7),
      to: addCalendarDays(jobStartedOn, week * 7 - 1),
    });
  // Months continue for as long as support does: always at least one window beyond today.
  for (let month = 1; ; month += 1) {
    const from = addCalendarDays(jobStartedOn, 28 + (month - 1) * 30);
    windows.push({ kind: "month", number: month, from, to: addCalendarDays(from, 29) });
    if (from > upTo) break;
  }
  return windows;
}

/**
 * Each window of the schedule from the job start to the first one after `today`, with whether a
 * contact met it. `contactDates` are the calendar days of attended contacts with or about the
 * person (in any order).
 */
export function followAlongSchedule(
  jobStartedOn: string,
  contactDates: readonly string[],
  today: string,
): FollowAlongWindow[] {
  const dates = [...contactDates].sort();
  return windowBounds(jobStartedOn, today).map((window) => {
    const metOn = dates.find((date) => date >= window.from && date <= window.to);
    if (metOn) return { ...window, status: "met" as const, metOn };
    const status = window.to < today ? "missed" : window.from <= today ? "due" : "upcoming";
    return { ...window, status };
  });
}

/** The date by which the next contact is due: the end of the earliest window still open. */
export function nextContactDue(schedule: readonly FollowAlongWindow[]): string | undefined {
  return schedule.find((window) => window.status === "due" || window.status === "upcoming")?.to;
}
