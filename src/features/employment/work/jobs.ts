import { eq, isNull, ne, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../../platform/access/door";
import { onRecord } from "../../../platform/access/on-record";
import type { Clock } from "../../../platform/clock";
import { announce } from "../../../platform/record-events";
import type { MessageKey } from "../../../platform/web/i18n/index";
import { checkStageMove, moveBackToJobSeeking } from "../../participants/service";
import { addAction } from "../../plans/service";
import { employerOption } from "../employers/options";
import { employer } from "../employers/schema";
import { currentEmploymentSettings } from "../settings/service";
import type { JobEndForm, JobStartForm } from "./forms";
import { isCompetitive } from "./job-rules";
import { job, jobApplication } from "./schema";

// Job starts and ends, and the plan actions that help with an application. A start begins
// follow-along; an end is checked at once by the early-warning rules (losing work is a time of risk).

export async function findJob(record: ParticipantRecord, jobId: string) {
  const [found] = await record.tx
    .select({ job, employerName: employer.name })
    .from(job)
    .innerJoin(employer, eq(employer.id, job.employerId))
    .where(onRecord(record, job, eq(job.id, jobId)));
  return found ? { ...found.job, employerName: found.employerName } : undefined;
}

export type JobStartOutcome =
  | { kind: "saved"; id: string }
  | { kind: "unknown_employer" }
  | { kind: "unknown_application" }
  | { kind: "record_closed" }
  /** The stage model refuses a job start from where the person is (decision 59), and says why. */
  | { kind: "stage_refused"; refusal: "who" | "state"; reason: MessageKey };

/**
 * Records a job start with whether it is competitive against the wage floor in force (kept
 * beside it), moves a linked application to "offer", and starts (or carries on) follow-along,
 * all in the door's one transaction: a refusal part-way leaves nothing written.
 */
export async function recordJobStart(
  record: ParticipantRecord,
  clock: Clock,
  form: JobStartForm,
): Promise<JobStartOutcome> {
  if (!(await employerOption(record.tx, record.organisationId, form.employerId)))
    return { kind: "unknown_employer" };
  const now = clock.now();
  // Every check comes before the first write, so a refused start leaves nothing half-written.
  if (form.applicationId) {
    const [linked] = await record.tx
      .select({ id: jobApplication.id })
      .from(jobApplication)
      .where(onRecord(record, jobApplication, eq(jobApplication.id, form.applicationId)));
    if (!linked) return { kind: "unknown_application" };
  }
  // The stage model decides whether a job start may be recorded from where the person is now: no
  // consent to take part, an open referral or a pause refuses it here, before anything is written.
  const move = await checkStageMove(record, "start_job");
  if (!move.ok) return { kind: "stage_refused", refusal: move.refusal, reason: move.reason };
  const started = await announce(record, "job_started", {
    jobStartedOn: form.startedOn,
    startedBy: record.actor.staffId,
    now,
  });
  if (started === "record_closed") return { kind: "record_closed" };
  if (form.applicationId)
    await record.tx
      .update(jobApplication)
      .set({ status: "offer", updatedAt: now, version: sql`${jobApplication.version} + 1` })
      .where(eq(jobApplication.id, form.applicationId));
  const { wageFloorPence } = await currentEmploymentSettings(record.tx, record.organisationId);
  const [saved] = await record.tx
    .insert(job)
    .values({
      organisationId: record.organisationId,
      participantId: record.participantId,
      ...form,
      competitive: isCompetitive(form, wageFloorPence),
      wageFloorPence,
      recordedBy: record.actor.staffId,
      recordedAt: now,
      updatedAt: now,
    })
    .returning({ id: job.id });
  return { kind: "saved", id: saved!.id };
}

export type JobEndOutcome = { kind: "saved"; backToJobSeeking: boolean } | { kind: "already_ended" };

/**
 * Records the end of a job. The early-warning rules run straight away, so the team hears of it
 * the same day; when no other job is held the person is back to looking for work. Follow-along
 * stays open: it ends only when the person asks.
 */
export async function recordJobEnd(
  record: ParticipantRecord,
  clock: Clock,
  jobId: string,
  form: JobEndForm,
): Promise<JobEndOutcome> {
  const now = clock.now();
  const ended = await record.tx
    .update(job)
    .set({ ...form, updatedAt: now, version: sql`${job.version} + 1` })
    .where(onRecord(record, job, eq(job.id, jobId), isNull(job.endedOn)))
    .returning({ id: job.id });
  if (ended.length === 0) return { kind: "already_ended" };
  const [otherJob] = await record.tx
    .select({ id: job.id })
    .from(job)
    .where(onRecord(record, job, isNull(job.endedOn), ne(job.id, jobId)))
    .limit(1);
  const backToJobSeeking = otherJob ? false : await moveBackToJobSeeking(record, now);
  await announce(record, "job_ended", { now });
  return { kind: "saved", backToJobSeeking };
}

export type PreparationOutcome = "saved" | "no_plan" | "not_on_care_team";

/**
 * Adds "CV preparation" or "Interview preparation" to the person's support plan, owned by them
 * or by the member of staff adding it. The service helps prepare; it never applies for them.
 */
export async function addPreparationAction(
  record: ParticipantRecord,
  clock: Clock,
  action: { description: string; owner: "participant" | "staff"; dueDate: string },
): Promise<PreparationOutcome> {
  const outcome = await addAction(record, clock, {
    description: action.description,
    ownerKind: action.owner,
    ownerStaffId: action.owner === "staff" ? record.actor.staffId : null,
    dueDate: action.dueDate,
    status: "to_do",
    goalId: null,
  });
  if (outcome.kind === "no_plan") return "no_plan";
  if (outcome.kind === "invalid") return "not_on_care_team";
  return "saved";
}
