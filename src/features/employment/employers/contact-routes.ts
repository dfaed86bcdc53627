import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../../platform/access/door";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../../platform/http/pages";
import { participantIdParam, recordOpener } from "../../../platform/http/participant";
import { type FieldError, fieldErrors, formBody } from "../../../platform/web/forms";
import { participantBanner } from "../../participants/service";
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
import { manageEmployers, readEmployers } from "./routes";
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

  const open = recordOpener(door);

  const recordFrame = async (request: FastifyRequest, reply: FastifyReply, record: ParticipantRecord) => ({
    ...pageContext(request, reply),
    participant: await participantBanner(record, translatorFor(request)),
    tabs: participantTabs(request, record.participantId),
  });

  /** The form, with the chosen employer's people and what it may be told, inside the door. */
  const formPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    employerId: string | undefined,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ) => {
    const organisationId = request.staff!.organisationId;
    const employers = await employerOptions(record.tx, organisationId);
    const chosenEmployer = employerId ? await findEmployer(record.tx, organisationId, employerId) : undefined;
    const chosen = chosenEmployer && {
      employer: chosenEmployer,
      people: await currentPeople(record.tx, chosenEmployer.id),
      disclosure: await disclosureFor(record, chosenEmployer.id),
    };
    const page = ParticipantEmployerContactPage({
      ...(await recordFrame(request, reply, record)),
      employers,
      chosen,
      values,
      errors,
    });
    return () => sendPage(reply, page, errors ? 400 : 200);
  };

  const refused = async (request: FastifyRequest, reply: FastifyReply, record: ParticipantRecord) => {
    const page = NoConsentPage(await recordFrame(request, reply, record));
    return () => sendPage(reply, page, 403);
  };

  app.get(
    "/participants/:participantId/work/employer-contacts/new",
    manageEmployers,
    async (request, reply) => {
      const employerId = (request.query as { employer?: unknown } | undefined)?.employer;
      return open(request, "read", "employer_contact_form", async (record) => {
        if (!(await mayContactEmployers(record))) return refused(request, reply, record);
        const chosen =
          typeof employerId === "string" && /^[0-9a-f-]{36}$/i.test(employerId)
            ? await employerOption(record.tx, request.staff!.organisationId, employerId)
            : undefined;
        return formPage(request, reply, record, chosen?.id, { occurredOn: calendarDateAt(clock.now()) });
      });
    },
  );

  app.post("/participants/:participantId/work/employer-contacts", manageEmployers, async (request, reply) => {
    const body = formBody(request.body);
    const t = translatorFor(request);
    const participantId = participantIdParam(request);
    return open(request, "write", "employer_contact", async (record) => {
      // Without consent nothing is written, whatever was posted.
      if (!(await mayContactEmployers(record))) return refused(request, reply, record);
      const organisationId = request.staff!.organisationId;
      const employerId = typeof body.employerId === "string" ? body.employerId : "";
      const chosen = /^[0-9a-f-]{36}$/i.test(employerId)
        ? await findEmployer(record.tx, organisationId, employerId)
        : undefined;
      const parsed = participantEmployerContactForm(calendarDateAt(clock.now())).safeParse(body);
      if (!chosen || !parsed.success) {
        const errors = parsed.success ? [] : fieldErrors(parsed.error, t, body);
        if (!chosen && !errors.some((error) => error.field === "employerId"))
          errors.unshift({ field: "employerId", message: t.t("validation.employerContact.employer") });
        return formPage(request, reply, record, chosen?.id, body, errors);
      }
      const form = parsed.data;
      const person = await currentPerson(record.tx, chosen.id, form.contactPersonId);
      if (!person && !form.withWhom) {
        const errors = [{ field: "withWhom", message: t.t("validation.employerContact.whoMissing") }];
        return formPage(request, reply, record, chosen.id, body, errors);
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
      if (outcome.kind === "no_consent") return refused(request, reply, record);
      return () => reply.redirect(`/participants/${participantId}/work?notice=employerContact`);
    });
  });
}
