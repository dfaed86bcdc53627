import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { sendPage, translatorFor } from "../../../platform/http/pages";
import { uuidFrom } from "../../../platform/http/params";
import { participantIdParam, recordOpener } from "../../../platform/http/participant";
import { type FieldError, type FormBody, fieldErrors, formBody } from "../../../platform/web/forms";
import { notFound, notice, read, recordPage, write } from "../../contacts/request";
import { employerOption, employerOptions } from "../employers/options";
import { ApplicationFormPage, type PreparationState } from "./application-views";
import { disclosureFor } from "./disclosure";
import { applicationForm, disclosureForm, preparationActionForm, version } from "./forms";
import { addPreparationAction } from "./jobs";
import {
  type ApplicationView,
  findApplication,
  opportunityPrefill,
  recordApplication,
  recordDisclosure,
  updateApplication,
  workOverview,
} from "./service";
import { DisclosureFormPage, WorkPage } from "./views";

const ukTime = (instant: Date) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);

/** The form's boxes filled from a saved application. */
const applicationValues = (row: ApplicationView) => ({
  employerId: row.employerId,
  title: row.title,
  status: row.status,
  appliedOn: row.appliedOn ?? "",
  interviewDate: row.interviewAt ? calendarDateAt(row.interviewAt) : "",
  interviewTime: row.interviewAt ? ukTime(row.interviewAt) : "",
  outcomeOn: row.outcomeOn ?? "",
  notes: row.notes,
  version: row.version,
});

/** What this employer may be told, when the form names one of the organisation's employers. */
async function disclosureOf(record: ParticipantRecord, employerId: unknown) {
  const id = uuidFrom({ employerId }, "employerId");
  const found = id ? await employerOption(record.tx, record.organisationId, id) : undefined;
  return found ? { employerName: found.name, disclosure: await disclosureFor(record, found.id) } : undefined;
}

