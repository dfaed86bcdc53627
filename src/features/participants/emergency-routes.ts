import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../platform/http/feature";
import { pageContext, sendPage } from "../../platform/http/pages";
import { type EmergencySearch, emergencySearch } from "./emergency";
import { isValidNhsNumber, normaliseNhsNumber } from "./nhs-number";
import { EmergencySearchPage } from "./record-views";

const searchQuery = z.object({
  nhsNumber: z.string().trim().max(20).optional().catch(undefined),
  givenName: z.string().trim().max(100).optional().catch(undefined),
  familyName: z.string().trim().max(100).optional().catch(undefined),
  dateOfBirth: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});

export function registerEmergencySearchRoutes(app: FastifyInstance, { door }: AppDeps) {
  app.get(
    "/emergency-access",
    { config: { access: "participant.emergency_access" } },
    async (request, reply) => {
      const query = searchQuery.parse(request.query ?? {});
      const search: EmergencySearch = {
        ...query,
        nhsNumber:
          query.nhsNumber && isValidNhsNumber(query.nhsNumber)
            ? normaliseNhsNumber(query.nhsNumber)
            : undefined,
      };
      const searched = Boolean(
        search.nhsNumber || (search.givenName && search.familyName && search.dateOfBirth),
      );
      const matches = searched
        ? await door.withParticipantList(
            request.staff!,
            { what: "emergency_search", ipAddress: request.ip },
            (list) => emergencySearch(list, search),
          )
        : [];
      return sendPage(
        reply,
        EmergencySearchPage({ ...pageContext(request, reply), query, matches, searched }),
      );
    },
  );
}
