import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AccessRefusedError, ParticipantNotFoundError } from "../../platform/access/door";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { sendProblem } from "../../platform/http/problem";
import { careTeamRoles, participantStages } from "./schema";
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

function registerRoutes(app: FastifyInstance, { door }: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/participants/:participantId",
    {
      config: { access: "participant.read" },
      schema: {
        summary: "A participant's summary and care team",
        description: "Opened through the access policy; every read is an audit event.",
        tags: ["participants"],
        params: z.strictObject({ participantId: z.uuid() }),
        response: { 200: participantSummarySchema },
      },
    },
    async (request, reply) => {
      try {
        const summary = await door.withParticipant(
          request.staff!,
          request.params.participantId,
          { purpose: "read", what: "summary", ipAddress: request.ip },
          participantSummary,
        );
        if (!summary) return sendProblem(reply, 404, "No participant has this identifier.");
        return summary;
      } catch (error) {
        if (error instanceof ParticipantNotFoundError) {
          return sendProblem(reply, 404, "No participant has this identifier.");
        }
        if (error instanceof AccessRefusedError) {
          return sendProblem(reply, 403, error.message);
        }
        throw error;
      }
    },
  );
}

export const participantsFeature: Feature = { name: "participants", registerRoutes };
