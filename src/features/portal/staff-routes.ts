import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps } from "../../platform/http/feature";
import { type FormState, recordFormPost } from "../../platform/http/form-post";
import { pageContext, translatorFor } from "../../platform/http/pages";
import { read, recordFrame, recordRoute, write } from "../../platform/http/record-page";
import { formBody } from "../../platform/web/forms";
import { inviteForm } from "./schema";
import { inviteToPortal, portalAccessFor, withdrawAccess } from "./staff";
import { PortalAccessPage, PrintedCodePage } from "./staff-views";

const notices = {
  emailed: "portalAccess.notice.emailed",
  withdrawn: "portalAccess.notice.withdrawn",
  held: "portalAccess.notice.held",
} as const;

const tabPath = (participantId: string) => `/participants/${participantId}/portal`;

/** The "Own pages" tab on a participant's record, for their care team. */
export function registerPortalStaffRoutes(app: FastifyInstance, { door, clock, config }: AppDeps) {
  const accessTab = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState<undefined>,
  ) => {
    const { access, email } = await portalAccessFor(record, clock);
    return PortalAccessPage({
      ...(await recordFrame(record, request, reply, notices)),
      access,
      participantEmail: email,
      canWrite: hasPermission(request.staff!.role, "participant.write"),
      values: state.values,
      errors: state.errors,
      mailServerConfigured: config.mail.smtpUrl !== null,
      // Nothing went: the person has no way in yet, which is not a success.
      noticeIsWarning: (request.query as { notice?: string }).notice === "held",
    });
  };

  app.get(
    "/participants/:participantId/portal",
    read,
    recordRoute(door, "read", "portal_access", async (record, request, reply) => ({
      page: await accessTab(record, request, reply, { values: {} }),
    })),
  );

  app.post(
    "/participants/:participantId/portal/invitation",
    write,
    recordFormPost(door, {
      what: "portal_access",
      schema: inviteForm,
      show: accessTab,
      save: (record, form, _version, request) =>
        inviteToPortal(record, clock, form, {
          ipAddress: request.ip,
          formatDate: (date) => translatorFor(request).formatDate(date, "long"),
        }),
      saved: (record) => tabPath(record.participantId),
      other: async (record, outcome, request, reply) => {
        if (outcome.kind === "email_in_use") {
          const message = translatorFor(request).t("validation.portal.emailInUse");
          const state = {
            values: formBody(request.body),
            errors: [{ field: "email", message }],
          };
          return { page: await accessTab(record, request, reply, state), status: 409 };
        }
        // With no mail server the email is held in the outbox, where its link is never made: say so
        // plainly, so the person is given a printed code instead of waiting for an email.
        if (outcome.kind === "emailed")
          return {
            redirect: `${tabPath(record.participantId)}?notice=${config.mail.smtpUrl ? "emailed" : "held"}`,
          };
        return {
          page: PrintedCodePage({
            ...pageContext(request, reply),
            code: outcome.code,
            expiresAt: outcome.expiresAt,
            signUpAddress: `${config.publicUrl}/my/invitation`,
            participantId: record.participantId,
          }),
        };
      },
    }),
  );

  app.post(
    "/participants/:participantId/portal/withdraw",
    write,
    recordRoute(door, "write", "portal_access", async (record, request) => {
      await withdrawAccess(record, clock, request.ip);
      return { redirect: `${tabPath(record.participantId)}?notice=withdrawn` };
    }),
  );
}
