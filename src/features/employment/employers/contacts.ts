import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../../platform/access/door";
import type { Actor } from "../../../platform/access/policy";
import { type Clock, calendarDateAt } from "../../../platform/clock";
import { type Executor, rowsOf } from "../../../platform/db/index";
import { staffAccount, teamMembership } from "../../../platform/directory/schema";
import { recordContact } from "../../contacts/service";
import { mayContactEmployers } from "../work/disclosure";
import type { EmployerContactForm } from "./forms";
import { countByWeek, faceToFaceContactDates, recentWeeks, type Week } from "./rules";
import { type EmployerRow, employer, employerContact, employerContactPerson } from "./schema";

/** A saved contact person of this employer who has not left, or undefined: a posted choice checked. */
export async function currentPerson(executor: Executor, employerId: string, personId: string | undefined) {
  if (!personId) return undefined;
  const [person] = await executor
    .select()
    .from(employerContactPerson)
    .where(
      and(
        eq(employerContactPerson.id, personId),
        eq(employerContactPerson.employerId, employerId),
        isNull(employerContactPerson.archivedAt),
      ),
    );
  return person;
}

export function currentPeople(executor: Executor, employerId: string) {
  return executor
    .select({
      id: employerContactPerson.id,
      name: employerContactPerson.name,
      jobRole: employerContactPerson.jobRole,
    })
    .from(employerContactPerson)
    .where(and(eq(employerContactPerson.employerId, employerId), isNull(employerContactPerson.archivedAt)))
    .orderBy(asc(employerContactPerson.name));
}

const contactValues = (found: EmployerRow, actor: Actor, clock: Clock, form: EmployerContactForm) => ({
  organisationId: found.organisationId,
  employerId: found.id,
  contactPersonId: form.contactPersonId ?? null,
  withWhom: form.withWhom,
  occurredOn: form.occurredOn,
  contactType: form.contactType,
  faceToFace: form.faceToFace,
  outcome: form.outcome,
  nextStep: form.nextStep,
  nextStepDue: form.nextStepDue ?? null,
  recordedBy: actor.staffId,
  recordedAt: clock.now(),
});

/** A job-development contact with the employer, about nobody in particular. */
export async function logEmployerContact(
  executor: Executor,
  clock: Clock,
  actor: Actor,
  found: EmployerRow,
  form: EmployerContactForm,
) {
  const [row] = await executor
    .insert(employerContact)
    .values(contactValues(found, actor, clock, form))
    .returning({ id: employerContact.id });
  return row!.id;
}

export type ParticipantContactOutcome = { kind: "saved"; id: string } | { kind: "no_consent" };

/**
 * A contact with an employer about the person, written through the door: refused (nothing
 * written) without their consent to contact employers; otherwise it is also recorded as a
 * contact on their record (their contacts, timeline and follow-along), in the same transaction.
 */
export async function logParticipantEmployerContact(
  record: ParticipantRecord,
  clock: Clock,
  found: EmployerRow,
  form: EmployerContactForm & { durationMinutes: number },
  note: string,
): Promise<ParticipantContactOutcome> {
  if (!(await mayContactEmployers(record))) return { kind: "no_consent" };
  const now = clock.now();
  // The date is all the form asks; a contact today is placed now, an earlier one at midday.
  const occurredAt = form.occurredOn === calendarDateAt(now) ? now : new Date(`${form.occurredOn}T12:00:00Z`);
  const saved = await recordContact(record, clock, {
    occurredAt,
    method: form.faceToFace ? "face_to_face" : "phone",
    withWhom: "employer",
    durationMinutes: form.durationMinutes,
    attendance: "attended",
    noteKind: "employment",
    note,
  });
  if (saved.kind === "no_employer_consent") return { kind: "no_consent" };
  if (saved.kind !== "saved") throw new Error("an employment note was refused");
  const [row] = await record.tx
    .insert(employerContact)
    .values({
      ...contactValues(found, record.actor, clock, form),
      participantId: record.participantId,
      participantContactId: saved.id,
    })
    .returning({ id: employerContact.id });
  return { kind: "saved", id: row!.id };
}

