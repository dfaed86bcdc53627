import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { hasPermission } from "../../../platform/access/roles";
import { calendarDateAt } from "../../../platform/clock";
import type { AppDeps } from "../../../platform/http/feature";
import { sendPage } from "../../../platform/http/pages";
import { recordOpener } from "../../../platform/http/participant";
import { recordPage } from "../../contacts/request";
import { currentEmploymentSettings } from "../settings/service";
import { mayContactEmployers } from "../work/disclosure";
import { profileForMatching, rankedSuggestions } from "./service";
import { SuggestionsPage } from "./views";

const suggestionsQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** Job suggestions for one person: reading their profile is reading their record, through the door. */
export function registerMatchingRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const open = recordOpener(door);
  app.get(
    "/participants/:participantId/work/suggestions",
    { config: { access: "participant.read" as const } },
    async (request, reply) => {
      const { page } = suggestionsQuery.parse(request.query ?? {});
      return open(request, "read", "job_matching", async (record) => {
        const profile = await profileForMatching(record);
        const { wageFloorPence } = await currentEmploymentSettings(record.tx, record.organisationId);
        const found = profile
          ? await rankedSuggestions(record.tx, record.organisationId, profile.criteria, {
              wageFloorPence,
              today: calendarDateAt(clock.now()),
              page,
            })
          : { rows: [], total: 0, page: 1 };
        const suggestionsPage = SuggestionsPage({
          ...(await recordPage(request, reply, record)),
          profile,
          mayContactEmployers: await mayContactEmployers(record),
          ...found,
          wageFloorPence,
          mayRecord: hasPermission(request.staff!.role, "participant.write"),
        });
        return () => sendPage(reply, suggestionsPage);
      });
    },
  );
}
