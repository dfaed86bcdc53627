import { asc, eq, sql } from "drizzle-orm";
import { onRecord } from "../../../platform/access/on-record";
import type { RecordScope } from "../../../platform/access/own-record";
import type { Clock } from "../../../platform/clock";
import { type EditOutcome, notFound, saved, stale } from "../../../platform/outcome";
import { participant } from "../../participants/schema";
import { employer } from "../employers/schema";
import type { AbsenceForm, PlanForm } from "./forms";
import { absenceEndFromOutcome } from "./rules";
import {
  type ReturnToWorkPlanRow,
  returnToWorkPlan,
  type SicknessAbsenceRow,
  sicknessAbsence,
} from "./schema";

// Sickness absences and their return-to-work plans, read and written only through a record the
// door opened. Every edit carries the version it was based on; a stale one never overwrites.

export type AbsenceView = SicknessAbsenceRow & { employerName: string; plan: ReturnToWorkPlanRow | null };

const owned = (record: RecordScope) => ({
  organisationId: record.organisationId,
  participantId: record.participantId,
});

/** The person's absences, newest first, each with its employer's name and its plan if it has one. */
export async function listAbsences(record: RecordScope): Promise<AbsenceView[]> {
  const rows = await record.tx
    .select({ absence: sicknessAbsence, employerName: employer.name, plan: returnToWorkPlan })
    .from(sicknessAbsence)
    .innerJoin(employer, eq(employer.id, sicknessAbsence.employerId))
    .leftJoin(returnToWorkPlan, eq(returnToWorkPlan.absenceId, sicknessAbsence.id))
    .where(onRecord(record, sicknessAbsence))
    .orderBy(sql`${sicknessAbsence.startedOn} desc`, asc(sicknessAbsence.recordedAt));
  return rows.map((row) => ({ ...row.absence, employerName: row.employerName, plan: row.plan }));
}

export async function findAbsence(record: RecordScope, absenceId: string): Promise<AbsenceView | undefined> {
  return (await listAbsences(record)).find((absence) => absence.id === absenceId);
}

/** The plan and its absence, by the plan's id. */
export async function findPlan(record: RecordScope, planId: string): Promise<AbsenceView | undefined> {
  return (await listAbsences(record)).find((absence) => absence.plan?.id === planId);
}

/** What the referral said about the job the person is off sick from, to start the first absence. */
export async function referralAbsence(record: RecordScope) {
  const [row] = await record.tx
    .select({
      workSituation: participant.workSituation,
      employerName: participant.employerName,
      absenceStartDate: participant.absenceStartDate,
    })
    .from(participant)
    .where(eq(participant.id, record.participantId));
  return row?.workSituation === "employed_off_sick" ? row : undefined;
}

export async function recordAbsence(
  record: RecordScope & { actor: { staffId: string } },
  clock: Clock,
  form: AbsenceForm,
): Promise<SicknessAbsenceRow> {
  const [row] = await record.tx
    .insert(sicknessAbsence)
    .values({ ...owned(record), ...form, recordedBy: record.actor.staffId, recordedAt: clock.now() })
    .returning();
  return row!;
}

export async function updateAbsence(
  record: RecordScope,
  absenceId: string,
  basedOn: number,
  form: AbsenceForm,
): Promise<EditOutcome<AbsenceView>> {
  const updated = await record.tx
    .update(sicknessAbsence)
    .set({ ...form, version: sql`${sicknessAbsence.version} + 1` })
    .where(
      onRecord(
        record,
        sicknessAbsence,
        eq(sicknessAbsence.id, absenceId),
        eq(sicknessAbsence.version, basedOn),
      ),
    )
    .returning({ id: sicknessAbsence.id });
  // The plan is agreed with the employer the person is off sick from: it follows a corrected one.
  if (updated.length > 0)
    await record.tx
      .update(returnToWorkPlan)
      .set({ employerId: form.employerId })
      .where(onRecord(record, returnToWorkPlan, eq(returnToWorkPlan.absenceId, absenceId)));
  const row = await findAbsence(record, absenceId);
  if (!row) return notFound;
  return updated.length === 0 ? stale(row) : saved(row);
}

/**
 * Makes or changes the plan for an absence. A new plan needs no version; a change needs the one
 * it was based on. An outcome of being back at work (or having left the job) ends the absence
 * on its date.
 */
export async function savePlan(
  record: RecordScope & { actor: { staffId: string } },
  clock: Clock,
  absence: AbsenceView,
  basedOn: number | null,
  form: PlanForm,
): Promise<EditOutcome<AbsenceView>> {
  const now = clock.now();
  let written: boolean;
  if (!absence.plan) {
    if (basedOn !== null) return notFound;
    const inserted = await record.tx
      .insert(returnToWorkPlan)
      .values({
        ...owned(record),
        absenceId: absence.id,
        employerId: absence.employerId,
        ...form,
        createdBy: record.actor.staffId,
        createdAt: now,
        updatedBy: record.actor.staffId,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: returnToWorkPlan.id });
    written = inserted.length > 0;
  } else {
    const updated = await record.tx
      .update(returnToWorkPlan)
      .set({
        ...form,
        updatedBy: record.actor.staffId,
        updatedAt: now,
        version: sql`${returnToWorkPlan.version} + 1`,
      })
      .where(
        onRecord(
          record,
          returnToWorkPlan,
          eq(returnToWorkPlan.id, absence.plan.id),
          eq(returnToWorkPlan.version, basedOn ?? -1),
        ),
      )
      .returning({ id: returnToWorkPlan.id });
    written = updated.length > 0;
  }
  if (written) {
    const endsOn = absenceEndFromOutcome(form.outcome, form.outcomeOn);
    if (endsOn && absence.endedOn !== endsOn)
      await record.tx
        .update(sicknessAbsence)
        .set({ endedOn: endsOn, version: sql`${sicknessAbsence.version} + 1` })
        .where(onRecord(record, sicknessAbsence, eq(sicknessAbsence.id, absence.id)));
  }
  const current = await findAbsence(record, absence.id);
  if (!current) return notFound;
  return written ? saved(current) : stale(current);
}

/** The person's name, for the plan printed for their employer. */
export async function personName(record: RecordScope): Promise<string> {
  const [row] = await record.tx
    .select({ givenName: participant.givenName, familyName: participant.familyName })
    .from(participant)
    .where(eq(participant.id, record.participantId));
  return row ? `${row.givenName} ${row.familyName}` : "";
}
