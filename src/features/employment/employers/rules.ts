import { addCalendarDays } from "../../../platform/clock";

// Pure rules for employer contacts (weeks and the face-to-face count), tested on their own.

/** The Monday starting the Monday–Sunday week that holds this calendar date. */
export function weekStarting(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addCalendarDays(date, -((weekday + 6) % 7));
}

export type Week = { start: string; end: string };

/** The last `count` weeks, oldest first, ending with the week that holds `today`. */
export function recentWeeks(today: string, count: number): Week[] {
  const current = weekStarting(today);
  return Array.from({ length: count }, (_, index) => {
    const start = addCalendarDays(current, -7 * (count - 1 - index));
    return { start, end: addCalendarDays(start, 6) };
  });
}

/** How many of these dates fall in each week: a date outside every week counts nowhere. */
export function countByWeek(dates: readonly string[], weeks: readonly Week[]): number[] {
  return weeks.map((week) => dates.filter((date) => date >= week.start && date <= week.end).length);
}

/**
 * The dates a specialist's face-to-face employer contacts took place, each counted once: every
 * face-to-face employer contact they logged, and every face-to-face employer contact they
 * recorded on a participant's record that no logged employer contact already stands for.
 */
export function faceToFaceContactDates(
  logged: readonly { occurredOn: string; faceToFace: boolean; participantContactId: string | null }[],
  recordedOnRecords: readonly { id: string; occurredOn: string }[],
): string[] {
  const standsFor = new Set(
    logged.flatMap((row) => (row.participantContactId ? [row.participantContactId] : [])),
  );
  return [
    ...logged.filter((row) => row.faceToFace).map((row) => row.occurredOn),
    ...recordedOnRecords.filter((row) => !standsFor.has(row.id)).map((row) => row.occurredOn),
  ];
}
