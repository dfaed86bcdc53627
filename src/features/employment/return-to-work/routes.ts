import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { type FormState, recordFormPost } from "../../../platform/http/form-post";
import { translatorFor } from "../../../platform/http/pages";
import { uuidParam } from "../../../platform/http/params";
import { type RecordAnswer, read, recordFrame, recordRoute, write } from "../../../platform/http/record-page";
import { invalid, saved } from "../../../platform/outcome";
import {
  type FieldError,
  type FormBody,
  formBody,
  translateIssue,
  withDateProblems,
} from "../../../platform/web/forms";
import { employerOption, employerOptions } from "../employers/options";
import { disclosureFor, mayContactEmployers } from "../work/disclosure";
import {
  type AbsenceForm,
  absenceEditForm,
  absenceForm,
  MAX_PHASED_WEEKS,
  readPlanForm,
  weekCount,
} from "./forms";
import { PlanFormPage, planValues } from "./plan-views";
import { EmployerPrintPage } from "./print-view";
import { employerSharingBlock } from "./rules";
import {
  type AbsenceView,
  findAbsence,
  findPlan,
  listAbsences,
  personName,
  recordAbsence,
  referralAbsence,
  savePlan,
  updateAbsence,
} from "./service";
import { returnToWorkBase } from "./shared";
import { AbsenceFormPage, ReturnToWorkPage, returnToWorkNotices, SharingBlockedPage } from "./views";

// The Return to work tab: sickness absences from a job the person holds, the plan for each
// agreed with the employer, and that plan printed for the employer with only what the person
// agreed to disclose. Everything reaches the record through the door.

