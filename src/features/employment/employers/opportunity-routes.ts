import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { hasPermission } from "../../../platform/access/roles";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { pageContext, sendPage } from "../../../platform/http/pages";
import { uuidParam } from "../../../platform/http/params";
import { type FieldError, formBody } from "../../../platform/web/forms";
import { currentEmploymentSettings } from "../settings/service";
import { opportunityForm, opportunityListQuery, versionField } from "./forms";
import {
  createOpportunity,
  findOpportunity,
  listOpportunities,
  setOpportunityStatus,
  updateOpportunity,
} from "./opportunities";
import {
  OpportunityFormPage,
  OpportunityListPage,
  OpportunityPage,
  opportunityValues,
} from "./opportunity-views";
import {
  manageEmployers,
  notFound,
  notice,
  readEmployers,
  registerEmployerForm,
  sendEditAnswer,
} from "./pages";
import type { JobOpportunityRow } from "./schema";

export function registerOpportunityRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock } = deps;
  const opportunityFromRequest = (request: FastifyRequest) => {
    const opportunityId = uuidParam(request, "opportunityId");
    return opportunityId ? findOpportunity(db, request.staff!.organisationId, opportunityId) : undefined;
  };

  app.get("/opportunities", readEmployers, async (request, reply) => {
    const query = opportunityListQuery.parse(request.query ?? {});
    const organisationId = request.staff!.organisationId;
    const { rows, total, page, pageCount } = await listOpportunities(db, organisationId, query);
    const { wageFloorPence } = await currentEmploymentSettings(db, organisationId);
    return sendPage(
      reply,
      OpportunityListPage({
        ...pageContext(request, reply),
        query: { ...query, page },
        rows,
        total,
        pageCount,
        wageFloorPence,
      }),
    );
  });

  app.get("/opportunities/:opportunityId", readEmployers, async (request, reply) => {
    const found = await opportunityFromRequest(request);
    if (!found) return notFound(reply);
    const { wageFloorPence } = await currentEmploymentSettings(db, request.staff!.organisationId);
    return sendPage(
      reply,
      OpportunityPage({
        ...pageContext(request, reply),
        opportunity: found.opportunity,
        employerName: found.employerName,
        wageFloorPence,
        mayManage: hasPermission(request.staff!.role, "employers.manage"),
        notice: notice(request),
      }),
    );
  });

  registerEmployerForm(app, deps, "/employers/:employerId/opportunities", {
    schema: () => opportunityForm,
    page: (request, reply, employer, values, errors) =>
      OpportunityFormPage({ ...pageContext(request, reply), employer, values, errors }),
    save: async (request, found, form) =>
      `/opportunities/${await createOpportunity(db, clock, request.staff!, found, form)}?notice=opportunity`,
  });

  app.get("/opportunities/:opportunityId/edit", manageEmployers, async (request, reply) => {
    const found = await opportunityFromRequest(request);
    if (!found) return notFound(reply);
    const { opportunity } = found;
    return sendPage(
      reply,
      OpportunityFormPage({
        ...pageContext(request, reply),
        employer: { id: opportunity.employerId, name: found.employerName },
        values: opportunityValues(opportunity),
        editing: { opportunity, version: opportunity.version },
      }),
    );
  });

  app.post("/opportunities/:opportunityId/edit", manageEmployers, async (request, reply) => {
    const found = await opportunityFromRequest(request);
    if (!found) return notFound(reply);
    const checked = checkForm(opportunityForm, request);
    const { version } = versionField.parse(checked.body);
    const show = (state: { errors?: FieldError[]; conflict?: JobOpportunityRow }) =>
      OpportunityFormPage({
        ...pageContext(request, reply),
        employer: { id: found.opportunity.employerId, name: found.employerName },
        values: checked.body,
        errors: state.errors,
        editing: state.conflict
          ? { opportunity: state.conflict, version: state.conflict.version, saved: state.conflict }
          : { opportunity: found.opportunity, version },
      });
    if (!checked.ok) return sendPage(reply, show({ errors: checked.errors }), 400);
    const outcome = await updateOpportunity(
      db,
      clock,
      request.staff!,
      found.opportunity.id,
      version,
      checked.form,
    );
    return sendEditAnswer(request, reply, outcome, {
      saved: (row) => `/opportunities/${row.id}?notice=opportunity`,
      show,
    });
  });

  app.post("/opportunities/:opportunityId/status", manageEmployers, async (request, reply) => {
    const opportunityId = uuidParam(request, "opportunityId");
    const status = z.enum(["open", "closed"]).safeParse(formBody(request.body).status);
    if (!opportunityId) return notFound(reply);
    if (!status.success) return reply.redirect(`/opportunities/${opportunityId}`);
    if (!(await setOpportunityStatus(db, clock, request.staff!, opportunityId, status.data)))
      return notFound(reply);
    return reply.redirect(`/opportunities/${opportunityId}?notice=status`);
  });
}
