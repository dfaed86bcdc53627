import {
  employer,
  employerContact,
  employerContactPerson,
  jobOpportunity,
} from "../../features/employment/employers/schema";
import type { Clock } from "../../platform/clock";
import { addCalendarDays, calendarDateAt } from "../../platform/clock";
import type { Transaction } from "../../platform/db/index";
import { contactPlans, employers, regionDistricts } from "./employers-data";
import { opportunities } from "./opportunities";

// Demo employers for each organisation: fictional businesses of the kinds IPS teams work with,
// their people, some weeks of the demo specialist's job development, and open vacancies.

export type SeededEmployer = { id: string; name: string; organisationId: string };

/**
 * Demo employers for every organisation the demo participants belong to, with people, the
 * organisation's first specialist's employer contacts over the last weeks, and opportunities.
 */
export async function seedDemoEmployers(
  tx: Transaction,
  clock: Clock,
  participants: readonly { organisationId: string; specialistId: string }[],
): Promise<SeededEmployer[]> {
  const now = clock.now();
  const today = calendarDateAt(now);
  const organisations = new Map<string, string>();
  for (const person of participants)
    if (!organisations.has(person.organisationId))
      organisations.set(person.organisationId, person.specialistId);
  const seeded: SeededEmployer[] = [];
  let regionIndex = 0;
  for (const [organisationId, specialistId] of organisations) {
    const districts = regionDistricts[regionIndex % regionDistricts.length]!;
    const chosen = employers.slice(0, 8 + (regionIndex % 5));
    const rows = await tx
      .insert(employer)
      .values(
        chosen.map((item, index) => ({
          organisationId,
          name: item.name,
          sector: item.sector,
          size: item.size,
          locations: [`${item.site}, ${districts[index % districts.length]}`],
          notes: item.notes,
          createdBy: specialistId,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: employer.id, name: employer.name });
    const people = await tx
      .insert(employerContactPerson)
      .values(
        rows.map((row, index) => ({
          organisationId,
          employerId: row.id,
          name: chosen[index]!.person[0],
          jobRole: chosen[index]!.person[1],
          createdAt: now,
        })),
      )
      .returning({ id: employerContactPerson.id, employerId: employerContactPerson.employerId });
    const personOf = new Map(people.map((person) => [person.employerId, person.id]));
    // 15 to 25 vacancies, each at one of this organisation's employers.
    const offered = opportunities
      .filter((item) => item.employerIndex < rows.length)
      .slice(0, 15 + (regionIndex % 11));
    await tx.insert(jobOpportunity).values(
      offered.map((item, index) => ({
        organisationId,
        employerId: rows[item.employerIndex]!.id,
        title: item.title,
        jobType: item.jobType,
        hoursPerWeek: item.hours,
        hourlyPayPence: item.pence,
        shifts: item.shifts,
        location: chosen[item.employerIndex]!.site,
        // The employer's own site: the same district as in its locations above.
        postcodeDistrict: item.homeBased ? null : districts[item.employerIndex % districts.length]!,
        homeBased: item.homeBased ?? false,
        requirements: item.requirements,
        status: index % 7 === 6 ? ("closed" as const) : ("open" as const),
        closesOn: index % 3 === 0 ? addCalendarDays(today, 14 + index) : null,
        createdBy: specialistId,
        createdAt: new Date(now.getTime() - (offered.length - index) * 86_400_000),
        updatedAt: now,
      })),
    );
    const planned = contactPlans.filter((plan) => plan.employerIndex < rows.length);
    await tx.insert(employerContact).values(
      planned.map((plan) => {
        const target = rows[plan.employerIndex]!;
        const occurredOn = addCalendarDays(today, -plan.daysAgo);
        return {
          organisationId,
          employerId: target.id,
          contactPersonId: personOf.get(target.id) ?? null,
          occurredOn,
          contactType: plan.type,
          faceToFace: plan.faceToFace,
          outcome: plan.outcome,
          nextStep: plan.nextStep ?? "",
          nextStepDue: plan.dueIn === undefined ? null : addCalendarDays(today, plan.dueIn),
          recordedBy: specialistId,
          recordedAt: new Date(`${occurredOn}T15:00:00Z`),
        };
      }),
    );
    seeded.push(...rows.map((row) => ({ ...row, organisationId })));
    regionIndex++;
  }
  return seeded;
}
