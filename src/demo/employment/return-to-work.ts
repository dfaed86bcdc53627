import { and, eq, inArray, isNull } from "drizzle-orm";
import { employer } from "../../features/employment/employers/schema";
import { returnToWorkPlan, sicknessAbsence } from "../../features/employment/return-to-work/schema";
import { participant } from "../../features/participants/schema";
import { consentGiven } from "../../features/participants/service";
import { addCalendarDays, type Clock, calendarDateAt } from "../../platform/clock";
import type { Transaction } from "../../platform/db";

type DemoPerson = { id: string; organisationId: string; specialistId: string };

/**
 * Demo sickness absences: everyone referred while off sick gets an absence from the employer
 * their referral named (by name among the demo employers, else one of them). The first of them
 * who consented to the service contacting employers has a four-week phased return agreed with
 * that employer, starting next week.
 */
export async function seedDemoReturnToWork(
  tx: Transaction,
  clock: Clock,
  participants: readonly DemoPerson[],
  employers: readonly { id: string; name: string; organisationId?: string }[],
): Promise<number> {
  if (participants.length === 0 || employers.length === 0) return 0;
  const now = clock.now();
  const today = calendarDateAt(now);
  const offSick = await tx
    .select({
      id: participant.id,
      employerName: participant.employerName,
      absenceStartDate: participant.absenceStartDate,
    })
    .from(participant)
    .where(
      and(
        inArray(
          participant.id,
          participants.map((person) => person.id),
        ),
        eq(participant.workSituation, "employed_off_sick"),
      ),
    );
  let planned = false;
  let count = 0;
  for (const [index, row] of offSick.entries()) {
    const person = participants.find((candidate) => candidate.id === row.id)!;
    const ofOrganisation = employers.filter(
      (option) => option.organisationId === undefined || option.organisationId === person.organisationId,
    );
    if (ofOrganisation.length === 0) continue;
    const wanted = row.employerName?.trim().toLowerCase();
    const chosen =
      ofOrganisation.find((option) => option.name.trim().toLowerCase() === wanted) ??
      ofOrganisation[index % ofOrganisation.length]!;
    const startedOn = row.absenceStartDate ?? addCalendarDays(today, -30);
    const [absence] = await tx
      .insert(sicknessAbsence)
      .values({
        organisationId: person.organisationId,
        participantId: person.id,
        employerId: chosen.id,
        startedOn,
        recordedBy: person.specialistId,
        recordedAt: now,
      })
      .returning({ id: sicknessAbsence.id });
    count++;
    const record = { participantId: person.id, organisationId: person.organisationId, tx };
    if (planned || !(await consentGiven(record, "contact_employers"))) continue;
    planned = true;
    const returnOn = addCalendarDays(today, 7);
    await tx.insert(returnToWorkPlan).values({
      organisationId: person.organisationId,
      participantId: person.id,
      absenceId: absence!.id,
      employerId: chosen.id,
      returnOn,
      phasedReturn: [
        { week: 1, hours: 8, notes: "Two half days, Tuesday and Thursday mornings" },
        { week: 2, hours: 16, notes: "Four half days" },
        { week: 3, hours: 24, notes: "Three full days" },
        { week: 4, hours: 30, notes: "Back to usual hours if all is going well" },
      ],
      alteredHours: "Start at 10am rather than 8am for the first month",
      amendedDuties: "",
      workplaceAdaptations: "A quieter desk away from the shop floor, and a short break mid-morning",
      reviewDates: [addCalendarDays(returnOn, 13), addCalendarDays(returnOn, 27)],
      agreedWithEmployerBy: "Sam Green, store manager",
      agreedOn: addCalendarDays(today, -3),
      participantAgreed: true,
      createdBy: person.specialistId,
      createdAt: now,
      updatedBy: person.specialistId,
      updatedAt: now,
    });
  }
  return count;
}

/** Every organisation's employers as seeded so far (merged duplicates left out), for the seed above. */
export function demoEmployers(tx: Transaction) {
  return tx
    .select({ id: employer.id, name: employer.name, organisationId: employer.organisationId })
    .from(employer)
    .where(isNull(employer.mergedInto));
}
