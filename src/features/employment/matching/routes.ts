import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { read, recordFrame, recordRoute } from "../../../platform/http/record-page";
import { currentEmploymentSettings } from "../settings/service";
import { mayContactEmployers } from "../work/disclosure";
import { profileForMatching, rankedSuggestions } from "./service";
import { SuggestionsPage } from "./views";

const suggestionsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** Job suggestions for one person: reading their profile is reading their record, through the door. */
export function registerMatchingRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  app.get(
    "/participants/:participantId/work/suggestions",
    read,
    recordRoute(door, "read", "job_matching", async (record, request, reply) => {
      const { page } = suggestionsQuery.parse(request.query ?? {});
      const profile = await profileForMatching(record);
      const { wageFloorPence } = await currentEmploymentSettings(record.tx, record.organisationId);
      const found = profile
        ? await rankedSuggestions(record.tx, record.organisationId, profile.criteria, {
            wageFloorPence,
            today: calendarDateAt(clock.now()),
            page,
          })
        : { rows: [], total: 0, page: 1 };
      return {
        page: SuggestionsPage({
          ...(await recordFrame(record, request, reply)),
          profile,
          mayContactEmployers: await mayContactEmployers(record),
          ...found,
          wageFloorPence,
          mayRecord: hasPermission(request.staff!.role, "participant.write"),
        }),
      };
    }),
  );
}
