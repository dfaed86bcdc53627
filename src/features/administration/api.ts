import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { organisationKinds, staffRoles, staffStatuses, teamKinds } from "../../platform/directory/schema";
import type { AppDeps } from "../../platform/http/feature";
import { sendProblem } from "../../platform/http/problem";
import { INVITATION_VALID_DAYS, invitationLink } from "./invitations";
import { adminRequest, invitationDelivery } from "./page-answers";
import { organisationListQuery, PAGE_SIZE, staffInviteForm, staffListQuery, teamListQuery } from "./schema";
import { listOrganisations, listRegions, listTeams } from "./service";
import { inviteStaff, listStaff } from "./staff";

const page = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** One page of a directory list, as every list answers. */
const pageOf = <Row>(result: { rows: Row[]; total: number }, page: number) => ({
  items: result.rows,
  total: result.total,
  page,
  pageSize: PAGE_SIZE,
});

const access = "directory.manage" as const;

/** The directory over JSON, for provisioning scripts; the same rules as the admin pages. */
export function registerAdministrationApi(app: FastifyInstance, { db, clock, config }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/regions",
    {
      config: { access },
      schema: {
        summary: "All regions",
        tags: ["directory"],
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.uuid(), name: z.string(), organisationCount: z.number() })),
          }),
        },
      },
    },
    async () => ({
      items: (await listRegions(db)).map(({ id, name, organisationCount }) => ({
        id,
        name,
        organisationCount,
      })),
    }),
  );

  api.get(
    "/api/v1/organisations",
    {
      config: { access },
      schema: {
        summary: "Organisations, searchable by name and filterable by region",
        tags: ["directory"],
        querystring: organisationListQuery,
        response: {
          200: page(
            z.object({
              id: z.uuid(),
              name: z.string(),
              kind: z.enum(organisationKinds),
              active: z.boolean(),
              requireMfa: z.boolean(),
              regionName: z.string(),
              teamCount: z.number(),
              staffCount: z.number(),
            }),
          ),
        },
      },
    },
    async (request) => {
      return pageOf(await listOrganisations(db, request.query), request.query.page);
    },
  );

  api.get(
    "/api/v1/teams",
    {
      config: { access },
      schema: {
        summary: "Teams, searchable and filterable by organisation",
        tags: ["directory"],
        querystring: teamListQuery,
        response: {
          200: page(
            z.object({
              id: z.uuid(),
              name: z.string(),
              kind: z.enum(teamKinds),
              phone: z.string().nullable(),
              email: z.string().nullable(),
              active: z.boolean(),
              organisationName: z.string(),
              memberCount: z.number(),
            }),
          ),
        },
      },
    },
    async (request) => {
      return pageOf(await listTeams(db, request.query), request.query.page);
    },
  );

  api.get(
    "/api/v1/staff",
    {
      config: { access },
      schema: {
        summary: "Staff accounts, searchable by name or email",
        tags: ["directory"],
        querystring: staffListQuery,
        response: {
          200: page(
            z.object({
              id: z.uuid(),
              fullName: z.string(),
              email: z.string(),
              role: z.enum(staffRoles),
              profession: z.string().nullable(),
              status: z.enum(staffStatuses),
              lastSignInAt: z.date().nullable(),
              organisationName: z.string(),
            }),
          ),
        },
      },
    },
    async (request) => {
      return pageOf(await listStaff(db, request.query), request.query.page);
    },
  );

  api.post(
    "/api/v1/staff",
    {
      config: { access },
      schema: {
        summary: "Invite a member of staff",
        description: `With a mail server configured, emails the person a one-time link, valid for ${INVITATION_VALID_DAYS} days, to set their password (invitationEmailedTo); nobody else ever sees it. Without one, returns the link (invitationLink) for you to pass on: it is shown only in this answer and never stored.`,
        tags: ["directory"],
        body: z.strictObject(staffInviteForm.shape),
        response: {
          201: z.object({
            id: z.uuid(),
            invitationLink: z.string().optional(),
            invitationEmailedTo: z.string().optional(),
            expiresInDays: z.number(),
          }),
        },
      },
    },
    async (request, reply) => {
      const outcome = await inviteStaff(
        db,
        clock,
        adminRequest(request),
        request.body,
        invitationDelivery(request, config.mail.smtpUrl),
      );
      if (outcome.kind === "duplicate")
        return sendProblem(reply, 409, "Someone already has an account with this email address.");
      if (outcome.kind === "unknown_team")
        return sendProblem(reply, 422, "One or more teamIds do not name a team.");
      return reply.code(201).send({
        id: outcome.staffId,
        ...(outcome.invitation.by === "link"
          ? { invitationLink: invitationLink(config.publicUrl, outcome.invitation.token) }
          : { invitationEmailedTo: outcome.invitation.to }),
        expiresInDays: INVITATION_VALID_DAYS,
      });
    },
  );
}
