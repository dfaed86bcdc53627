import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../platform/http/feature";
import { ownRecordOpener } from "../../platform/http/own-pages";
import { sendPage, translatorFor } from "../../platform/http/pages";
import { formBody } from "../../platform/web/forms";
import type { MessageKey } from "../../platform/web/i18n";
import { today } from "../plans/service";
import { portalContext } from "./navigation";
import { markDoneForm, participationChangeForm, withdrawConsentForm } from "./schema";
import {
  changeParticipation,
  consentsFor,
  homeFor,
  markOwnActionDone,
  planFor,
  recordAccessFor,
  withdrawOwnConsent,
} from "./service";
import {
  ConsentsPage,
  HomePage,
  PlanPage,
  RecordAccessPage,
  StopConfirmationPage,
  WithdrawConsentConfirmationPage,
} from "./views";

const signedIn = { config: { access: "participant" as const } };

// Notices travel as a short key after a redirect, never as free text.
const notices = {
  welcome: "portal.notice.welcome",
  done: "portal.notice.actionDone",
  stale: "portal.notice.stale",
  withdrawn: "portal.notice.consentWithdrawn",
  paused: "portal.notice.paused",
  resumed: "portal.notice.resumed",
  stopped: "portal.notice.stopped",
} as const satisfies Record<string, MessageKey>;

function noticeOf(request: FastifyRequest): string | undefined {
  const notice = (request.query as { notice?: string } | undefined)?.notice;
  return notice && Object.hasOwn(notices, notice)
    ? translatorFor(request).t(notices[notice as keyof typeof notices])
    : undefined;
}

/** The participant's own pages. No address names a participant: whose record is the session's. */
export function registerPortalPageRoutes(app: FastifyInstance, { clock, ownRecordDoor }: AppDeps) {
  const open = ownRecordOpener(ownRecordDoor);

  app.get("/my", signedIn, async (request, reply) => {
    const home = await open(request, "read", "portal_home", (record) => homeFor(record, clock));
    return sendPage(
      reply,
      HomePage({ ...portalContext(request, reply), ...home, today: today(clock), notice: noticeOf(request) }),
    );
  });

  app.get("/my/plan", signedIn, async (request, reply) => {
    const plan = await open(request, "read", "plan", planFor);
    return sendPage(reply, PlanPage({ ...portalContext(request, reply), plan, notice: noticeOf(request) }));
  });

  app.post("/my/plan/actions/:actionId/done", signedIn, async (request, reply) => {
    const actionId = z.uuid().safeParse((request.params as { actionId?: string }).actionId);
    const form = markDoneForm.safeParse(formBody(request.body));
    if (!actionId.success || !form.success) return reply.redirect("/my/plan");
    const outcome = await open(request, "write", "plan", (record) =>
      markOwnActionDone(record, clock, actionId.data, form.data.version),
    );
    if (outcome === "done") return reply.redirect("/my/plan?notice=done");
    if (outcome === "stale") return reply.redirect("/my/plan?notice=stale");
    return reply.callNotFound();
  });

  const showConsents = async (request: FastifyRequest, reply: FastifyReply) => {
    const consents = await open(request, "read", "consent", consentsFor);
    return sendPage(
      reply,
      ConsentsPage({ ...portalContext(request, reply), ...consents, notice: noticeOf(request) }),
    );
  };

  app.get("/my/consents", signedIn, showConsents);

  app.post("/my/consents/withdraw", signedIn, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = withdrawConsentForm.safeParse(body);
    if (!parsed.success) return reply.redirect("/my/consents");
    // One press asks; only the confirmation withdraws (it works the same without JavaScript).
    if (body.confirmed !== "yes")
      return sendPage(
        reply,
        WithdrawConsentConfirmationPage({ ...portalContext(request, reply), purpose: parsed.data.purpose }),
      );
    await open(request, "write", "consent", (record) =>
      withdrawOwnConsent(record, clock, parsed.data.purpose),
    );
    return reply.redirect("/my/consents?notice=withdrawn");
  });

  app.post("/my/participation", signedIn, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = participationChangeForm.safeParse(body);
    if (!parsed.success) return reply.redirect("/my/consents");
    // Stopping ends the support, so the person is asked once more; pausing and resuming are not.
    if (parsed.data.change === "stop" && body.confirmed !== "yes")
      return sendPage(
        reply,
        StopConfirmationPage({ ...portalContext(request, reply), version: parsed.data.version }),
      );
    const outcome = await open(request, "write", "participation", (record) =>
      changeParticipation(record, clock, parsed.data.change, parsed.data.version),
    );
    if (!outcome.ok) return reply.redirect("/my/consents?notice=stale");
    const notice = { pause: "paused", resume: "resumed", stop: "stopped" }[parsed.data.change];
    return reply.redirect(`/my/consents?notice=${notice}`);
  });

  app.get("/my/record-access", signedIn, async (request, reply) => {
    const before = (request.query as { before?: string }).before;
    const cursor = before && /^[0-9TZ:.-]+_\d+$/.test(before) ? before : undefined;
    const log = await open(request, "read", "access_log", (record) => recordAccessFor(record, cursor));
    return sendPage(reply, RecordAccessPage({ ...portalContext(request, reply), ...log }));
  });
}
