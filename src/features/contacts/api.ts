import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { hasPermission } from "../../platform/access/roles";
import { apiTranslator, sendProblemWith } from "../../platform/http/api-answers";
import type { AppDeps } from "../../platform/http/feature";
import type { MessageKey } from "../../platform/web/i18n";
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

/** A refused contact: the reason as the problem's detail and beside the field it is about. */
function refused(reply: FastifyReply, status: 403 | 422, pointer: string, reason: MessageKey) {
  const detail = apiTranslator.t(reason);
  return sendProblemWith(reply, status, detail, { errors: [{ pointer, detail }] });
}

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
      if (rest.noteKind === "clinical" && !hasPermission(request.staff!.role, "participant.read_clinical"))
        return refused(reply, 403, "/noteKind", "validation.contact.clinicalNotAllowed");
      const outcome = await door.withParticipant(
        request.staff!,
        request.params.participantId,
        { purpose: "write", what: "contact", ipAddress: request.ip },
        (record) => recordContact(record, clock, { ...rest, occurredAt: new Date(occurredAt) }),
      );
      if (outcome.kind === "no_employer_consent")
        return refused(reply, 422, "/withWhom", "validation.contact.noEmployerConsent");
      if (outcome.kind !== "saved")
        return sendProblemWith(reply, 403, apiTranslator.t("validation.contact.clinicalNotAllowed"));
      return reply.code(201).send({ id: outcome.id });
    },
  );
}
