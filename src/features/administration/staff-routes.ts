import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/http/feature";
import { pageContext, sendPage, translatorFor } from "../../platform/http/pages";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { adminRequest, idParam, invitationDelivery, notFound } from "./request";
import { staffInviteForm, staffListQuery, staffUpdate } from "./schema";
import { allOrganisations, teamsOf } from "./service";
import {
  changeStaffStatus,
  findStaff,
  INVITATION_VALID_DAYS,
  inviteStaff,
  listStaff,
  type StatusChange,
  updateStaff,
} from "./staff";
import { InvitationLinkPage, StaffFormPage, StaffInvitePage, StaffListPage } from "./views";

const access = { config: { access: "directory.manage" as const } };

const statusActions: Record<string, StatusChange> = {
  deactivate: "deactivate",
  reactivate: "reactivate",
  "reset-second-factor": "reset_second_factor",
  "reissue-invitation": "reissue_invitation",
};

export function registerStaffRoutes(app: FastifyInstance, { db, clock, config }: AppDeps) {
  app.get("/admin/staff", access, async (request, reply) => {
    const query = staffListQuery.parse(request.query ?? {});
    const [result, organisations] = await Promise.all([listStaff(db, query), allOrganisations(db)]);
    const notice = (request.query as { notice?: string }).notice;
    return sendPage(
      reply,
      StaffListPage({ ...pageContext(request, reply), query, result, organisations, notice }),
    );
  });

  // The teams offered are those of the organisation chosen on the form, or the admin's own: a
  // choice of organisation sent without teams (or with another's) comes back with that one's teams.
  const choices = async (request: FastifyRequest, organisationId: unknown) => {
    const organisations = await allOrganisations(db);
    const chosen = organisations.find((row) => row.id === organisationId)?.id;
    return { organisations, teams: await teamsOf(db, chosen ?? request.staff!.organisationId) };
  };

  const showInvite = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: { field: string; message: string }[],
    status = 200,
  ) =>
    sendPage(
      reply,
      StaffInvitePage({
        ...pageContext(request, reply),
        ...(await choices(request, values.organisationId)),
        values,
        errors,
      }),
      status,
    );

  app.get("/admin/staff/invite", access, async (request, reply) =>
    showInvite(request, reply, { organisationId: request.staff!.organisationId }),
  );

  app.post("/admin/staff", access, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = staffInviteForm.safeParse(body);
    if (!parsed.success)
      return showInvite(request, reply, body, fieldErrors(parsed.error, translatorFor(request)), 400);
    const outcome = await inviteStaff(
      db,
      clock,
      adminRequest(request),
      parsed.data,
      invitationDelivery(request, config.mail.smtpUrl),
    );
    if (outcome.kind === "duplicate") {
      return showInvite(
        request,
        reply,
        body,
        [{ field: "email", message: translatorFor(request).t("validation.staff.duplicate") }],
        409,
      );
    }
    if (outcome.kind === "unknown_team") {
      return showInvite(
        request,
        reply,
        body,
        [{ field: "teamIds", message: translatorFor(request).t("validation.staff.teams") }],
        400,
      );
    }
    return sendPage(
      reply,
      InvitationLinkPage({
        ...pageContext(request, reply),
        staffId: outcome.staffId,
        fullName: parsed.data.fullName,
        invitation: outcome.invitation,
        publicUrl: config.publicUrl,
        validDays: INVITATION_VALID_DAYS,
      }),
    );
  });

  const showStaff = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: NonNullable<Awaited<ReturnType<typeof findStaff>>>,
    extra: {
      values?: Record<string, unknown>;
      errors?: { field: string; message: string }[];
      conflict?: boolean;
      notice?: string;
    } = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      StaffFormPage({
        ...pageContext(request, reply),
        ...(await choices(request, extra.values?.organisationId ?? staff.organisationId)),
        staff,
        values: extra.values ?? { ...staff, teamIds: staff.teams.map((member) => member.id) },
        errors: extra.errors,
        conflict: extra.conflict,
        notice: extra.notice,
        isSelf: staff.id === request.staff!.staffId,
      }),
      status,
    );

  app.get("/admin/staff/:id", access, async (request, reply) => {
    const id = idParam(request);
    const staff = id && (await findStaff(db, id));
    if (!staff) return notFound(request, reply);
    return showStaff(request, reply, staff, { notice: (request.query as { notice?: string }).notice });
  });

  app.post("/admin/staff/:id", access, async (request, reply) => {
    const id = idParam(request);
    const staff = id && (await findStaff(db, id));
    if (!id || !staff) return notFound(request, reply);
    const body = formBody(request.body);
    const parsed = staffUpdate.safeParse(body);
    if (!parsed.success)
      return showStaff(
        request,
        reply,
        staff,
        { values: body, errors: fieldErrors(parsed.error, translatorFor(request)) },
        400,
      );
    const outcome = await updateStaff(db, clock, adminRequest(request), id, parsed.data);
    if (outcome.kind === "not_found") return notFound(request, reply);
    if (outcome.kind === "unknown_team") {
      return showStaff(
        request,
        reply,
        staff,
        {
          values: body,
          errors: [{ field: "teamIds", message: translatorFor(request).t("validation.staff.teams") }],
        },
        400,
      );
    }
    if (outcome.kind === "stale")
      return showStaff(request, reply, outcome.current, { values: body, conflict: true }, 409);
    if (outcome.kind === "duplicate") return showStaff(request, reply, staff, { values: body }, 409);
    return reply.redirect(`/admin/staff/${id}?notice=saved`);
  });

  app.post("/admin/staff/:id/:action", access, async (request, reply) => {
    const id = idParam(request);
    const change = statusActions[(request.params as { action: string }).action];
    if (!id || !change) return notFound(request, reply);
    const outcome = await changeStaffStatus(
      db,
      clock,
      adminRequest(request),
      id,
      change,
      invitationDelivery(request, config.mail.smtpUrl),
    );
    if (outcome.kind === "not_found") return notFound(request, reply);
    const staff = (await findStaff(db, id))!;
    if (outcome.kind === "not_allowed") {
      return showStaff(
        request,
        reply,
        staff,
        { errors: [{ field: "status-actions", message: translatorFor(request).t(outcome.why) }] },
        409,
      );
    }
    if (outcome.invitation) {
      return sendPage(
        reply,
        InvitationLinkPage({
          ...pageContext(request, reply),
          staffId: id,
          fullName: staff.fullName,
          invitation: outcome.invitation,
          publicUrl: config.publicUrl,
          validDays: INVITATION_VALID_DAYS,
        }),
      );
    }
    return reply.redirect(`/admin/staff/${id}?notice=${change}`);
  });
}
