import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { pageContext, sendPage } from "../../platform/http/pages";
import { uuidParam } from "../../platform/http/params";
import { registerAdministrationApi } from "./api";
import { registerDirectoryForms } from "./directory-forms";
import { registerOutboxRoutes } from "./outbox-routes";
import { adminNotice, adminRequest, postEdit } from "./page-answers";
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
  const duplicate = { field: "name", message: "validation.region.duplicate" } as const;
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
    showList(request, reply, { notice: adminNotice(request) }),
  );

  app.post("/admin/regions", access, async (request, reply) =>
    postEdit(request, reply, {
      schema: regionForm,
      save: (form) => createRegion(db, clock, adminRequest(request), form),
      show: ({ values, errors }, status) => showList(request, reply, { values, errors }, status),
      saved: "/admin/regions?notice=created",
      duplicate,
    }),
  );

  app.get("/admin/regions/:id", access, async (request, reply) => {
    const id = uuidParam(request, "id");
    const found = id && (await findRegion(db, id));
    if (!found) return reply.callNotFound();
    return sendPage(reply, RegionFormPage({ ...pageContext(request, reply), region: found, values: found }));
  });

  app.post("/admin/regions/:id", access, async (request, reply) => {
    const id = uuidParam(request, "id");
    const found = id && (await findRegion(db, id));
    if (!id || !found) return reply.callNotFound();
    return postEdit(request, reply, {
      schema: regionUpdate,
      save: (form) => updateRegion(db, clock, adminRequest(request), id, form),
      show: ({ values, errors, current }, status) =>
        sendPage(
          reply,
          RegionFormPage({
            ...pageContext(request, reply),
            region: current ?? found,
            values,
            errors,
            conflict: current,
          }),
          status,
        ),
      saved: "/admin/regions?notice=saved",
      duplicate,
    });
  });
}

function registerOrganisationRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  app.get("/admin/organisations", access, async (request, reply) => {
    const query = organisationListQuery.parse(request.query ?? {});
    const [result, regions] = await Promise.all([listOrganisations(db, query), listRegions(db)]);
    return sendPage(
      reply,
      OrganisationListPage({
        ...pageContext(request, reply),
        query,
        result,
        regions,
        notice: adminNotice(request),
      }),
    );
  });
  registerDirectoryForms(app, {
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
    return sendPage(
      reply,
      TeamListPage({
        ...pageContext(request, reply),
        query,
        result,
        organisations,
        notice: adminNotice(request),
      }),
    );
  });
  registerDirectoryForms(app, {
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
