import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { pageContext, sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam, recordOpener } from "../../platform/http/participant";
import { ErrorPage } from "../../platform/web/error-pages";
import { type FieldError, fieldErrors, formBody } from "../../platform/web/forms";
import { registerContactsApi } from "./api";
import { registerAppointmentRoutes } from "./appointment-routes";
import { notFound, notice, read, recordPage, write } from "./request";
import { recordableNoteKinds } from "./rules";
import { addendumForm, contactForm, contactListQuery } from "./schema";
import { addAddendum, findContact, listContacts, recordContact } from "./service";
import { ContactFormPage, ContactListPage, ContactPage } from "./views";

const contactIdParam = (request: FastifyRequest) => {
  const parsed = z.uuid().safeParse((request.params as { contactId?: unknown }).contactId);
  return parsed.success ? parsed.data : undefined;
};

function registerPages(app: FastifyInstance, { door, clock }: AppDeps) {
  const open = recordOpener(door);

  app.get("/participants/:participantId/contacts", read, async (request, reply) => {
    const query = contactListQuery.parse(request.query ?? {});
    return open(request, "read", "contacts", async (record) => {
      const { rows, total, page } = await listContacts(record, query);
      const listPage = ContactListPage({
        ...(await recordPage(request, reply, record)),
        query: { ...query, page },
        rows,
        total,
        mayRecord: hasPermission(request.staff!.role, "participant.write"),
        notice: notice(request),
      });
      return () => sendPage(reply, listPage);
    });
  });

  const showForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ) =>
    open(request, "read", "contact_form", async (record) => {
      const formPage = ContactFormPage({
        ...(await recordPage(request, reply, record)),
        values,
        errors,
        recordableKinds: recordableNoteKinds(record),
      });
      return () => sendPage(reply, formPage, errors ? 400 : 200);
    });

  app.get("/participants/:participantId/contacts/new", write, async (request, reply) =>
    showForm(request, reply, {}),
  );

  app.post("/participants/:participantId/contacts", write, async (request, reply) => {
    const body = formBody(request.body);
    const t = translatorFor(request);
    const parsed = contactForm(clock.now()).safeParse(body);
    if (!parsed.success) return showForm(request, reply, body, fieldErrors(parsed.error, t, body));
    // Decided before the record is opened for writing, so a refused clinical note writes nothing.
    if (
      parsed.data.noteKind === "clinical" &&
      !hasPermission(request.staff!.role, "participant.read_clinical")
    ) {
      return showForm(request, reply, body, [
        { field: "noteKind", message: t.t("validation.contact.clinicalNotAllowed") },
      ]);
    }
    const participantId = participantIdParam(request);
    return open(request, "write", "contact", async (record) => {
      const outcome = await recordContact(record, clock, parsed.data);
      if (outcome.kind === "clinical_not_allowed")
        throw new Error("clinical note refused after the role check");
      // Nothing was written: the form comes back with the reason beside "with whom".
      if (outcome.kind === "no_employer_consent") {
        const errors = [{ field: "withWhom", message: t.t("validation.contact.noEmployerConsent") }];
        const formPage = ContactFormPage({
          ...(await recordPage(request, reply, record)),
          values: body,
          errors,
          recordableKinds: recordableNoteKinds(record),
        });
        return () => sendPage(reply, formPage, 400);
      }
      return () => reply.redirect(`/participants/${participantId}/contacts?notice=saved`);
    });
  });

  const showContact = (
    request: FastifyRequest,
    reply: FastifyReply,
    record: ParticipantRecord,
    found: NonNullable<Awaited<ReturnType<typeof findContact>>>,
    extra: { values?: Record<string, unknown>; errors?: FieldError[] } = {},
  ) =>
    recordPage(request, reply, record).then((page) => {
      const contactPage = ContactPage({ ...page, ...found, ...extra, notice: notice(request) });
      return () => sendPage(reply, contactPage, extra.errors ? 400 : 200);
    });

  app.get("/participants/:participantId/contacts/:contactId", read, async (request, reply) => {
    const contactId = contactIdParam(request);
    return open(request, "read", "contact", async (record) => {
      const found = contactId ? await findContact(record, contactId) : undefined;
      if (!found) return () => notFound(reply);
      return showContact(request, reply, record, found);
    });
  });

  app.post("/participants/:participantId/contacts/:contactId/addenda", write, async (request, reply) => {
    const contactId = contactIdParam(request);
    const body = formBody(request.body);
    const parsed = addendumForm.safeParse(body);
    const participantId = participantIdParam(request);
    return open(request, parsed.success ? "write" : "read", "contact_addendum", async (record) => {
      const found = contactId ? await findContact(record, contactId) : undefined;
      if (!contactId || !found) return () => notFound(reply);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error, translatorFor(request));
        return showContact(request, reply, record, found, { values: body, errors });
      }
      // The page offers no addendum form to someone who may not write this kind of note.
      if (!found.mayAddAddendum) {
        const refused = ErrorPage({ ...pageContext(request, reply), status: 403 });
        return () => sendPage(reply, refused, 403);
      }
      await addAddendum(record, clock, contactId, parsed.data.text);
      return () => reply.redirect(`/participants/${participantId}/contacts/${contactId}?notice=addendum`);
    });
  });
}

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerPages(app, deps);
  registerContactsApi(app, deps);
  registerAppointmentRoutes(app, deps);
}

export const contactsFeature: Feature = {
  name: "contacts",
  participantTabs: [
    { path: "/contacts", label: "contacts.tab", requires: "participant.read", order: 60 },
    { path: "/appointments", label: "appointments.tab", requires: "participant.read", order: 62 },
  ],
  ownPagesNavigation: [{ href: "/my/appointments", label: "ownAppointments.nav", order: 30 }],
  registerRoutes,
};
