import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/http/feature";
import { pageContext, sendPage } from "../../platform/http/pages";
import { activeCaseloads, caseloadPage, teamSpecialists, withFollowUp } from "./caseload";
import { CaseloadPage, TeamCaseloadsPage } from "./caseload-views";
import { caseloadQuery } from "./forms";
import { todayFrom } from "./request";

export function registerCaseloadRoutes(app: FastifyInstance, { door, clock }: AppDeps) {
  const today = todayFrom(clock);
  app.get("/caseload", { config: { access: "caseload.own" } }, async (request, reply) => {
    const staff = request.staff!;
    const query = { ...caseloadQuery.parse(request.query ?? {}), staffId: undefined };
    const content = await door.withParticipantList(
      staff,
      { what: "caseload", ipAddress: request.ip },
      async (list) => {
        const { result, shownIds } = await caseloadPage(list, query);
        const rows = await withFollowUp(list, result.rows);
        const sizes =
          staff.role === "employment_specialist" ? await activeCaseloads(list, [staff.staffId]) : undefined;
        return {
          result: { result: { ...result, rows, today: today() }, active: sizes?.get(staff.staffId)?.active },
          shownIds,
        };
      },
    );
    return sendPage(
      reply,
      CaseloadPage({
        ...pageContext(request, reply),
        query,
        result: content.result,
        own: content.active === undefined ? undefined : { fullName: staff.fullName, active: content.active },
      }),
    );
  });

  app.get("/team/caseloads", { config: { access: "team.view_caseloads" } }, async (request, reply) => {
    const query = caseloadQuery.parse(request.query ?? {});
    const content = await door.withParticipantList(
      request.staff!,
      { what: "team_caseloads", ipAddress: request.ip },
      async (list) => {
        const specialists = await teamSpecialists(list);
        const sizes = await activeCaseloads(
          list,
          specialists.map((specialist) => specialist.id),
        );
        const { result, shownIds } = await caseloadPage(list, query);
        const rows = await withFollowUp(list, result.rows);
        return {
          result: {
            result: { ...result, rows, today: today() },
            specialists: specialists.map((specialist) => ({
              ...specialist,
              active: sizes.get(specialist.id)?.active ?? 0,
              total: sizes.get(specialist.id)?.total ?? 0,
            })),
          },
          shownIds,
        };
      },
    );
    return sendPage(
      reply,
      TeamCaseloadsPage({
        ...pageContext(request, reply),
        query,
        result: content.result,
        specialists: content.specialists,
      }),
    );
  });
}
