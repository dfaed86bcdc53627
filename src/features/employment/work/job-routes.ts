import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { sendPage, translatorFor } from "../../../platform/http/pages";
import { uuidFrom } from "../../../platform/http/params";
import { participantIdParam, recordOpener } from "../../../platform/http/participant";
import { type FieldError, fieldErrors, formBody } from "../../../platform/web/forms";
import { notFound, notice, read, recordPage, write } from "../../contacts/request";
import { checkStageMove } from "../../participants/service";
import { employerOption, employerOptions } from "../employers/options";
import { currentEmploymentSettings } from "../settings/service";
import { disclosureFor, generalDisclosure } from "./disclosure";
import { jobEndForm, jobStartForm } from "./forms";
import { JobPage, JobStartFormPage } from "./job-views";
import { findJob, recordJobEnd, recordJobStart } from "./jobs";
import { applicationsOf, findApplication, workOverview } from "./service";

/** Recording a job start (which begins follow-along), a job's own page, and its end. */
export function registerJobRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const open = recordOpener(door);
  const base = (request: FastifyRequest) => `/participants/${participantIdParam(request)}/work`;
  const today = () => calendarDateAt(clock.now());

  const startForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    values: Record<string, unknown>,
    errors?: FieldError[],
    status?: number,
  ) => {
    const employerId = uuidFrom(values, "employerId");
    const employer = employerId
      ? await employerOption(record.tx, record.organisationId, employerId)
      : undefined;
    const check = errors ? undefined : await checkStageMove(record, "start_job");
    const page = JobStartFormPage({
      ...(await recordPage(request, reply, record)),
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
    return () => sendPage(reply, page, status ?? (errors ? 400 : 200));
  };

  app.get("/participants/:participantId/work/jobs/new", write, async (request, reply) =>
    open(request, "read", "job_form", async (record) => {
      const applicationId = uuidFrom(request.query, "application");
      const application = applicationId ? await findApplication(record, applicationId) : undefined;
      const values = application
        ? { applicationId: application.id, employerId: application.employerId, title: application.title }
        : {};
      return startForm(request, reply, record, values);
    }),
  );

  app.post("/participants/:participantId/work/jobs", write, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = jobStartForm(today()).safeParse(body);
    return open(request, parsed.success ? "write" : "read", "job", async (record) => {
      const t = translatorFor(request);
      if (!parsed.success) return startForm(request, reply, record, body, fieldErrors(parsed.error, t, body));
      const outcome = await recordJobStart(record, clock, parsed.data);
      if (outcome.kind === "saved")
        return () => reply.redirect(`${base(request)}/jobs/${outcome.id}?notice=jobStarted`);
      // What is missing first (consent, engagement, a resume), beside the start date.
      if (outcome.kind === "stage_refused")
        return startForm(
          request,
          reply,
          record,
          body,
          [{ field: "startedOn", message: t.t(outcome.reason) }],
          outcome.refusal === "who" ? 403 : 409,
        );
      const refusal = {
        unknown_employer: { field: "employerId", message: "validation.job.employer" },
        unknown_application: { field: "applicationId", message: "validation.job.application" },
        record_closed: { field: "startedOn", message: "validation.job.recordClosed" },
      } as const;
      const { field, message } = refusal[outcome.kind];
      return startForm(
        request,
        reply,
        record,
        body,
        [{ field, message: t.t(message) }],
        outcome.kind === "record_closed" ? 409 : 400,
      );
    });
  });

  const jobPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    found: NonNullable<Awaited<ReturnType<typeof findJob>>>,
    extra: { values?: Record<string, unknown>; errors?: FieldError[]; status?: number } = {},
  ) => {
    const page = JobPage({
      ...(await recordPage(request, reply, record)),
      job: found,
      disclosure: await disclosureFor(record, found.employerId),
      today: today(),
      mayWrite: hasPermission(record.actor.role, "participant.write"),
      values: extra.values ?? {},
      errors: extra.errors,
      notice: notice(request),
    });
    return () => sendPage(reply, page, extra.status ?? (extra.errors ? 400 : 200));
  };

  app.get("/participants/:participantId/work/jobs/:jobId", read, async (request, reply) => {
    const jobId = uuidFrom(request.params, "jobId");
    return open(request, "read", "job", async (record) => {
      const found = jobId ? await findJob(record, jobId) : undefined;
      if (!found) return () => notFound(reply);
      return jobPage(request, reply, record, found);
    });
  });

  app.post("/participants/:participantId/work/jobs/:jobId/end", write, async (request, reply) => {
    const jobId = uuidFrom(request.params, "jobId");
    const body = formBody(request.body);
    return open(request, "write", "job_end", async (record) => {
      const found = jobId ? await findJob(record, jobId) : undefined;
      if (!jobId || !found) return () => notFound(reply);
      const t = translatorFor(request);
      const parsed = jobEndForm(today(), found.startedOn).safeParse(body);
      if (!parsed.success)
        return jobPage(request, reply, record, found, {
          values: body,
          errors: fieldErrors(parsed.error, t, body),
        });
      const outcome = await recordJobEnd(record, clock, jobId, parsed.data);
      if (outcome.kind === "already_ended")
        return jobPage(request, reply, record, found, {
          values: body,
          errors: [{ field: "endedOn", message: t.t("work.job.alreadyEnded") }],
          status: 409,
        });
      const notice = outcome.backToJobSeeking ? "jobEndedBackToSearch" : "jobEnded";
      return () => reply.redirect(`${base(request)}/jobs/${jobId}?notice=${notice}`);
    });
  });
}
