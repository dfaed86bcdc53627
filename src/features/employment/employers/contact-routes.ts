import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../../platform/access/door";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { pageContext, sendPage, translatorFor } from "../../../platform/http/pages";
import { type RecordAnswer, recordFrame, recordRoute } from "../../../platform/http/record-page";
import type { FieldError } from "../../../platform/web/forms";
import { currentEmploymentSettings } from "../settings/service";
import { disclosureFor, mayContactEmployers } from "../work/disclosure";
import { NoConsentPage, ParticipantEmployerContactPage, SpecialistContactsPage } from "./contact-views";
import {
  contactLog,
  currentPeople,
  currentPerson,
  logParticipantEmployerContact,
  teamThisWeek,
  weeklyFaceToFace,
} from "./contacts";
import { participantEmployerContactForm } from "./forms";
import { employerOption, employerOptions } from "./options";
import { manageEmployers, readEmployers } from "./pages";
import { findEmployer } from "./service";

export function registerEmployerContactRoutes(app: FastifyInstance, { db, clock, door }: AppDeps) {
  app.get("/employer-contacts", readEmployers, async (request, reply) => {
    const staff = request.staff!;
    const weekly = await weeklyFaceToFace(db, clock, staff.staffId);
    const { weeklyEmployerContactTarget } = await currentEmploymentSettings(db, staff.organisationId);
    const team = staff.role === "team_leader" ? await teamThisWeek(db, clock, staff) : null;
    const log = await contactLog(db, staff.staffId, weekly.weeks[0]!.start);
    return sendPage(
      reply,
      SpecialistContactsPage({
        ...pageContext(request, reply),
        weekly,
        target: weeklyEmployerContactTarget,
        team,
        log,
      }),
    );
  });

  /** The form, with the chosen employer's people and what it may be told, inside the door. */
  const formPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    employerId: string | undefined,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ): Promise<RecordAnswer> => {
    const organisationId = request.staff!.organisationId;
    const employers = await employerOptions(record.tx, organisationId);
    const chosenEmployer = employerId ? await findEmployer(record.tx, organisationId, employerId) : undefined;
    const chosen = chosenEmployer && {
      employer: chosenEmployer,
      people: await currentPeople(record.tx, chosenEmployer.id),
      disclosure: await disclosureFor(record, chosenEmployer.id),
    };
    const page = ParticipantEmployerContactPage({
      ...(await recordFrame(record, request, reply)),
      employers,
      chosen,
      values,
      errors,
    });
    return { page, status: errors ? 400 : 200 };
  };

  const refused = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<RecordAnswer> => ({
    page: NoConsentPage(await recordFrame(record, request, reply)),
    status: 403,
  });

  app.get(
    "/participants/:participantId/work/employer-contacts/new",
    manageEmployers,
    recordRoute(door, "read", "employer_contact_form", async (record, request, reply) => {
      const employerId = (request.query as { employer?: unknown } | undefined)?.employer;
      if (!(await mayContactEmployers(record))) return refused(record, request, reply);
      const chosen =
        typeof employerId === "string" && /^[0-9a-f-]{36}$/i.test(employerId)
          ? await employerOption(record.tx, request.staff!.organisationId, employerId)
          : undefined;
      return formPage(record, request, reply, chosen?.id, { occurredOn: calendarDateAt(clock.now()) });
    }),
  );

  app.post(
    "/participants/:participantId/work/employer-contacts",
    manageEmployers,
    recordRoute(door, "write", "employer_contact", async (record, request, reply) => {
      // Without consent nothing is written, whatever was posted.
      if (!(await mayContactEmployers(record))) return refused(record, request, reply);
      const t = translatorFor(request);
      const checked = checkForm(participantEmployerContactForm(calendarDateAt(clock.now())), request);
      const body = checked.body;
      const organisationId = request.staff!.organisationId;
      const employerId = typeof body.employerId === "string" ? body.employerId : "";
      const chosen = /^[0-9a-f-]{36}$/i.test(employerId)
        ? await findEmployer(record.tx, organisationId, employerId)
        : undefined;
      if (!chosen || !checked.ok) {
        const errors = checked.ok ? [] : checked.errors;
        if (!chosen && !errors.some((error) => error.field === "employerId"))
          errors.unshift({ field: "employerId", message: t.t("validation.employerContact.employer") });
        return formPage(record, request, reply, chosen?.id, body, errors);
      }
      const form = checked.form;
      const person = await currentPerson(record.tx, chosen.id, form.contactPersonId);
      if (!person && !form.withWhom) {
        const errors = [{ field: "withWhom", message: t.t("validation.employerContact.whoMissing") }];
        return formPage(record, request, reply, chosen.id, body, errors);
      }
      const note =
        t.t("employerContact.participant.note", {
          type: t.t(`employerContact.type.${form.contactType}`),
          employer: chosen.name,
          outcome: form.outcome,
        }) + (form.nextStep ? t.t("employerContact.participant.noteNext", { nextStep: form.nextStep }) : "");
      const outcome = await logParticipantEmployerContact(
        record,
        clock,
        chosen,
        { ...form, contactPersonId: person?.id },
        note,
      );
      if (outcome.kind === "no_consent") return refused(record, request, reply);
      return { redirect: `/participants/${record.participantId}/work?notice=employerContact` };
    }),
  );
}
