import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiTranslator, sendProblemWith, sendValidationProblem } from "../../platform/http/api-answers";
import type { AppDeps } from "../../platform/http/feature";
import { participantIdParam } from "../../platform/http/participant";
import { CASELOAD_PAGE_SIZE, caseloadPage } from "./caseload/service";
import { consentHistory, currentConsents, recordConsent } from "./consent/service";
import {
  caseloadQuery,
  consentForm,
  participantSearchBody,
  staffReferralForm,
  todayFrom,
} from "./record/forms";
import { createStaffReferral } from "./referrals/intake";
import {
  careTeamRoles,
  consentDecisions,
  consentMethods,
  consentPurposes,
  participantStages,
  sharedHealthInformationKinds,
} from "./schema";
import { participantSummary } from "./service";

const participantSummarySchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  teamId: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  nhsNumber: z.string().nullable(),
  stage: z.enum(participantStages),
  version: z.number().int(),
  careTeam: z.array(
    z.object({ staffId: z.uuid(), careTeamRole: z.enum(careTeamRoles), responsibility: z.string() }),
  ),
});

const consentEntrySchema = z.object({
  id: z.uuid(),
  purpose: z.enum(consentPurposes),
  decision: z.enum(consentDecisions),
  scope: z.array(z.enum(sharedHealthInformationKinds)),
  method: z.enum(consentMethods),
  note: z.string().nullable(),
  recordedAt: z.date(),
  recordedByName: z.string().nullable(),
});

const caseloadPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      nhsNumber: z.string().nullable(),
      stage: z.enum(participantStages),
      createdAt: z.date(),
      leadSpecialist: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const participantIdParams = z.strictObject({ participantId: z.uuid() });

export function registerParticipantsApi(app: FastifyInstance, { door, clock }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const today = todayFrom(clock);
  /** A page of the caseload, listed through the door: every list is an audit event. */
  const caseloadAnswer = async (
    request: Pick<FastifyRequest, "staff" | "ip">,
    what: string,
    query: Parameters<typeof caseloadPage>[1],
  ) => {
    const page = await door.withParticipantList(request.staff!, { what, ipAddress: request.ip }, (list) =>
      caseloadPage(list, query),
    );
    return { items: page.rows, total: page.total, page: page.page, pageSize: CASELOAD_PAGE_SIZE };
  };

  api.get(
    "/api/v1/participants",
    {
      config: { access: "caseload.own" },
      schema: {
        summary: "Your caseload: participants on whose care team you are (a team leader: their teams')",
        description:
          "Filter by stage, sort and page. To search by name or NHS number use POST /api/v1/participants/search, so the search never appears in a URL. Every list is an audit event.",
        tags: ["participants"],
        querystring: caseloadQuery.omit({ staffId: true, search: true }),
        response: { 200: caseloadPageSchema },
      },
    },
    async (request) => caseloadAnswer(request, "caseload", request.query),
  );

  api.post(
    "/api/v1/participants/search",
    {
      config: { access: "caseload.own" },
      schema: {
        summary: "Search your caseload by name (each word begins a first or last name) or by NHS number",
        description: "The search travels in the body so names and NHS numbers never appear in URLs or logs.",
        tags: ["participants"],
        body: participantSearchBody,
        response: { 200: caseloadPageSchema },
      },
    },
    async (request) => caseloadAnswer(request, "search", request.body),
  );

  api.get(
    "/api/v1/participants/:participantId",
    {
      config: { access: "participant.read" },
      schema: {
        summary: "A participant's summary and care team",
        description: "Opened through the access policy; every read is an audit event.",
        tags: ["participants"],
        params: participantIdParams,
        response: { 200: participantSummarySchema },
      },
    },
    async (request, reply) => {
      const summary = await door.withParticipant(
        request.staff!,
        participantIdParam(request),
        { purpose: "read", what: "summary", ipAddress: request.ip },
        participantSummary,
      );
      if (!summary) return sendProblemWith(reply, 404, "No participant has this identifier.");
      return summary;
    },
  );

  api.post(
    "/api/v1/referrals",
    {
      config: { access: "participant.refer" },
      schema: {
        summary: "Refer someone to an employment support team in your organisation",
        description:
          "Zero exclusion: nothing about a person's health, history or readiness is a reason to refuse. A possible duplicate (same NHS number, or same name and date of birth) answers 409; send `duplicateDecision` (`new`, or `link:<participantId>` from the pages) to go ahead.",
        tags: ["participants"],
        body: staffReferralForm(today),
        response: { 201: z.object({ participantId: z.uuid(), linked: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const outcome = await createStaffReferral(
        door,
        clock,
        request.staff!,
        request.body,
        request.ip,
        apiTranslator.t("referral.referrerResponsibility"),
      );
      if (outcome.kind === "unknown_team")
        return sendValidationProblem(reply, [
          { pointer: "/teamId", detail: apiTranslator.t("validation.participant.team") },
        ]);
      if (outcome.kind === "possible_duplicates")
        return sendProblemWith(
          reply,
          409,
          `${outcome.matches.length} record(s) in your organisation may be this person. Send duplicateDecision "new" to create a new record anyway.`,
        );
      return reply
        .code(201)
        .send({ participantId: outcome.participantId, linked: outcome.kind === "linked" });
    },
  );

  api.get(
    "/api/v1/participants/:participantId/consents",
    {
      config: { access: "participant.read" },
      schema: {
        summary: "A participant's consent decisions: the one in force per purpose, and the history",
        tags: ["participants"],
        params: participantIdParams,
        response: {
          200: z.object({
            current: z.record(z.enum(consentPurposes), consentEntrySchema.nullable()),
            history: z.array(consentEntrySchema),
          }),
        },
      },
    },
    async (request) => {
      const history = await door.withParticipant(
        request.staff!,
        participantIdParam(request),
        { purpose: "read", what: "consent", ipAddress: request.ip },
        consentHistory,
      );
      const current = currentConsents(history);
      return {
        current: Object.fromEntries(
          consentPurposes.map((purpose) => [purpose, current[purpose] ?? null]),
        ) as Record<(typeof consentPurposes)[number], (typeof history)[number] | null>,
        history,
      };
    },
  );

  api.post(
    "/api/v1/participants/:participantId/consents",
    {
      config: { access: "participant.write" },
      schema: {
        summary: "Record a consent decision (given, declined or withdrawn); it is in force at once",
        tags: ["participants"],
        params: participantIdParams,
        body: consentForm,
        response: { 201: z.object({ recorded: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await door.withParticipant(
        request.staff!,
        participantIdParam(request),
        { purpose: "write", what: "consent", ipAddress: request.ip },
        (record) => recordConsent(record, clock, request.body),
      );
      return reply.code(201).send({ recorded: true as const });
    },
  );
}