export function registerReturnToWorkRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const today = () => calendarDateAt(clock.now());
  const base = "/participants/:participantId/return-to-work";
  const frame = (record: ParticipantRecord, request: FastifyRequest, reply: FastifyReply) =>
    recordFrame(record, request, reply, returnToWorkNotices);
  // A saved form goes back to the tab with its notice, answered 303 See Other as it always has been.
  const savedPath = (record: ParticipantRecord, notice: keyof typeof returnToWorkNotices) =>
    `${returnToWorkBase(record.participantId)}?notice=${notice}`;

  app.get(
    base,
    read,
    recordRoute(door, "read", "return_to_work", async (record, request, reply) => {
      const absences = await listAbsences(record);
      const referral = absences.length === 0 ? await referralAbsence(record) : undefined;
      return {
        page: ReturnToWorkPage({
          ...(await frame(record, request, reply)),
          absences,
          today: today(),
          offer: referral?.employerName ? referral : undefined,
          mayWrite: hasPermission(request.staff!.role, "participant.write"),
          mayContactEmployers:
            absences.some((absence) => absence.plan) && (await mayContactEmployers(record)),
        }),
      };
    }),
  );

  const absenceFormPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Omit<Parameters<typeof AbsenceFormPage>[0], keyof Awaited<ReturnType<typeof frame>> | "employers">,
  ) =>
    AbsenceFormPage({
      ...(await frame(record, request, reply)),
      employers: await employerOptions(record.tx, record.organisationId),
      ...extra,
    });

  app.get(
    `${base}/absences/new`,
    write,
    recordRoute(door, "read", "sickness_absence_form", async (record, request, reply) => {
      const fromReferral = (request.query as { from?: string }).from === "referral";
      const referral = fromReferral ? await referralAbsence(record) : undefined;
      if (!referral?.employerName)
        return { page: await absenceFormPage(record, request, reply, { values: {} }) };
      // The referral names the employer in the referrer's words: match one of ours by name, or
      // say it is not there yet so they can add it (or pick another).
      const wanted = referral.employerName.trim().toLowerCase();
      const match = (await employerOptions(record.tx, record.organisationId)).find(
        (option) => option.name.trim().toLowerCase() === wanted,
      );
      return {
        page: await absenceFormPage(record, request, reply, {
          values: { employerId: match?.id, startedOn: referral.absenceStartDate ?? "" },
          unmatchedEmployer: match ? undefined : referral.employerName,
        }),
      };
    }),
  );

  /** The employer must be one of the organisation's: refused beside the field otherwise. */
  const unknownEmployer = async (record: ParticipantRecord, form: AbsenceForm) =>
    (await employerOption(record.tx, record.organisationId, form.employerId)) === undefined
      ? invalid("employerId", "validation.returnToWork.employer")
      : undefined;

  app.post(
    `${base}/absences`,
    write,
    recordFormPost(door, {
      what: "sickness_absence",
      schema: () => absenceForm({ today: today() }),
      show: (record, request, reply, state: FormState<undefined>) =>
        absenceFormPage(record, request, reply, { values: state.values, errors: state.errors }),
      save: async (record, form) => {
        const refused = await unknownEmployer(record, form);
        if (refused) return refused;
        await recordAbsence(record, clock, form);
        return saved(undefined);
      },
      saved: (record) => savedPath(record, "absence"),
      redirectStatus: 303,
    }),
  );

  const absenceIn = async (record: ParticipantRecord, request: FastifyRequest) => {
    const absenceId = uuidParam(request, "absenceId");
    return absenceId ? findAbsence(record, absenceId) : undefined;
  };

  /** A page about the absence named in the path: 404 when it is not on this record. */
  const withAbsence = (
    purpose: "read" | "write",
    what: string,
    work: (
      record: ParticipantRecord,
      absence: AbsenceView,
      request: FastifyRequest,
      reply: FastifyReply,
    ) => Promise<RecordAnswer>,
  ) =>
    recordRoute(door, purpose, what, async (record, request, reply) => {
      const absence = await absenceIn(record, request);
      if (!absence) return { notFound: true };
      return work(record, absence, request, reply);
    });

  app.get(
    `${base}/absences/:absenceId`,
    write,
    withAbsence("read", "sickness_absence_form", async (record, absence, request, reply) => ({
      page: await absenceFormPage(record, request, reply, {
        absence,
        values: { ...absence, endedOn: absence.endedOn ?? "" },
      }),
    })),
  );

  app.post(
    `${base}/absences/:absenceId`,
    write,
    recordFormPost(door, {
      what: "sickness_absence",
      schema: () => absenceEditForm({ today: today() }),
      before: async (record, request) =>
        (await absenceIn(record, request)) ? undefined : { notFound: true },
      show: async (record, request, reply, state: FormState<AbsenceView>) =>
        absenceFormPage(record, request, reply, {
          absence: (await absenceIn(record, request))!,
          values: state.values,
          errors: state.errors,
          conflict: state.conflict,
        }),
      save: async (record, { version, ...form }, _version, request) => {
        const refused = await unknownEmployer(record, form);
        if (refused) return refused;
        return updateAbsence(record, uuidParam(request, "absenceId")!, version, form);
      },
      saved: (record) => savedPath(record, "absence"),
      redirectStatus: 303,
    }),
  );

  const planFormPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    absence: AbsenceView,
    extra: { values: Record<string, unknown>; errors?: FieldError[]; conflict?: AbsenceView["plan"] },
    status = 200,
  ): Promise<RecordAnswer> => {
    const consented = await mayContactEmployers(record);
    const page = PlanFormPage({
      ...(await frame(record, request, reply)),
      absence,
      block: consented ? null : "no_consent",
      values: extra.values,
      errors: extra.errors,
      conflict: extra.conflict ?? undefined,
    });
    return { page, status };
  };

  app.get(
    `${base}/absences/:absenceId/plan`,
    write,
    withAbsence("read", "return_to_work_plan_form", (record, absence, request, reply) =>
      planFormPage(record, request, reply, absence, {
        values: absence.plan ? planValues(absence.plan) : { returnOn: absence.endedOn ?? "" },
      }),
    ),
  );

  // Adding or removing a week row redraws the form with what was typed, saving nothing.
  const redrawWeeks = withAbsence("read", "return_to_work_plan_form", (record, absence, request, reply) => {
    const body = formBody(request.body);
    const count = Math.min(
      MAX_PHASED_WEEKS,
      Math.max(0, weekCount(body) + (body.action === "addWeek" ? 1 : -1)),
    );
    const advice = [body.advice ?? []].flat();
    return planFormPage(record, request, reply, absence, {
      values: {
        ...body,
        weekCount: String(count),
        advice: count > 0 && !advice.includes("phased_return") ? [...advice, "phased_return"] : advice,
      },
    });
  });

  const savePlanForm = withAbsence(
    "write",
    "return_to_work_plan",
    async (record, absence, request, reply) => {
      const body = formBody(request.body);
      const read = readPlanForm(body, { today: today(), absenceStartedOn: absence.startedOn });
      const errors = planErrors(read, body, translatorFor(request));
      if (read.ok && (read.plan.agreedOn || read.plan.agreedWithEmployerBy)) {
        const block = employerSharingBlock({
          mayContactEmployers: await mayContactEmployers(record),
          participantAgreed: read.plan.participantAgreed,
        });
        if (block)
          errors.push({
            field: block === "no_consent" ? "agreedWithEmployerBy" : "participantAgreed",
            message: translatorFor(request).t(`returnToWork.block.${block}`),
          });
      }
      if (!read.ok || errors.length > 0)
        return planFormPage(record, request, reply, absence, { values: body, errors }, 400);
      const posted = Number(body.version);
      const basedOn = absence.plan ? (Number.isInteger(posted) ? posted : -1) : null;
      const outcome = await savePlan(record, clock, absence, basedOn, read.plan);
      if (outcome.kind === "not_found") return { notFound: true };
      if (outcome.kind === "stale")
        return planFormPage(
          record,
          request,
          reply,
          absence,
          { values: body, conflict: outcome.current.plan },
          409,
        );
      return { redirect: savedPath(record, "plan"), status: 303 };
    },
  );

  app.post(`${base}/absences/:absenceId/plan`, write, async (request, reply) => {
    const action = formBody(request.body).action;
    return action === "addWeek" || action === "removeWeek"
      ? redrawWeeks(request, reply)
      : savePlanForm(request, reply);
  });

  app.get(
    `${base}/plans/:planId/print`,
    read,
    recordRoute(door, "read", "return_to_work_plan_print", async (record, request, reply) => {
      const planId = uuidParam(request, "planId");
      const found = planId ? await findPlan(record, planId) : undefined;
      if (!found?.plan) return { notFound: true };
      const block = employerSharingBlock({
        mayContactEmployers: await mayContactEmployers(record),
        participantAgreed: found.plan.participantAgreed,
      });
      if (block)
        return { page: SharingBlockedPage({ ...(await frame(record, request, reply)), block }), status: 403 };
      return {
        page: EmployerPrintPage({
          t: translatorFor(request),
          name: await personName(record),
          employerName: found.employerName,
          plan: found.plan,
          // The employer named on the page is the one whose disclosure choice applies.
          disclosure: await disclosureFor(record, found.employerId),
          printedOn: clock.now(),
          backHref: returnToWorkBase(record.participantId),
        }),
      };
    }),
  );
}

/** The plan form's problems, one per field, in the reader's words (date problems included). */
function planErrors(
  read: ReturnType<typeof readPlanForm>,
  body: FormBody,
  t: ReturnType<typeof translatorFor>,
): FieldError[] {
  if (read.ok) return [];
  return withDateProblems(
    [
      ...read.issues.map((issue) => ({
        field: String(issue.path[0] ?? "form"),
        message: translateIssue(issue, t),
      })),
      ...read.weekErrors.map((error) => ({
        field: error.field,
        message: t.t(error.message, { week: error.week ?? "" }),
      })),
    ].filter((error, index, all) => all.findIndex((other) => other.field === error.field) === index),
    body,
    t,
  );
}