/** The Work tab, disclosure choices, and applications with their preparation actions. */
export function registerWorkRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const open = recordOpener(door);
  const base = (request: FastifyRequest) => `/participants/${participantIdParam(request)}/work`;
  const today = () => calendarDateAt(clock.now());

  app.get("/participants/:participantId/work", read, async (request, reply) =>
    open(request, "read", "work", async (record) => {
      const page = WorkPage({
        ...(await recordPage(request, reply, record)),
        ...(await workOverview(record)),
        mayWrite: hasPermission(record.actor.role, "participant.write"),
        today: today(),
        notice: notice(request),
      });
      return () => sendPage(reply, page);
    }),
  );

  // --- Disclosure -----------------------------------------------------------------------------

  const disclosurePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    values: FormBody,
    errors?: FieldError[],
  ) => {
    const page = DisclosureFormPage({
      ...(await recordPage(request, reply, record)),
      employers: await employerOptions(record.tx, record.organisationId),
      inForce: await disclosureOf(record, values.employerId),
      values,
      errors,
    });
    return () => sendPage(reply, page, errors ? 400 : 200);
  };

  app.get("/participants/:participantId/work/disclosures/new", write, async (request, reply) =>
    open(request, "read", "disclosure_form", (record) =>
      disclosurePage(request, reply, record, { employerId: uuidFrom(request.query, "employer") ?? "" }),
    ),
  );

  app.post("/participants/:participantId/work/disclosures", write, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = disclosureForm.safeParse(body);
    return open(request, parsed.success ? "write" : "read", "disclosure", async (record) => {
      const t = translatorFor(request);
      if (!parsed.success) return disclosurePage(request, reply, record, body, fieldErrors(parsed.error, t));
      if ((await recordDisclosure(record, clock, parsed.data, record.actor.staffId)) === "unknown_employer")
        return disclosurePage(request, reply, record, body, [
          { field: "employerId", message: t.t("validation.disclosure.employer") },
        ]);
      return () => reply.redirect(`${base(request)}?notice=disclosure`);
    });
  });

  // --- Applications ---------------------------------------------------------------------------

  const applicationPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    extra: {
      values: Record<string, unknown>;
      errors?: FieldError[];
      application?: ApplicationView;
      stale?: ApplicationView;
      preparation?: PreparationState;
      status?: number;
    },
  ) =>
    recordPage(request, reply, record).then(async (frame) => {
      const page = ApplicationFormPage({
        ...frame,
        ...extra,
        employers: await employerOptions(record.tx, record.organisationId),
        disclosure: await disclosureOf(record, extra.values.employerId),
        preparation: extra.application ? (extra.preparation ?? { values: {} }) : undefined,
        notice: notice(request),
      });
      return () =>
        sendPage(reply, page, extra.status ?? (extra.errors || extra.preparation?.errors ? 400 : 200));
    });

  app.get("/participants/:participantId/work/applications/new", write, async (request, reply) =>
    open(request, "read", "application_form", async (record) => {
      const prefill = await opportunityPrefill(record, uuidFrom(request.query, "opportunity"));
      return applicationPage(request, reply, record, { values: { status: "preparing", ...prefill } });
    }),
  );

  app.post("/participants/:participantId/work/applications", write, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = applicationForm(today()).safeParse(body);
    return open(request, parsed.success ? "write" : "read", "application", async (record) => {
      if (!parsed.success)
        return applicationPage(request, reply, record, {
          values: body,
          errors: fieldErrors(parsed.error, translatorFor(request), body),
        });
      const outcome = await recordApplication(record, clock, parsed.data);
      if (outcome.kind === "unknown_employer") {
        const message = translatorFor(request).t("validation.application.employer");
        return applicationPage(request, reply, record, {
          values: body,
          errors: [{ field: "employerId", message }],
        });
      }
      return () => reply.redirect(`${base(request)}?notice=application`);
    });
  });

  app.get("/participants/:participantId/work/applications/:applicationId", write, async (request, reply) => {
    const applicationId = uuidFrom(request.params, "applicationId");
    return open(request, "read", "application", async (record) => {
      const found = applicationId ? await findApplication(record, applicationId) : undefined;
      if (!found) return () => notFound(reply);
      return applicationPage(request, reply, record, {
        values: applicationValues(found),
        application: found,
      });
    });
  });

  app.post("/participants/:participantId/work/applications/:applicationId", write, async (request, reply) => {
    const applicationId = uuidFrom(request.params, "applicationId");
    const body = formBody(request.body);
    const parsed = applicationForm(today()).safeParse(body);
    const basedOn = version.safeParse(body.version);
    return open(request, parsed.success ? "write" : "read", "application", async (record) => {
      const found = applicationId ? await findApplication(record, applicationId) : undefined;
      if (!applicationId || !found) return () => notFound(reply);
      const t = translatorFor(request);
      if (!parsed.success || !basedOn.success) {
        const errors = [
          ...(parsed.success ? [] : fieldErrors(parsed.error, t, body)),
          ...(basedOn.success ? [] : [{ field: "title", message: t.t("validation.reload") }]),
        ];
        return applicationPage(request, reply, record, { values: body, errors, application: found });
      }
      const outcome = await updateApplication(record, clock, applicationId, parsed.data, basedOn.data);
      if (outcome.kind === "not_found") return () => notFound(reply);
      if (outcome.kind === "unknown_employer")
        return applicationPage(request, reply, record, {
          values: body,
          errors: [{ field: "employerId", message: t.t("validation.application.employer") }],
          application: found,
        });
      if (outcome.kind === "stale")
        return applicationPage(request, reply, record, {
          // The form keeps what this person typed, now based on the version saved by the other.
          values: { ...body, version: outcome.current.version },
          application: outcome.current,
          stale: outcome.current,
          status: 409,
        });
      return () => reply.redirect(`${base(request)}?notice=application`);
    });
  });

  app.post(
    "/participants/:participantId/work/applications/:applicationId/plan-actions",
    write,
    async (request, reply) => {
      const applicationId = uuidFrom(request.params, "applicationId");
      const body = formBody(request.body);
      const parsed = preparationActionForm(today()).safeParse(body);
      return open(request, parsed.success ? "write" : "read", "application_plan_action", async (record) => {
        const found = applicationId ? await findApplication(record, applicationId) : undefined;
        if (!found) return () => notFound(reply);
        const t = translatorFor(request);
        const again = (preparation: PreparationState) =>
          applicationPage(request, reply, record, {
            values: applicationValues(found),
            application: found,
            preparation,
            status: 400,
          });
        if (!parsed.success) return again({ values: body, errors: fieldErrors(parsed.error, t, body) });
        const description = t.t(`work.application.prep.description.${parsed.data.kind}`, {
          title: found.title,
          employer: found.employerName,
        });
        const outcome = await addPreparationAction(record, clock, { ...parsed.data, description });
        if (outcome === "no_plan") return again({ values: body, refusal: "no_plan" });
        if (outcome === "not_on_care_team")
          return again({
            values: body,
            errors: [{ field: "owner", message: t.t("work.application.prep.notOnCareTeam") }],
          });
        return () => reply.redirect(`${base(request)}/applications/${found.id}?notice=action`);
      });
    },
  );
}
