import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps } from "../../platform/http/feature";
import { sendProblem } from "../../platform/http/problem";
import { createTranslator } from "../../platform/web/i18n";
import {
  attendanceOutcomes,
  CONTACTS_PAGE_SIZE,
  contactApiBody,
  contactListQuery,
  contactMethods,
  contactParties,
  noteKinds,
} from "./schema";
import { listContacts, recordContact } from "./service";

const english = createTranslator("en-GB");

const contactSchema = z.object({
  id: z.uuid(),
  occurredAt: z.date(),
  method: z.enum(contactMethods),
  withWhom: z.enum(contactParties),
  durationMinutes: z.number().int(),
  attendance: z.enum(attendanceOutcomes),
  noteKind: z.enum(noteKinds),
  note: z.string().nullable().describe("Null when the reader may not see this clinical note."),
  noteWithheld: z
    .enum(["no_consent", "role"])
    .nullable()
    .describe("Why the note is not shown: no consent to share clinical notes, or the reader's role."),
  faceToFaceEmployerContact: z.boolean(),
  recordedByName: z.string(),
  recordedAt: z.date(),
  addendumCount: z.number().int(),
});

const params = z.strictObject({ participantId: z.uuid() });

export function registerContactsApi(app: FastifyInstance, { door, clock }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/participants/:participantId/contacts",
    {
      config: { access: "participant.read" },
      schema: {
        summary: "A participant's contacts, newest first",
        description:
          "Filter by noteKind, withWhom and method; 25 a page. A clinical note the reader may not see is listed without its text.",
        tags: ["contacts"],
        params,
        querystring: contactListQuery,
        response: {
          200: z.object({
            items: z.array(contactSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const { rows, total, page } = await door.withParticipant(
        request.staff!,
        request.params.participantId,
        { purpose: "read", what: "contacts", ipAddress: request.ip },
        (record) => listContacts(record, request.query),
      );
      return {
        items: rows.map(({ sight, ...row }) => ({
          ...row,
          noteWithheld: sight.shown ? null : sight.because,
        })),
        total,
        page,
        pageSize: CONTACTS_PAGE_SIZE,
      };
    },
  );

  api.post(
    "/api/v1/participants/:participantId/contacts",
    {
      config: { access: "participant.write" },
      schema: {
        summary: "Record a contact and its note",
        description:
          "Notes cannot be changed afterwards. Only roles that may read clinical notes can record one (403 otherwise). A contact with an employer needs the person's consent to employers being contacted (422 otherwise).",
        tags: ["contacts"],
        params,
        body: contactApiBody(clock),
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const { occurredAt, ...rest } = request.body;
      if (rest.noteKind === "clinical" && !hasPermission(request.staff!.role, "participant.read_clinical")) {
        return sendProblem(reply, 403, english.t("validation.contact.clinicalNotAllowed"), {
          errors: [{ pointer: "/noteKind", detail: english.t("validation.contact.clinicalNotAllowed") }],
        });
      }
      const outcome = await door.withParticipant(
        request.staff!,
        request.params.participantId,
        { purpose: "write", what: "contact", ipAddress: request.ip },
        (record) => recordContact(record, clock, { ...rest, occurredAt: new Date(occurredAt) }),
      );
      if (outcome.kind === "no_employer_consent") {
        return sendProblem(reply, 422, english.t("validation.contact.noEmployerConsent"), {
          errors: [{ pointer: "/withWhom", detail: english.t("validation.contact.noEmployerConsent") }],
        });
      }
      if (outcome.kind !== "saved") {
        return sendProblem(reply, 403, english.t("validation.contact.clinicalNotAllowed"));
      }
      return reply.code(201).send({ id: outcome.id });
    },
  );
}
