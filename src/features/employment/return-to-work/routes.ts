import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../../platform/access/door";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { sendPage, translatorFor } from "../../../platform/http/pages";
import { uuidParam } from "../../../platform/http/params";
import { participantIdParam, recordOpener } from "../../../platform/http/participant";
import {
  type FieldError,
  fieldErrors,
  formBody,
  translateIssue,
  withDateProblems,
} from "../../../platform/web/forms";
import { notFound, notice, read, recordPage, write } from "../../contacts/request";
import { employerOption, employerOptions } from "../employers/options";
import { disclosureFor, mayContactEmployers } from "../work/disclosure";
import { absenceEditForm, absenceForm, MAX_PHASED_WEEKS, readPlanForm, weekCount } from "./forms";
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
import { AbsenceFormPage, ReturnToWorkPage, SharingBlockedPage } from "./views";

// The Return to work tab: sickness absences from a job the person holds, the plan for each
// agreed with the employer, and that plan printed for the employer with only what the person
// agreed to disclose. Everything reaches the record through the door.

export function registerReturnToWorkRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const today = () => calendarDateAt(clock.now());
  const open = recordOpener(door);
  const base = "/participants/:participantId/return-to-work";

  app.get(base, read, async (request, reply) =>
    open(request, "read", "return_to_work", async (record) => {
      const absences = await listAbsences(record);
      const referral = absences.length === 0 ? await referralAbsence(record) : undefined;
      const page = ReturnToWorkPage({
        ...(await recordPage(request, reply, record)),
        absences,
        today: today(),
        offer: referral?.employerName ? referral : undefined,
        mayWrite: hasPermission(request.staff!.role, "participant.write"),
        mayContactEmployers: absences.some((absence) => absence.plan) && (await mayContactEmployers(record)),
        notice: notice(request),
      });
      return () => sendPage(reply, page);
    }),
  );

  const absenceFormPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    extra: Omit<
      Parameters<typeof AbsenceFormPage>[0],
      keyof Awaited<ReturnType<typeof recordPage>> | "employers"
    >,
    status: number,
  ) => {
    const page = AbsenceFormPage({
      ...(await recordPage(request, reply, record)),
      employers: await employerOptions(record.tx, record.organisationId),
      ...extra,
    });
    return () => sendPage(reply, page, status);
  };

  app.get(`${base}/absences/new`, write, async (request, reply) =>
    open(request, "read", "sickness_absence_form", async (record) => {
      const fromReferral = (request.query as { from?: string }).from === "referral";
      const referral = fromReferral ? await referralAbsence(record) : undefined;
      if (!referral?.employerName) return absenceFormPage(request, reply, record, { values: {} }, 200);
      // The referral names the employer in the referrer's words: match one of ours by name, or
      // say it is not there yet so they can add it (or pick another).
      const wanted = referral.employerName.trim().toLowerCase();
      const match = (await employerOptions(record.tx, record.organisationId)).find(
        (option) => option.name.trim().toLowerCase() === wanted,
      );
      return absenceFormPage(
        request,
        reply,
        record,
        {
          values: { employerId: match?.id, startedOn: referral.absenceStartDate ?? "" },
          unmatchedEmployer: match ? undefined : referral.employerName,
        },
        200,
      );
    }),
  );

  const checkEmployer = async (record: ParticipantRecord, employerId: string) =>
    (await employerOption(record.tx, record.organisationId, employerId)) !== undefined;

  app.post(`${base}/absences`, write, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = absenceForm({ today: today() }).safeParse(body);
    const participantId = participantIdParam(request);
    return open(request, parsed.success ? "write" : "read", "sickness_absence", async (record) => {
      const t = translatorFor(request);
      const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error, t, body);
      if (parsed.success && !(await checkEmployer(record, parsed.data.employerId)))
        errors.push({ field: "employerId", message: t.t("validation.returnToWork.employer") });
      if (!parsed.success || errors.length > 0)
        return absenceFormPage(request, reply, record, { values: body, errors }, 400);
      await recordAbsence(record, clock, parsed.data);
      return () => reply.redirect(`${returnToWorkBase(participantId)}?notice=absence`, 303);
    });
  });

  const withAbsence = (
    request: FastifyRequest,
    reply: FastifyReply,
    purpose: "read" | "write",
    what: string,
    work: (record: ParticipantRecord, absence: AbsenceView) => Promise<() => FastifyReply>,
  ) => {
    const absenceId = uuidParam(request, "absenceId");
    return open(request, purpose, what, async (record) => {
      const absence = absenceId ? await findAbsence(record, absenceId) : undefined;
      if (!absence) return () => notFound(reply);
      return work(record, absence);
    });
  };

  app.get(`${base}/absences/:absenceId`, write, async (request, reply) =>
    withAbsence(request, reply, "read", "sickness_absence_form", (record, absence) =>
      absenceFormPage(
        request,
        reply,
        record,
        { absence, values: { ...absence, endedOn: absence.endedOn ?? "" } },
        200,
      ),
    ),
  );

  app.post(`${base}/absences/:absenceId`, write, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = absenceEditForm({ today: today() }).safeParse(body);
    const participantId = participantIdParam(request);
    return withAbsence(
      request,
      reply,
      parsed.success ? "write" : "read",
      "sickness_absence",
      async (record, absence) => {
        const t = translatorFor(request);
        const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error, t, body);
        if (parsed.success && !(await checkEmployer(record, parsed.data.employerId)))
          errors.push({ field: "employerId", message: t.t("validation.returnToWork.employer") });
        if (!parsed.success || errors.length > 0)
          return absenceFormPage(request, reply, record, { absence, values: body, errors }, 400);
        const { version, ...form } = parsed.data;
        const outcome = await updateAbsence(record, absence.id, version, form);
        if (outcome.kind === "not_found") return () => notFound(reply);
        if (outcome.kind === "stale")
          return absenceFormPage(
            request,
            reply,
            record,
            { absence, values: body, conflict: outcome.current },
            409,
          );
        return () => reply.redirect(`${returnToWorkBase(participantId)}?notice=absence`, 303);
      },
    );
  });

  const planFormPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    absence: AbsenceView,
    extra: { values: Record<string, unknown>; errors?: FieldError[]; conflict?: AbsenceView["plan"] },
    status: number,
  ) => {
    const consented = await mayContactEmployers(record);
    const page = PlanFormPage({
      ...(await recordPage(request, reply, record)),
      absence,
      block: consented ? null : "no_consent",
      values: extra.values,
      errors: extra.errors,
      conflict: extra.conflict ?? undefined,
    });
    return () => sendPage(reply, page, status);
  };

  app.get(`${base}/absences/:absenceId/plan`, write, async (request, reply) =>
    withAbsence(request, reply, "read", "return_to_work_plan_form", (record, absence) =>
      planFormPage(
        request,
        reply,
        record,
        absence,
        { values: absence.plan ? planValues(absence.plan) : { returnOn: absence.endedOn ?? "" } },
        200,
      ),
    ),
  );

  app.post(`${base}/absences/:absenceId/plan`, write, async (request, reply) => {
    const body = formBody(request.body);
    const participantId = participantIdParam(request);
    const action = body.action;
    // Adding or removing a week row redraws the form with what was typed, saving nothing.
    if (action === "addWeek" || action === "removeWeek") {
      const count = Math.min(
        MAX_PHASED_WEEKS,
        Math.max(0, weekCount(body) + (action === "addWeek" ? 1 : -1)),
      );
      const advice = [body.advice ?? []].flat();
      return withAbsence(request, reply, "read", "return_to_work_plan_form", (record, absence) =>
        planFormPage(
          request,
          reply,
          record,
          absence,
          {
            values: {
              ...body,
              weekCount: String(count),
              advice: count > 0 && !advice.includes("phased_return") ? [...advice, "phased_return"] : advice,
            },
          },
          200,
        ),
      );
    }
    return withAbsence(request, reply, "write", "return_to_work_plan", async (record, absence) => {
      const t = translatorFor(request);
      const read = readPlanForm(body, { today: today(), absenceStartedOn: absence.startedOn });
      const errors: FieldError[] = read.ok
        ? []
        : withDateProblems(
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
      if (read.ok && (read.plan.agreedOn || read.plan.agreedWithEmployerBy)) {
        const block = employerSharingBlock({
          mayContactEmployers: await mayContactEmployers(record),
          participantAgreed: read.plan.participantAgreed,
        });
        if (block)
          errors.push({
            field: block === "no_consent" ? "agreedWithEmployerBy" : "participantAgreed",
            message: t.t(`returnToWork.block.${block}`),
          });
      }
      if (!read.ok || errors.length > 0)
        return planFormPage(request, reply, record, absence, { values: body, errors }, 400);
      const posted = Number(body.version);
      const basedOn = absence.plan ? (Number.isInteger(posted) ? posted : -1) : null;
      const outcome = await savePlan(record, clock, absence, basedOn, read.plan);
      if (outcome.kind === "not_found") return () => notFound(reply);
      if (outcome.kind === "stale")
        return planFormPage(
          request,
          reply,
          record,
          absence,
          { values: body, conflict: outcome.current.plan },
          409,
        );
      return () => reply.redirect(`${returnToWorkBase(participantId)}?notice=plan`, 303);
    });
  });

  app.get(`${base}/plans/:planId/print`, read, async (request, reply) => {
    const planId = uuidParam(request, "planId");
    return open(request, "read", "return_to_work_plan_print", async (record) => {
      const found = planId ? await findPlan(record, planId) : undefined;
      if (!found?.plan) return () => notFound(reply);
      const block = employerSharingBlock({
        mayContactEmployers: await mayContactEmployers(record),
        participantAgreed: found.plan.participantAgreed,
      });
      if (block) {
        const page = SharingBlockedPage({ ...(await recordPage(request, reply, record)), block });
        return () => sendPage(reply, page, 403);
      }
      const page = EmployerPrintPage({
        t: translatorFor(request),
        name: await personName(record),
        employerName: found.employerName,
        plan: found.plan,
        // The employer named on the page is the one whose disclosure choice applies.
        disclosure: await disclosureFor(record, found.employerId),
        printedOn: clock.now(),
        backHref: returnToWorkBase(record.participantId),
      });
      return () => sendPage(reply, page);
    });
  });
}
