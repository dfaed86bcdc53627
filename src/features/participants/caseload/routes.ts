import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { pageContext, sendPage } from "../../../platform/http/pages";
import { listHref } from "../../../platform/web/form-fields";
import type { FieldError } from "../../../platform/web/forms";
import { caseloadQuery, caseloadSearchForm, todayFrom } from "../record/forms";
import { recallSearch, rememberSearch } from "./search";
import { activeCaseloads, caseloadPageWithFollowUp, teamSpecialists } from "./service";
import { CaseloadPage, TeamCaseloadsPage } from "./views";

export function registerCaseloadRoutes(app: FastifyInstance, { db, door, clock }: AppDeps) {
  const today = todayFrom(clock);

  /**
   * The search box posts here; the list's address then carries a handle, not what was typed. A
   * search that cannot be used (too long) shows the list again with the message beside the box.
   */
  const search =
    (base: string, show: (request: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => unknown) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const checked = checkForm(caseloadSearchForm, request);
      if (!checked.ok) return show(request, reply, checked.errors);
      const form = checked.form;
      const handle = form.q ? await rememberSearch(db, clock, request.staff!.staffId, form.q) : undefined;
      return reply.redirect(
        listHref(base, { search: handle, stage: form.stage, staffId: form.staffId }),
        303,
      );
    };

  const readQuery = async (request: FastifyRequest) => {
    const query = caseloadQuery.parse(request.query ?? {});
    const searchText = await recallSearch(db, clock, request.staff!.staffId, query.search);
    return { query: searchText ? query : { ...query, search: undefined }, searchText };
  };

  const showCaseload = async (request: FastifyRequest, reply: FastifyReply, errors?: FieldError[]) => {
    const staff = request.staff!;
    const read = await readQuery(request);
    const query = { ...read.query, staffId: undefined };
    const content = await door.withParticipantList(
      staff,
      { what: "caseload", ipAddress: request.ip },
      async (list) => {
        const { result, shownIds } = await caseloadPageWithFollowUp(list, { ...query, q: read.searchText });
        const sizes =
          staff.role === "employment_specialist" ? await activeCaseloads(list, [staff.staffId]) : undefined;
        return {
          result: { result: { ...result, today: today() }, active: sizes?.get(staff.staffId)?.active },
          shownIds,
        };
      },
    );
    return sendPage(
      reply,
      CaseloadPage({
        ...pageContext(request, reply),
        query,
        searchText: read.searchText,
        result: content.result,
        own: content.active === undefined ? undefined : { fullName: staff.fullName, active: content.active },
        errors,
      }),
      errors ? 400 : 200,
    );
  };

  const showTeamCaseloads = async (request: FastifyRequest, reply: FastifyReply, errors?: FieldError[]) => {
    const { query, searchText } = await readQuery(request);
    const content = await door.withParticipantList(
      request.staff!,
      { what: "team_caseloads", ipAddress: request.ip },
      async (list) => {
        const specialists = await teamSpecialists(list);
        const sizes = await activeCaseloads(
          list,
          specialists.map((specialist) => specialist.id),
        );
        const { result, shownIds } = await caseloadPageWithFollowUp(list, { ...query, q: searchText });
        return {
          result: {
            result: { ...result, today: today() },
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
        searchText,
        result: content.result,
        specialists: content.specialists,
        errors,
      }),
      errors ? 400 : 200,
    );
  };

  app.post("/caseload", { config: { access: "caseload.own" } }, search("/caseload", showCaseload));
  app.post(
    "/team/caseloads",
    { config: { access: "team.view_caseloads" } },
    search("/team/caseloads", showTeamCaseloads),
  );
  app.get("/caseload", { config: { access: "caseload.own" } }, (request, reply) =>
    showCaseload(request, reply),
  );
  app.get("/team/caseloads", { config: { access: "team.view_caseloads" } }, (request, reply) =>
    showTeamCaseloads(request, reply),
  );
}
