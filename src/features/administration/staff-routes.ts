import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/http/feature";
import { checkForm } from "../../platform/http/form-post";
import { pageContext, sendPage, translatorFor } from "../../platform/http/pages";
import { uuidParam } from "../../platform/http/params";
import type { FieldError } from "../../platform/web/components";
import { INVITATION_VALID_DAYS } from "./invitations";
import { adminNotice, adminRequest, invitationDelivery, postEdit } from "./page-answers";
import { staffInviteForm, staffListQuery, staffUpdate } from "./schema";
import { allOrganisations, teamsOf } from "./service";
import {
  changeStaffStatus,
  findStaff,
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
    return sendPage(
      reply,
      StaffListPage({
        ...pageContext(request, reply),
        query,
        result,
        organisations,
        notice: adminNotice(request),
      }),
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
    errors?: FieldError[],
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
    const checked = checkForm(staffInviteForm, request);
    const body = checked.body;
    if (!checked.ok) return showInvite(request, reply, body, checked.errors, 400);
    const outcome = await inviteStaff(
      db,
      clock,
      adminRequest(request),
      checked.form,
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
        fullName: checked.form.fullName,
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
      errors?: FieldError[];
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
    const id = uuidParam(request, "id");
    const staff = id && (await findStaff(db, id));
    if (!staff) return reply.callNotFound();
    return showStaff(request, reply, staff, { notice: adminNotice(request) });
  });

  app.post("/admin/staff/:id", access, async (request, reply) => {
    const id = uuidParam(request, "id");
    const staff = id && (await findStaff(db, id));
    if (!id || !staff) return reply.callNotFound();
    return postEdit(request, reply, {
      schema: staffUpdate,
      save: (form) => updateStaff(db, clock, adminRequest(request), id, form),
      // After a conflict the page shows the version saved first, and the form is based on it.
      show: ({ values, errors, current }, status) =>
        showStaff(request, reply, current ?? staff, { values, errors, conflict: current && true }, status),
      saved: `/admin/staff/${id}?notice=saved`,
      other: (_unknownTeam, values) =>
        showStaff(
          request,
          reply,
          staff,
          {
            values,
            errors: [{ field: "teamIds", message: translatorFor(request).t("validation.staff.teams") }],
          },
          400,
        ),
    });
  });

  app.post("/admin/staff/:id/:action", access, async (request, reply) => {
    const id = uuidParam(request, "id");
    const change = statusActions[(request.params as { action: string }).action];
    if (!id || !change) return reply.callNotFound();
    const outcome = await changeStaffStatus(
      db,
      clock,
      adminRequest(request),
      id,
      change,
      invitationDelivery(request, config.mail.smtpUrl),
    );
    if (outcome.kind === "not_found") return reply.callNotFound();
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
