import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm, type FormState, recordFormPost } from "../../../platform/http/form-post";
import { translatorFor } from "../../../platform/http/pages";
import { uuidFrom } from "../../../platform/http/params";
import { type RecordAnswer, read, recordFrame, recordRoute, write } from "../../../platform/http/record-page";
import { type FieldError, formBody } from "../../../platform/web/forms";
import { checkStageMove } from "../../participants/service";
import { employerOption, employerOptions } from "../employers/options";
import { currentEmploymentSettings } from "../settings/service";
import { disclosureFor, generalDisclosure } from "./disclosure";
import { type JobStartForm, jobEndForm, jobStartForm } from "./forms";
import { JobPage, JobStartFormPage } from "./job-views";
import { findJob, type JobStartOutcome, recordJobEnd, recordJobStart } from "./jobs";
import { foundIn } from "./routes";
import { applicationsOf, findApplication, workOverview } from "./service";
import { workBase, workNotices } from "./view-parts";

/** Why a job start was refused, beside the field it is about, and the status it answers with. */
const startRefusals = {
  unknown_employer: { field: "employerId", message: "validation.job.employer", status: 400 },
  unknown_application: { field: "applicationId", message: "validation.job.application", status: 400 },
  record_closed: { field: "startedOn", message: "validation.job.recordClosed", status: 409 },
} as const;

/** Recording a job start (which begins follow-along), a job's own page, and its end. */
export function registerJobRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const today = () => calendarDateAt(clock.now());
  const frame = (record: ParticipantRecord, request: FastifyRequest, reply: FastifyReply) =>
    recordFrame(record, request, reply, workNotices);

  const startForm = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState<undefined>,
  ) => {
    const { values, errors } = state;
    const employerId = uuidFrom(values, "employerId");
    const employer = employerId
      ? await employerOption(record.tx, record.organisationId, employerId)
      : undefined;
    const check = errors ? undefined : await checkStageMove(record, "start_job");
    return JobStartFormPage({
      ...(await frame(record, request, reply)),
      employers: await employerOptions(record.tx, record.organisationId),
      // An application already settled against the person is not offered as the job's source.
      applications: (await applicationsOf(record)).filter(
        (row) => row.status !== "unsuccessful" && row.status !== "declined_by_person",
      ),
      wageFloorPence: (await currentEmploymentSettings(record.tx, record.organisationId)).wageFloorPence,
      disclosure: employer
        ? { employerName: employer.name, disclosure: await disclosureFor(record, employer.id) }
        : undefined,
      // Before an employer is chosen (the page cannot react to the choice without JavaScript):
      // what each employer the person is connected to may be told, and any other employer.
      disclosures: employer
        ? undefined
        : { connected: (await workOverview(record)).employers, general: await generalDisclosure(record) },
      values,
      errors,
      notYet: check && !check.ok ? translatorFor(request).t(check.reason) : undefined,
    });
  };

  app.get(
    "/participants/:participantId/work/jobs/new",
    write,
    recordRoute(door, "read", "job_form", async (record, request, reply) => {
      const applicationId = uuidFrom(request.query, "application");
      const application = applicationId ? await findApplication(record, applicationId) : undefined;
      const values = application
        ? { applicationId: application.id, employerId: application.employerId, title: application.title }
        : {};
      return { page: await startForm(record, request, reply, { values }) };
    }),
  );

  app.post(
    "/participants/:participantId/work/jobs",
    write,
    recordFormPost<JobStartForm, undefined, JobStartOutcome>(door, {
      what: "job",
      schema: () => jobStartForm(today()),
      show: startForm,
      save: (record, form) => recordJobStart(record, clock, form),
      saved: (record, outcome) => `${workBase(record.participantId)}/jobs/${outcome.id}?notice=jobStarted`,
      other: async (record, outcome, request, reply) => {
        const t = translatorFor(request);
        const values = formBody(request.body);
        // What is missing first (consent, engagement, a resume), beside the start date.
        if (outcome.kind === "stage_refused")
          return {
            page: await startForm(record, request, reply, {
              values,
              errors: [{ field: "startedOn", message: t.t(outcome.reason) }],
            }),
            status: outcome.refusal === "who" ? 403 : 409,
          };
        const { field, message, status } = startRefusals[outcome.kind];
        return {
          page: await startForm(record, request, reply, {
            values,
            errors: [{ field, message: t.t(message) }],
          }),
          status,
        };
      },
    }),
  );

  const jobPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof findJob>>>,
    extra: { values?: Record<string, unknown>; errors?: FieldError[] } = {},
  ) =>
    JobPage({
      ...(await frame(record, request, reply)),
      job: found,
      disclosure: await disclosureFor(record, found.employerId),
      today: today(),
      mayWrite: hasPermission(record.actor.role, "participant.write"),
      values: extra.values ?? {},
      errors: extra.errors,
    });

  const jobIn = (record: ParticipantRecord, request: FastifyRequest) =>
    foundIn(request, "jobId", (id) => findJob(record, id));

  app.get(
    "/participants/:participantId/work/jobs/:jobId",
    read,
    recordRoute(door, "read", "job", async (record, request, reply) => {
      const found = await jobIn(record, request);
      if (!found) return { notFound: true };
      return { page: await jobPage(record, request, reply, found) };
    }),
  );

  // The end date is checked against the job's start, so the form is checked once the job is found.
  app.post(
    "/participants/:participantId/work/jobs/:jobId/end",
    write,
    recordRoute(door, "write", "job_end", async (record, request, reply): Promise<RecordAnswer> => {
      const found = await jobIn(record, request);
      if (!found) return { notFound: true };
      const t = translatorFor(request);
      const checked = checkForm(jobEndForm(today(), found.startedOn), request);
      const values = checked.body;
      if (!checked.ok)
        return {
          page: await jobPage(record, request, reply, found, { values, errors: checked.errors }),
          status: 400,
        };
      const outcome = await recordJobEnd(record, clock, found.id, checked.form);
      if (outcome.kind === "already_ended")
        return {
          page: await jobPage(record, request, reply, found, {
            values,
            errors: [{ field: "endedOn", message: t.t("work.job.alreadyEnded") }],
          }),
          status: 409,
        };
      const notice = outcome.backToJobSeeking ? "jobEndedBackToSearch" : "jobEnded";
      return { redirect: `${workBase(record.participantId)}/jobs/${found.id}?notice=${notice}` };
    }),
  );
}
