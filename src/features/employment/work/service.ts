import { and, desc, eq, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../../platform/access/door";
import { onRecord } from "../../../platform/access/on-record";
import type { RecordScope } from "../../../platform/access/own-record";
import type { Clock } from "../../../platform/clock";
import { staffAccount } from "../../../platform/directory/schema";
import { type NotFound, notFound, type Saved, type Stale, saved, stale } from "../../../platform/outcome";
import type { Translator } from "../../../platform/web/i18n/index";
import type { TimelineEntry } from "../../../platform/web/timeline";
import { zonedInstant } from "../../contacts/service";
import { employerOption } from "../employers/options";
import { employer, jobOpportunity } from "../employers/schema";
import { type DisclosureInForce, disclosuresFor, mayContactEmployers } from "./disclosure";
import type { ApplicationForm, DisclosureForm } from "./forms";
import { employerDisclosure, job, jobApplication } from "./schema";

// The Work tab's reads and its disclosure and application writes. Everything here is one
// participant's data, reached only through a record the door opened.

/** Whether a job is competitive employment (IPS), for the demo's jobs. */
export { isCompetitive } from "./job-rules";

const owned = (record: RecordScope) => ({
  organisationId: record.organisationId,
  participantId: record.participantId,
});

export function applicationsOf(record: RecordScope) {
  return record.tx
    .select({ application: jobApplication, employerName: employer.name })
    .from(jobApplication)
    .innerJoin(employer, eq(employer.id, jobApplication.employerId))
    .where(onRecord(record, jobApplication))
    .orderBy(desc(jobApplication.updatedAt), desc(jobApplication.id))
    .then((rows) => rows.map((row) => ({ ...row.application, employerName: row.employerName })));
}
export type ApplicationView = Awaited<ReturnType<typeof applicationsOf>>[number];

export function jobsOf(record: RecordScope) {
  return record.tx
    .select({ job, employerName: employer.name })
    .from(job)
    .innerJoin(employer, eq(employer.id, job.employerId))
    .where(onRecord(record, job))
    .orderBy(desc(job.startedOn), desc(job.recordedAt))
    .then((rows) => rows.map((row) => ({ ...row.job, employerName: row.employerName })));
}
export type JobView = Awaited<ReturnType<typeof jobsOf>>[number];

export function disclosureHistory(record: RecordScope) {
  return record.tx
    .select({
      id: employerDisclosure.id,
      employerId: employerDisclosure.employerId,
      employerName: employer.name,
      choice: employerDisclosure.choice,
      wording: employerDisclosure.wording,
      recordedAt: employerDisclosure.recordedAt,
      recordedByName: staffAccount.fullName,
    })
    .from(employerDisclosure)
    .innerJoin(employer, eq(employer.id, employerDisclosure.employerId))
    .leftJoin(staffAccount, eq(staffAccount.id, employerDisclosure.recordedBy))
    .where(onRecord(record, employerDisclosure))
    .orderBy(desc(employerDisclosure.recordedAt), desc(employerDisclosure.id));
}
export type DisclosureHistoryRow = Awaited<ReturnType<typeof disclosureHistory>>[number];

export type ConnectedEmployer = { id: string; name: string; disclosure: DisclosureInForce };

/** Everything on the Work tab: consent, the employers the person is connected to, applications, jobs. */
export async function workOverview(record: RecordScope) {
  const consented = await mayContactEmployers(record);
  const applications = await applicationsOf(record);
  const jobs = await jobsOf(record);
  const history = await disclosureHistory(record);
  const names = new Map<string, string>();
  for (const row of [...jobs, ...applications, ...history]) names.set(row.employerId, row.employerName);
  const inForce = await disclosuresFor(record, [...names.keys()]);
  const employers: ConnectedEmployer[] = [...names.entries()]
    .map(([id, name]) => ({ id, name, disclosure: inForce.get(id)! }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { consented, applications, jobs, history, employers };
}

/**
 * A new row every time: the choice in force is the latest, and what was agreed before stays.
 * Recorded by a member of staff with the person, or by the person on their own pages (no staff).
 */
export async function recordDisclosure(
  record: RecordScope,
  clock: Clock,
  form: DisclosureForm,
  recordedBy: string | null,
): Promise<"saved" | "unknown_employer"> {
  if (!(await employerOption(record.tx, record.organisationId, form.employerId))) return "unknown_employer";
  await record.tx.insert(employerDisclosure).values({
    ...owned(record),
    employerId: form.employerId,
    choice: form.choice,
    wording: form.wording,
    recordedBy,
    recordedAt: clock.now(),
  });
  return "saved";
}

/** An open vacancy's employer and title for a new application; an unknown one is ignored. */
export async function opportunityPrefill(record: ParticipantRecord, opportunityId: string | undefined) {
  if (!opportunityId) return undefined;
  const [found] = await record.tx
    .select({
      opportunityId: jobOpportunity.id,
      employerId: jobOpportunity.employerId,
      title: jobOpportunity.title,
    })
    .from(jobOpportunity)
    .where(
      and(eq(jobOpportunity.id, opportunityId), eq(jobOpportunity.organisationId, record.organisationId)),
    )
    .limit(1);
  return found;
}

export async function findApplication(record: ParticipantRecord, applicationId: string) {
  const [found] = await record.tx
    .select({ application: jobApplication, employerName: employer.name })
    .from(jobApplication)
    .innerJoin(employer, eq(employer.id, jobApplication.employerId))
    .where(onRecord(record, jobApplication, eq(jobApplication.id, applicationId)));
  return found ? { ...found.application, employerName: found.employerName } : undefined;
}

const applicationValues = (form: ApplicationForm) => ({
  employerId: form.employerId,
  title: form.title,
  status: form.status,
  appliedOn: form.appliedOn,
  interviewAt: form.interviewAt,
  outcomeOn: form.outcomeOn,
  notes: form.notes,
});

export async function recordApplication(
  record: ParticipantRecord,
  clock: Clock,
  form: ApplicationForm,
): Promise<{ kind: "saved"; id: string } | { kind: "unknown_employer" }> {
  if (!(await employerOption(record.tx, record.organisationId, form.employerId)))
    return { kind: "unknown_employer" };
  const opportunity = await opportunityPrefill(record, form.opportunityId);
  const now = clock.now();
  const [inserted] = await record.tx
    .insert(jobApplication)
    .values({
      ...owned(record),
      ...applicationValues(form),
      // Kept only when the vacancy is the organisation's and of the same employer.
      opportunityId: opportunity?.employerId === form.employerId ? opportunity.opportunityId : null,
      recordedBy: record.actor.staffId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: jobApplication.id });
  return { kind: "saved", id: inserted!.id };
}

/** The outcome family's kinds (saved returns nothing), and an employer that is not the organisation's. */
export type ApplicationEdit =
  | Saved<undefined>
  | Stale<ApplicationView>
  | NotFound
  | { kind: "unknown_employer" };

/** A change made against the version it was based on: a stale form never overwrites. */
export async function updateApplication(
  record: ParticipantRecord,
  clock: Clock,
  applicationId: string,
  form: ApplicationForm,
  basedOn: number,
): Promise<ApplicationEdit> {
  const current = await findApplication(record, applicationId);
  if (!current) return notFound;
  if (
    form.employerId !== current.employerId &&
    !(await employerOption(record.tx, record.organisationId, form.employerId))
  )
    return { kind: "unknown_employer" };
  const updated = await record.tx
    .update(jobApplication)
    .set({ ...applicationValues(form), updatedAt: clock.now(), version: sql`${jobApplication.version} + 1` })
    .where(
      onRecord(
        record,
        jobApplication,
        eq(jobApplication.id, applicationId),
        eq(jobApplication.version, basedOn),
      ),
    )
    .returning({ id: jobApplication.id });
  return updated.length === 0 ? stale(current) : saved(undefined);
}

/** The timeline's entries for the person's work: disclosure choices, applications as they stand, job starts and ends. */
export async function timelineEntries(record: ParticipantRecord, t: Translator): Promise<TimelineEntry[]> {
  const base = `/participants/${record.participantId}/work`;
  const history = await disclosureHistory(record);
  const applications = await applicationsOf(record);
  const jobs = await jobsOf(record);
  const dayStart = (isoDate: string) => zonedInstant(isoDate, "00:00");
  return [
    ...history.map((row) => ({
      at: row.recordedAt,
      category: "work" as const,
      title: t.t("work.timeline.disclosure", { employer: row.employerName }),
      detail: t.t(`work.disclosure.choice.${row.choice}`),
      href: base,
    })),
    ...applications.map((row) => ({
      at: row.updatedAt,
      category: "work" as const,
      title: t.t("work.timeline.application", { title: row.title, employer: row.employerName }),
      detail: t.t(`work.application.status.${row.status}`),
      href: base,
    })),
    ...jobs.flatMap((row) => {
      const names = { title: row.title, employer: row.employerName };
      const href = `${base}/jobs/${row.id}`;
      const started = {
        at: dayStart(row.startedOn),
        category: "work" as const,
        title: t.t("work.timeline.jobStarted", names),
        href,
      };
      if (!row.endedOn) return [started];
      const ended = {
        at: dayStart(row.endedOn),
        category: "work" as const,
        title: t.t("work.timeline.jobEnded", names),
        detail: row.endReason ? t.t(`work.job.endReason.${row.endReason}`) : undefined,
        href,
      };
      return [started, ended];
    }),
  ];
}
