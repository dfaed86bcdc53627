import { zonedInstant } from "../../features/contacts/service";
import { currentEmploymentSettings } from "../../features/employment/settings/service";
import { employerDisclosure, job, jobApplication } from "../../features/employment/work/schema";
import { isCompetitive } from "../../features/employment/work/service";
import { type Clock, calendarDateAt } from "../../platform/clock";
import type { Transaction } from "../../platform/db/index";
import { announce } from "../../platform/record-events";

type DemoPerson = { id: string; organisationId: string; stage: string; specialistId: string };
export type DemoEmployer = { id: string; name: string; organisationId: string };

const DAY = 86_400_000;
const titles = [
  "Retail assistant",
  "Kitchen porter",
  "Warehouse operative",
  "Care assistant",
  "Office administrator",
];

/**
 * Demo work records. Everyone in work holds a competitive job, and follow-along comes from that
 * job (started on its start date, the same dates the monitoring demo uses); some people looking
 * for work have applications at different stages; one has a past job that ended.
 */
export async function seedDemoJobs(
  tx: Transaction,
  clock: Clock,
  participants: readonly DemoPerson[],
  employers: readonly DemoEmployer[],
) {
  const now = clock.now().getTime();
  const employersOf = (person: DemoPerson) =>
    employers.filter((row) => row.organisationId === person.organisationId);
  const floors = new Map<string, number>();
  const floorOf = async (organisationId: string) => {
    if (!floors.has(organisationId))
      floors.set(organisationId, (await currentEmploymentSettings(tx, organisationId)).wageFloorPence);
    return floors.get(organisationId)!;
  };
  const owned = (person: DemoPerson) => ({ organisationId: person.organisationId, participantId: person.id });

  const inWork = participants.filter((person) => person.stage === "in_work");
  for (const [index, person] of inWork.entries()) {
    const choices = employersOf(person);
    if (choices.length === 0) continue;
    const employer = choices[index % choices.length]!;
    const startedAt = new Date(now - (20 + index * 11) * DAY);
    const startedOn = calendarDateAt(startedAt);
    const wageFloorPence = await floorOf(person.organisationId);
    const terms = {
      hourlyPayPence: wageFloorPence + (index % 3) * 25,
      openLabourMarket: true,
      timeLimitedByService: false,
    };
    await tx.insert(job).values({
      ...owned(person),
      employerId: employer.id,
      title: titles[index % titles.length]!,
      startedOn,
      hoursPerWeek: 16 + (index % 3) * 4,
      contractType: index % 2 === 0 ? "permanent" : "fixed_term",
      ...terms,
      competitive: isCompetitive(terms, wageFloorPence),
      wageFloorPence,
      recordedBy: person.specialistId,
      recordedAt: startedAt,
      updatedAt: startedAt,
    });
    await announce({ tx, ...owned(person) }, "job_started", {
      jobStartedOn: startedOn,
      startedBy: person.specialistId,
      now: startedAt,
    });
    if (index === 0)
      await tx.insert(employerDisclosure).values({
        ...owned(person),
        employerId: employer.id,
        choice: "support_from_service",
        recordedBy: person.specialistId,
        recordedAt: new Date(now - (25 + index * 11) * DAY),
      });
  }

  const seeking = participants.filter((person) => person.stage === "job_seeking");
  for (const [index, person] of seeking.entries()) {
    const choices = employersOf(person);
    if (choices.length === 0 || index % 2 === 1) continue;
    const employer = choices[index % choices.length]!;
    const dayAgo = (days: number) => calendarDateAt(new Date(now - days * DAY));
    const stage = (["interview", "applied", "preparing"] as const)[(index / 2) % 3]!;
    const at = new Date(now - 2 * DAY);
    await tx.insert(jobApplication).values({
      ...owned(person),
      employerId: employer.id,
      title: titles[(index + 2) % titles.length]!,
      status: stage,
      appliedOn: stage === "preparing" ? null : dayAgo(9),
      interviewAt: stage === "interview" ? zonedInstant(dayAgo(-3), "10:30") : null,
      recordedBy: person.specialistId,
      createdAt: at,
      updatedAt: at,
    });
    if (index === 0) {
      // A temporary job that came to its end months ago: history, not a fresh alert.
      const wageFloorPence = await floorOf(person.organisationId);
      const terms = { hourlyPayPence: wageFloorPence, openLabourMarket: true, timeLimitedByService: false };
      await tx.insert(job).values({
        ...owned(person),
        employerId: employer.id,
        title: "Seasonal stock assistant",
        startedOn: dayAgo(300),
        hoursPerWeek: 20,
        contractType: "temporary",
        ...terms,
        competitive: isCompetitive(terms, wageFloorPence),
        wageFloorPence,
        endedOn: dayAgo(210),
        endReason: "temporary_ended",
        endNotes: "The Christmas contract ended as planned.",
        recordedBy: person.specialistId,
        recordedAt: new Date(now - 300 * DAY),
        updatedAt: new Date(now - 210 * DAY),
      });
    }
  }
}
