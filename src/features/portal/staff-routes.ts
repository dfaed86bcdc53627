import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps } from "../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import { type FieldError, fieldErrors, formBody } from "../../platform/web/forms";
import { participantBanner } from "../participants/service";
import { inviteForm } from "./schema";
import { inviteToPortal, portalAccessFor, withdrawAccess } from "./staff";
import { PortalAccessPage, PrintedCodePage } from "./staff-views";

const notices = {
  emailed: "portalAccess.notice.emailed",
  withdrawn: "portalAccess.notice.withdrawn",
  held: "portalAccess.notice.held",
} as const;

/** The "Own pages" tab on a participant's record, for their care team. */
export function registerPortalStaffRoutes(app: FastifyInstance, { door, clock, config }: AppDeps) {
  const read = { config: { access: "participant.read" as const } };
  const write = { config: { access: "participant.write" as const } };

  const frame = async (request: FastifyRequest, reply: FastifyReply, record: ParticipantRecord) => {
    const context = pageContext(request, reply);
    return {
      ...context,
      banner: await participantBanner(record, context.t),
      tabs: participantTabs(request, record.participantId),
    };
  };

  async function showTab(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, unknown>; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const page = await door.withParticipant(
      request.staff!,
      participantIdParam(request),
      { purpose: "read", what: "portal_access", ipAddress: request.ip },
      async (record) => {
        const { access, email } = await portalAccessFor(record, clock);
        const notice = (request.query as { notice?: string }).notice;
        return PortalAccessPage({
          ...(await frame(request, reply, record)),
          access,
          participantEmail: email,
          canWrite: hasPermission(request.staff!.role, "participant.write"),
          values: extra.values ?? {},
          errors: extra.errors,
          mailServerConfigured: config.mail.smtpUrl !== null,
          notice:
            notice && Object.hasOwn(notices, notice)
              ? translatorFor(request).t(notices[notice as keyof typeof notices])
              : undefined,
          // Nothing went: the person has no way in yet, which is not a success.
          noticeIsWarning: notice === "held",
        });
      },
    );
    return sendPage(reply, page, status);
  }

  app.get("/participants/:participantId/portal", read, (request, reply) => showTab(request, reply));

  app.post("/participants/:participantId/portal/invitation", write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const body = formBody(request.body);
    const t = translatorFor(request);
    const parsed = inviteForm.safeParse(body);
    if (!parsed.success)
      return showTab(request, reply, { values: body, errors: fieldErrors(parsed.error, t) }, 400);
    const outcome = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "write", what: "portal_access", ipAddress: request.ip },
      (record) =>
        inviteToPortal(record, clock, parsed.data, {
          ipAddress: request.ip,
          formatDate: (date) => t.formatDate(date, "long"),
        }),
    );
    if (outcome.kind === "email_in_use")
      return showTab(
        request,
        reply,
        { values: body, errors: [{ field: "email", message: t.t("validation.portal.emailInUse") }] },
        409,
      );
    // With no mail server the email is held in the outbox, where its link is never made: say so
    // plainly, so the person is given a printed code instead of waiting for an email.
    if (outcome.kind === "emailed")
      return reply.redirect(
        `/participants/${participantId}/portal?notice=${config.mail.smtpUrl ? "emailed" : "held"}`,
      );
    return sendPage(
      reply,
      PrintedCodePage({
        ...pageContext(request, reply),
        code: outcome.code,
        expiresAt: outcome.expiresAt,
        signUpAddress: `${config.publicUrl}/my/invitation`,
        participantId,
      }),
    );
  });

  app.post("/participants/:participantId/portal/withdraw", write, async (request, reply) => {
    const participantId = participantIdParam(request);
    await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "write", what: "portal_access", ipAddress: request.ip },
      (record) => withdrawAccess(record, clock, request.ip),
    );
    return reply.redirect(`/participants/${participantId}/portal?notice=withdrawn`);
  });
}
