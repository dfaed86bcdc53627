import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { type FormState, recordFormPost } from "../../platform/http/form-post";
import { uuidParam } from "../../platform/http/params";
import { notFoundAnswer, read, recordFrame, recordRoute, write } from "../../platform/http/record-page";
import { invalid } from "../../platform/outcome";
import { registerContactsApi } from "./api";
import { registerAppointmentRoutes } from "./appointment-routes";
import { recordableNoteKinds } from "./rules";
import { addendumForm, contactForm, contactListQuery, refusingClinicalNotes } from "./schema";
import {
  type AddendumOutcome,
  addAddendum,
  findContact,
  lastContactAtMsOf,
  listContacts,
  recordContact,
} from "./service";
import { ContactFormPage, ContactListPage, ContactPage, contactNotices, contactsBase } from "./views";

const frame = (record: ParticipantRecord, request: FastifyRequest, reply: FastifyReply) =>
  recordFrame(record, request, reply, contactNotices);

/** The contact named in the path, if it is on this record. */
async function contactIn(record: ParticipantRecord, request: FastifyRequest) {
  const contactId = uuidParam(request, "contactId");
  return contactId ? findContact(record, contactId) : undefined;
}

function registerPages(app: FastifyInstance, { door, clock }: AppDeps) {
  const base = "/participants/:participantId/contacts";

  app.get(
    base,
    read,
    recordRoute(door, "read", "contacts", async (record, request, reply) => {
      const query = contactListQuery.parse(request.query ?? {});
      const { rows, total, page } = await listContacts(record, query);
      return {
        page: ContactListPage({
          ...(await frame(record, request, reply)),
          query: { ...query, page },
          rows,
          total,
          mayRecord: hasPermission(request.staff!.role, "participant.write"),
        }),
      };
    }),
  );

  const formPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState<undefined>,
  ) =>
    ContactFormPage({
      ...(await frame(record, request, reply)),
      values: state.values,
      errors: state.errors,
      recordableKinds: recordableNoteKinds(record),
    });

  app.get(
    `${base}/new`,
    write,
    recordRoute(door, "read", "contact_form", async (record, request, reply) => ({
      page: await formPage(record, request, reply, { values: {} }),
    })),
  );

  app.post(
    base,
    write,
    recordFormPost(door, {
      what: "contact",
      refusedWhat: "contact_form",
      schema: (request) => refusingClinicalNotes(contactForm(clock.now()), request.staff!.role),
      show: formPage,
      save: async (record, form) => {
        const outcome = await recordContact(record, clock, form);
        if (outcome.kind === "clinical_not_allowed")
          throw new Error("clinical note refused after the role check");
        // Nothing was written: the form comes back with the reason beside "with whom".
        if (outcome.kind === "no_employer_consent")
          return invalid("withWhom", "validation.contact.noEmployerConsent");
        return outcome;
      },
      saved: (record) => `${contactsBase(record.participantId)}?notice=saved`,
    }),
  );

  const contactPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof findContact>>>,
    state: Partial<FormState<undefined>> = {},
  ) =>
    ContactPage({
      ...(await frame(record, request, reply)),
      ...found,
      values: state.values,
      errors: state.errors,
    });

  app.get(
    `${base}/:contactId`,
    read,
    recordRoute(door, "read", "contact", async (record, request, reply) => {
      const found = await contactIn(record, request);
      if (!found) return notFoundAnswer;
      return { page: await contactPage(record, request, reply, found) };
    }),
  );

  app.post(
    `${base}/:contactId/addenda`,
    write,
    recordFormPost<{ text: string }, undefined, AddendumOutcome>(door, {
      what: "contact_addendum",
      schema: addendumForm,
      before: async (record, request) => ((await contactIn(record, request)) ? undefined : notFoundAnswer),
      show: async (record, request, reply, state) =>
        contactPage(record, request, reply, (await contactIn(record, request))!, state),
      save: (record, form, _version, request) =>
        addAddendum(record, clock, uuidParam(request, "contactId")!, form.text),
      saved: (record, _saved, request) =>
        `${contactsBase(record.participantId)}/${uuidParam(request, "contactId")}?notice=addendum`,
      // The page offers no addendum form to someone who may not write this kind of note.
      other: async () => ({ forbidden: true }),
    }),
  );
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
  /** The caseload's "last contact": when each listed person was last in contact with the team. */
  caseloadColumns: { lastContactMs: lastContactAtMsOf },
  registerRoutes,
};
