import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { pageContext, sendPage, translatorFor } from "../../platform/http/pages";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { registerAdministrationApi } from "./api";
import { registerOutboxRoutes } from "./outbox-routes";
import { registerRecordForms } from "./record-routes";
import { adminRequest, idParam, notFound } from "./request";
import {
  organisationForm,
  organisationListQuery,
  organisationUpdate,
  regionForm,
  regionUpdate,
  teamForm,
  teamListQuery,
  teamUpdate,
} from "./schema";
import {
  allOrganisations,
  createOrganisation,
  createRegion,
  createTeam,
  findOrganisation,
  findRegion,
  findTeam,
  listOrganisations,
  listRegions,
  listTeams,
  updateOrganisation,
  updateRegion,
  updateTeam,
} from "./service";
import { registerStaffRoutes } from "./staff-routes";
import {
  OrganisationFormPage,
  OrganisationListPage,
  RegionFormPage,
  RegionListPage,
  TeamFormPage,
  TeamListPage,
} from "./views";

const access = { config: { access: "directory.manage" as const } };

function registerRegionRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const showList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<Parameters<typeof RegionListPage>[0]> = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      RegionListPage({ ...pageContext(request, reply), regions: await listRegions(db), ...extra }),
      status,
    );

  app.get("/admin/regions", access, async (request, reply) =>
    showList(request, reply, { notice: (request.query as { notice?: string }).notice }),
  );

  app.post("/admin/regions", access, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = regionForm.safeParse(body);
    if (!parsed.success)
      return showList(
        request,
        reply,
        { values: body, errors: fieldErrors(parsed.error, translatorFor(request)) },
        400,
      );
    const outcome = await createRegion(db, clock, adminRequest(request), parsed.data);
    if (outcome.kind === "duplicate") {
      return showList(
        request,
        reply,
        {
          values: body,
          errors: [{ field: "name", message: translatorFor(request).t("validation.region.duplicate") }],
        },
        409,
      );
    }
    return reply.redirect("/admin/regions?notice=created");
  });

  app.get("/admin/regions/:id", access, async (request, reply) => {
    const id = idParam(request);
    const found = id && (await findRegion(db, id));
    if (!found) return notFound(request, reply);
    return sendPage(reply, RegionFormPage({ ...pageContext(request, reply), region: found, values: found }));
  });

  app.post("/admin/regions/:id", access, async (request, reply) => {
    const id = idParam(request);
    const found = id && (await findRegion(db, id));
    if (!id || !found) return notFound(request, reply);
    const body = formBody(request.body);
    const parsed = regionUpdate.safeParse(body);
    const page = (extra: Partial<Parameters<typeof RegionFormPage>[0]>, status: number) =>
      sendPage(
        reply,
        RegionFormPage({ ...pageContext(request, reply), region: found, values: body, ...extra }),
        status,
      );
    if (!parsed.success) return page({ errors: fieldErrors(parsed.error, translatorFor(request)) }, 400);
    const outcome = await updateRegion(db, clock, adminRequest(request), id, parsed.data);
    if (outcome.kind === "not_found") return notFound(request, reply);
    if (outcome.kind === "duplicate")
      return page(
        { errors: [{ field: "name", message: translatorFor(request).t("validation.region.duplicate") }] },
        409,
      );
    if (outcome.kind === "stale") return page({ region: outcome.current, conflict: outcome.current }, 409);
    return reply.redirect("/admin/regions?notice=saved");
  });
}

function registerOrganisationRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  app.get("/admin/organisations", access, async (request, reply) => {
    const query = organisationListQuery.parse(request.query ?? {});
    const [result, regions] = await Promise.all([listOrganisations(db, query), listRegions(db)]);
    const notice = (request.query as { notice?: string }).notice;
    return sendPage(
      reply,
      OrganisationListPage({ ...pageContext(request, reply), query, result, regions, notice }),
    );
  });
  registerRecordForms(app, {
    base: "/admin/organisations",
    createForm: organisationForm,
    updateForm: organisationUpdate,
    duplicateName: "validation.organisation.duplicate",
    find: (id) => findOrganisation(db, id),
    create: (request, form) => createOrganisation(db, clock, request, form),
    update: (request, id, form) => updateOrganisation(db, clock, request, id, form),
    showForm: async (request, reply, props, status = 200) =>
      sendPage(
        reply,
        OrganisationFormPage({ ...pageContext(request, reply), regions: await listRegions(db), ...props }),
        status,
      ),
  });
}

function registerTeamRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  app.get("/admin/teams", access, async (request, reply) => {
    const query = teamListQuery.parse(request.query ?? {});
    const [result, organisations] = await Promise.all([listTeams(db, query), allOrganisations(db)]);
    const notice = (request.query as { notice?: string }).notice;
    return sendPage(
      reply,
      TeamListPage({ ...pageContext(request, reply), query, result, organisations, notice }),
    );
  });
  registerRecordForms(app, {
    base: "/admin/teams",
    createForm: teamForm,
    updateForm: teamUpdate,
    duplicateName: "validation.team.duplicate",
    find: (id) => findTeam(db, id),
    create: (request, form) => createTeam(db, clock, request, form),
    update: (request, id, form) => updateTeam(db, clock, request, id, form),
    blank: (request) => {
      const organisationId = (request.query as { organisationId?: string }).organisationId;
      return organisationId ? { organisationId } : {};
    },
    showForm: async (request, reply, props, status = 200) =>
      sendPage(
        reply,
        TeamFormPage({ ...pageContext(request, reply), organisations: await allOrganisations(db), ...props }),
        status,
      ),
  });
}

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerRegionRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerTeamRoutes(app, deps);
  registerStaffRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerAdministrationApi(app, deps);
}

export const administrationFeature: Feature = {
  name: "administration",
  navigation: [
    { href: "/admin/staff", label: "nav.adminStaff", requires: "directory.manage" },
    { href: "/admin/teams", label: "nav.adminTeams", requires: "directory.manage" },
    { href: "/admin/organisations", label: "nav.adminOrganisations", requires: "directory.manage" },
    { href: "/admin/regions", label: "nav.adminRegions", requires: "directory.manage" },
    { href: "/admin/outbox", label: "nav.adminOutbox", requires: "directory.manage" },
  ],
  registerRoutes,
};
