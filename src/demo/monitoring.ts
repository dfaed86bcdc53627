import { checkIn } from "../features/monitoring/schema";
import { evaluateParticipant } from "../features/monitoring/service";
import type { Clock } from "../platform/clock";
import type { Transaction } from "../platform/db";

type DemoPerson = { id: string; organisationId: string; stage: string; specialistId: string };

const DAY = 86_400_000;
const watched = new Set(["engaged", "job_seeking", "in_work"]);

/** Minutes after 23:00 as a clock time: 45 → "23:45", 90 → "00:30". */
const bedtimeAt = (minutesAfterEleven: number) => {
  const minutes = (23 * 60 + Math.round(minutesAfterEleven) + 1440) % 1440;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
};

/**
 * Six weeks of check-ins every few days for people in support, so the trends have a shape; for
 * the first person looking for work (the one with their own sign-in), the last week's sleep
 * drifts, and the rules raise the alert the team would see. People in work are in follow-along.
 */
export async function seedDemoCheckIns(tx: Transaction, clock: Clock, people: readonly DemoPerson[]) {
  const now = clock.now().getTime();
  const inSupport = people.filter((person) => watched.has(person.stage));
  const drifting = inSupport.find((person) => person.stage === "job_seeking");
  const rows: (typeof checkIn.$inferInsert)[] = [];
  inSupport.forEach((person, index) => {
    const settledSleep = 6.5 + (index % 4) * 0.5;
    for (let daysAgo = 42; daysAgo >= 1; daysAgo -= 2 + (index % 2)) {
      const lateWeek = person === drifting && daysAgo <= 6;
      const wobble = ((daysAgo * 7 + index * 3) % 5) - 2;
      rows.push({
        organisationId: person.organisationId,
        participantId: person.id,
        recordedAt: new Date(now - daysAgo * DAY + 9 * 3_600_000),
        source: daysAgo % 3 === 0 ? "staff" : "participant",
        recordedBy: daysAgo % 3 === 0 ? person.specialistId : null,
        sleepHours: lateWeek ? 4.5 + (daysAgo % 2) * 0.5 : settledSleep + wobble * 0.25,
        bedtime: bedtimeAt(lateWeek ? 150 - daysAgo * 5 : wobble * 10),
        wakeTime: "07:15",
        mood: Math.max(0, Math.min(10, (lateWeek ? 4 : 6) + (wobble > 1 ? 1 : 0))),
        stress: lateWeek ? 7 : 4,
        energy: lateWeek ? 3 : 6,
        hoursWorked: person.stage === "in_work" ? 16 + (index % 3) * 4 : null,
      });
    }
  });
  for (let start = 0; start < rows.length; start += 500)
    await tx.insert(checkIn).values(rows.slice(start, start + 500));

  if (drifting)
    await evaluateParticipant(
      tx,
      { participantId: drifting.id, organisationId: drifting.organisationId },
      clock.now(),
    );
  return rows.length;
}
