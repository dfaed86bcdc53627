import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { hasPermission } from "../../../platform/access/roles";
import type { AppDeps } from "../../../platform/http/feature";
import { pageContext, sendPage, translatorFor } from "../../../platform/http/pages";
import { uuidParam } from "../../../platform/http/params";
import { type FieldError, fieldErrors, formBody } from "../../../platform/web/forms";
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
  employerFromRequest,
  manageEmployers,
  notFound,
  notice,
  readEmployers,
  sendEmployerForm,
} from "./routes";

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

  const showNewForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ) =>
    sendEmployerForm(request, reply, deps, errors, (employer) =>
      OpportunityFormPage({ ...pageContext(request, reply), employer, values, errors }),
    );

  app.get("/employers/:employerId/opportunities/new", manageEmployers, async (request, reply) =>
    showNewForm(request, reply, {}),
  );

  app.post("/employers/:employerId/opportunities", manageEmployers, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = opportunityForm.safeParse(body);
    if (!parsed.success)
      return showNewForm(request, reply, body, fieldErrors(parsed.error, translatorFor(request), body));
    const found = await employerFromRequest(request, deps);
    if (!found) return notFound(reply);
    const id = await createOpportunity(db, clock, request.staff!, found, parsed.data);
    return reply.redirect(`/opportunities/${id}?notice=opportunity`);
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
    const body = formBody(request.body);
    const { version } = versionField.parse(body);
    const employer = { id: found.opportunity.employerId, name: found.employerName };
    const context = pageContext(request, reply);
    const parsed = opportunityForm.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, translatorFor(request), body);
      const editing = { opportunity: found.opportunity, version };
      return sendPage(
        reply,
        OpportunityFormPage({ ...context, employer, values: body, errors, editing }),
        400,
      );
    }
    const outcome = await updateOpportunity(
      db,
      clock,
      request.staff!,
      found.opportunity.id,
      version,
      parsed.data,
    );
    if (outcome.kind === "not_found") return notFound(reply);
    if (outcome.kind === "stale") {
      const editing = {
        opportunity: outcome.current,
        version: outcome.current.version,
        saved: outcome.current,
      };
      return sendPage(reply, OpportunityFormPage({ ...context, employer, values: body, editing }), 409);
    }
    return reply.redirect(`/opportunities/${found.opportunity.id}?notice=opportunity`);
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
