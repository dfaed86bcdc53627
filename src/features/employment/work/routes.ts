import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodType } from "zod";
import type { ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import {
  type CheckedForm,
  checkForm,
  type FormState,
  recordFormPost,
} from "../../../platform/http/form-post";
import { translatorFor } from "../../../platform/http/pages";
import { uuidFrom } from "../../../platform/http/params";
import { type RecordAnswer, read, recordFrame, recordRoute, write } from "../../../platform/http/record-page";
import { invalid, saved } from "../../../platform/outcome";
import type { FieldError } from "../../../platform/web/forms";
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
import { workBase, workNotices } from "./view-parts";
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

/** What `find` finds for the uuid named `param` in the path; an id that is not a uuid names nothing. */
export async function foundIn<Row>(
  request: FastifyRequest,
  param: string,
  find: (id: string) => Promise<Row | undefined>,
): Promise<Row | undefined> {
  const id = uuidFrom(request.params, param);
  return id ? find(id) : undefined;
}

/** The Work tab, disclosure choices, and applications with their preparation actions. */
export function registerWorkRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const today = () => calendarDateAt(clock.now());
  const frame = (record: ParticipantRecord, request: FastifyRequest, reply: FastifyReply) =>
    recordFrame(record, request, reply, workNotices);

  app.get(
    "/participants/:participantId/work",
    read,
    recordRoute(door, "read", "work", async (record, request, reply) => ({
      page: WorkPage({
        ...(await frame(record, request, reply)),
        ...(await workOverview(record)),
        mayWrite: hasPermission(record.actor.role, "participant.write"),
        today: today(),
      }),
    })),
  );

  // --- Disclosure -----------------------------------------------------------------------------

  const disclosurePage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState<undefined>,
  ) =>
    DisclosureFormPage({
      ...(await frame(record, request, reply)),
      employers: await employerOptions(record.tx, record.organisationId),
      inForce: await disclosureOf(record, state.values.employerId),
      values: state.values,
      errors: state.errors,
    });

  app.get(
    "/participants/:participantId/work/disclosures/new",
    write,
    recordRoute(door, "read", "disclosure_form", async (record, request, reply) => ({
      page: await disclosurePage(record, request, reply, {
        values: { employerId: uuidFrom(request.query, "employer") ?? "" },
      }),
    })),
  );

  app.post(
    "/participants/:participantId/work/disclosures",
    write,
    recordFormPost(door, {
      what: "disclosure",
      schema: disclosureForm,
      show: disclosurePage,
      save: async (record, form) =>
        (await recordDisclosure(record, clock, form, record.actor.staffId)) === "unknown_employer"
          ? invalid("employerId", "validation.disclosure.employer")
          : saved(undefined),
      saved: (record) => `${workBase(record.participantId)}?notice=disclosure`,
    }),
  );

  // --- Applications ---------------------------------------------------------------------------

  const applicationPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      values: Record<string, unknown>;
      errors?: FieldError[];
      application?: ApplicationView;
      stale?: ApplicationView;
      preparation?: PreparationState;
    },
  ) =>
    ApplicationFormPage({
      ...(await frame(record, request, reply)),
      ...extra,
      employers: await employerOptions(record.tx, record.organisationId),
      disclosure: await disclosureOf(record, extra.values.employerId),
      preparation: extra.application ? (extra.preparation ?? { values: {} }) : undefined,
    });

  app.get(
    "/participants/:participantId/work/applications/new",
    write,
    recordRoute(door, "read", "application_form", async (record, request, reply) => {
      const prefill = await opportunityPrefill(record, uuidFrom(request.query, "opportunity"));
      return {
        page: await applicationPage(record, request, reply, { values: { status: "preparing", ...prefill } }),
      };
    }),
  );

  app.post(
    "/participants/:participantId/work/applications",
    write,
    recordFormPost(door, {
      what: "application",
      schema: () => applicationForm(today()),
      show: (record, request, reply, state: FormState<undefined>) =>
        applicationPage(record, request, reply, { values: state.values, errors: state.errors }),
      save: async (record, form) =>
        (await recordApplication(record, clock, form)).kind === "unknown_employer"
          ? invalid("employerId", "validation.application.employer")
          : saved(undefined),
      saved: (record) => `${workBase(record.participantId)}?notice=application`,
    }),
  );

  /** The application named in the path, on this record, or nothing. */
  const applicationIn = (record: ParticipantRecord, request: FastifyRequest) =>
    foundIn(request, "applicationId", (id) => findApplication(record, id));

  app.get(
    "/participants/:participantId/work/applications/:applicationId",
    write,
    recordRoute(door, "read", "application", async (record, request, reply) => {
      const found = await applicationIn(record, request);
      if (!found) return { notFound: true };
      return {
        page: await applicationPage(record, request, reply, {
          values: applicationValues(found),
          application: found,
        }),
      };
    }),
  );

  /**
   * A form posted about an application, checked before the record is opened: for writing when the
   * fields are right, else for reading to show them again.
   */
  const checkedRoute =
    <Form>(
      schema: () => ZodType<Form>,
      what: string,
      work: (
        record: ParticipantRecord,
        checked: CheckedForm<Form>,
        request: FastifyRequest,
        reply: FastifyReply,
      ) => Promise<RecordAnswer>,
    ) =>
    (request: FastifyRequest, reply: FastifyReply) => {
      const checked = checkForm(schema(), request);
      return recordRoute(door, checked.ok ? "write" : "read", what, (record, request, reply) =>
        work(record, checked, request, reply),
      )(request, reply);
    };

  // The record is opened for writing when the fields are right, even if the version is not: a
  // missing version asks for a reload beside the title.
  app.post(
    "/participants/:participantId/work/applications/:applicationId",
    write,
    checkedRoute(
      () => applicationForm(today()),
      "application",
      async (record, checked, request, reply): Promise<RecordAnswer> => {
        const values = checked.body;
        const basedOn = version.safeParse(values.version);
        const found = await applicationIn(record, request);
        if (!found) return { notFound: true };
        const t = translatorFor(request);
        const again = async (extra: Partial<Parameters<typeof applicationPage>[3]>, status: number) => ({
          page: await applicationPage(record, request, reply, { values, application: found, ...extra }),
          status,
        });
        if (!checked.ok || !basedOn.success) {
          const errors = [
            ...(checked.ok ? [] : checked.errors),
            ...(basedOn.success ? [] : [{ field: "title", message: t.t("validation.reload") }]),
          ];
          return again({ errors }, 400);
        }
        const outcome = await updateApplication(record, clock, found.id, checked.form, basedOn.data);
        switch (outcome.kind) {
          case "not_found":
            return { notFound: true };
          case "unknown_employer":
            return again(
              { errors: [{ field: "employerId", message: t.t("validation.application.employer") }] },
              400,
            );
          case "stale":
            // The form keeps what this person typed, now based on the version saved by the other.
            return again(
              {
                values: { ...values, version: outcome.current.version },
                application: outcome.current,
                stale: outcome.current,
              },
              409,
            );
          default:
            return { redirect: `${workBase(record.participantId)}?notice=application` };
        }
      },
    ),
  );

  app.post(
    "/participants/:participantId/work/applications/:applicationId/plan-actions",
    write,
    checkedRoute(
      () => preparationActionForm(today()),
      "application_plan_action",
      async (record, checked, request, reply): Promise<RecordAnswer> => {
        const found = await applicationIn(record, request);
        if (!found) return { notFound: true };
        const t = translatorFor(request);
        const again = async (preparation: PreparationState) => ({
          page: await applicationPage(record, request, reply, {
            values: applicationValues(found),
            application: found,
            preparation,
          }),
          status: 400,
        });
        const values = checked.body;
        if (!checked.ok) return again({ values, errors: checked.errors });
        const description = t.t(`work.application.prep.description.${checked.form.kind}`, {
          title: found.title,
          employer: found.employerName,
        });
        const outcome = await addPreparationAction(record, clock, { ...checked.form, description });
        if (outcome === "no_plan") return again({ values, refusal: "no_plan" });
        if (outcome === "not_on_care_team")
          return again({
            values,
            errors: [{ field: "owner", message: t.t("work.application.prep.notOnCareTeam") }],
          });
        return { redirect: `${workBase(record.participantId)}/applications/${found.id}?notice=action` };
      },
    ),
  );
}