/** Face-to-face employer contact dates for one specialist from `from` on (calendar dates, UK). */
async function faceToFaceDates(executor: Executor, staffId: string, from: string): Promise<string[]> {
  const logged = await executor
    .select({
      occurredOn: employerContact.occurredOn,
      faceToFace: employerContact.faceToFace,
      participantContactId: employerContact.participantContactId,
    })
    .from(employerContact)
    .where(and(eq(employerContact.recordedBy, staffId), gte(employerContact.occurredOn, from)));
  // Contacts recorded on participants' records, read for their dates and identifiers only.
  const recorded = await rowsOf<{ id: string; occurred_on: string }>(
    executor,
    sql`select c.id, to_char(c.occurred_at at time zone 'Europe/London', 'YYYY-MM-DD') as occurred_on
      from contact c
      where c.recorded_by = ${staffId} and c.face_to_face_employer_contact
        and (c.occurred_at at time zone 'Europe/London')::date >= ${from}::date
        and not exists (select 1 from employer_contact e where e.participant_contact_id = c.id)`,
  );
  return faceToFaceContactDates(
    logged,
    recorded.map((row) => ({ id: row.id, occurredOn: row.occurred_on })),
  );
}

export type WeeklyCounts = { weeks: Week[]; counts: number[] };

/** Face-to-face employer contacts in each of the last eight weeks, this week last. */
export async function weeklyFaceToFace(
  executor: Executor,
  clock: Clock,
  staffId: string,
): Promise<WeeklyCounts> {
  const weeks = recentWeeks(calendarDateAt(clock.now()), 8);
  const dates = await faceToFaceDates(executor, staffId, weeks[0]!.start);
  return { weeks, counts: countByWeek(dates, weeks) };
}

/** This week's count for each member of the team leader's teams, by name. */
export async function teamThisWeek(executor: Executor, clock: Clock, actor: Actor) {
  if (actor.teamIds.length === 0) return [];
  const members = await executor
    .selectDistinct({ id: staffAccount.id, name: staffAccount.fullName, role: staffAccount.role })
    .from(teamMembership)
    .innerJoin(staffAccount, eq(staffAccount.id, teamMembership.staffId))
    .where(
      and(inArray(teamMembership.teamId, [...actor.teamIds]), eq(staffAccount.role, "employment_specialist")),
    )
    .orderBy(asc(staffAccount.fullName));
  const [week] = recentWeeks(calendarDateAt(clock.now()), 1);
  const counted = [];
  for (const member of members) {
    const dates = await faceToFaceDates(executor, member.id, week!.start);
    counted.push({ name: member.name, count: countByWeek(dates, [week!])[0]! });
  }
  return counted;
}

/** The specialist's own log since `from`, newest first, and their next steps due since then, soonest first. */
export async function contactLog(executor: Executor, staffId: string, from: string) {
  const columns = {
    id: employerContact.id,
    employerId: employerContact.employerId,
    employerName: employer.name,
    occurredOn: employerContact.occurredOn,
    contactType: employerContact.contactType,
    faceToFace: employerContact.faceToFace,
    outcome: employerContact.outcome,
    nextStep: employerContact.nextStep,
    nextStepDue: employerContact.nextStepDue,
    participantId: employerContact.participantId,
  };
  const recent = await executor
    .select(columns)
    .from(employerContact)
    .innerJoin(employer, eq(employer.id, employerContact.employerId))
    .where(and(eq(employerContact.recordedBy, staffId), gte(employerContact.occurredOn, from)))
    .orderBy(desc(employerContact.occurredOn), desc(employerContact.recordedAt));
  const due = await executor
    .select(columns)
    .from(employerContact)
    .innerJoin(employer, eq(employer.id, employerContact.employerId))
    .where(and(eq(employerContact.recordedBy, staffId), gte(employerContact.nextStepDue, from)))
    .orderBy(asc(employerContact.nextStepDue))
    .limit(50);
  return { recent, due };
}
export type LogRow = Awaited<ReturnType<typeof contactLog>>["recent"][number];
