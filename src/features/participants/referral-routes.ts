import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps } from "../../platform/http/feature";
import { pageContext, sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { contactAttemptForm, referralClosingForm, selfReferralForm, staffReferralForm } from "./forms";
import { createSelfReferral, createStaffReferral, receivingTeams } from "./referral-intake";
import { ReferralQueuePage, ReferralTabPage, StaffReferralPage } from "./referral-views";
import {
  closeReferral,
  NOT_REACHED_MINIMUM_ATTEMPTS,
  recordContactAttempt,
  recordNotSamePerson,
  referralDetails,
  referralQueue,
  takeOnReferral,
} from "./referrals";
import { noticeFrom, openForPage, todayFrom } from "./request";
import { SelfReferralDonePage, SelfReferralPage, SelfReferralTooManyPage } from "./self-referral-views";

export function registerReferralRoutes(app: FastifyInstance, { db, clock, door, config }: AppDeps) {
  const today = todayFrom(clock);

  app.get("/refer-yourself", { config: { access: "public" } }, async (request, reply) =>
    sendPage(
      reply,
      SelfReferralPage({ ...pageContext(request, reply), teams: await receivingTeams(db), values: {} }),
    ),
  );

  app.post("/refer-yourself", { config: { access: "public" } }, async (request, reply) => {
    const body = formBody(request.body);
    // A filled-in hidden field means a bot: it gets the same thank-you page and nothing is stored.
    if (typeof body.website === "string" && body.website !== "")
      return reply.redirect("/refer-yourself/done");
    const parsed = selfReferralForm(today).safeParse(body);
    const teams = await receivingTeams(db);
    if (!parsed.success)
      return sendPage(
        reply,
        SelfReferralPage({
          ...pageContext(request, reply),
          teams,
          values: body,
          errors: fieldErrors(parsed.error, translatorFor(request), body),
        }),
        400,
      );
    const outcome = await createSelfReferral(
      db,
      door,
      clock,
      parsed.data,
      request.ip,
      config.selfReferralsPerHour,
    );
    if (outcome.kind === "too_many")
      return sendPage(reply, SelfReferralTooManyPage(pageContext(request, reply)), 429);
    if (outcome.kind === "unknown_team")
      return sendPage(
        reply,
        SelfReferralPage({
          ...pageContext(request, reply),
          teams,
          values: body,
          errors: [{ field: "teamId", message: translatorFor(request).t("validation.selfReferral.team") }],
        }),
        400,
      );
    return reply.redirect("/refer-yourself/done");
  });

  app.get("/refer-yourself/done", { config: { access: "public" } }, async (request, reply) =>
    sendPage(reply, SelfReferralDonePage(pageContext(request, reply))),
  );

  app.get("/referrals/new", { config: { access: "participant.refer" } }, async (request, reply) => {
    const staff = request.staff!;
    return sendPage(
      reply,
      StaffReferralPage({
        ...pageContext(request, reply),
        teams: await receivingTeams(db, staff.organisationId),
        values: { referrerName: staff.fullName },
      }),
    );
  });

  app.post("/referrals/new", { config: { access: "participant.refer" } }, async (request, reply) => {
    const staff = request.staff!;
    const t = translatorFor(request);
    const body = formBody(request.body);
    const teams = await receivingTeams(db, staff.organisationId);
    const page = (extra: Partial<Parameters<typeof StaffReferralPage>[0]>, status: number) =>
      sendPage(
        reply,
        StaffReferralPage({ ...pageContext(request, reply), teams, values: body, ...extra }),
        status,
      );
    const parsed = staffReferralForm(today).safeParse(body);
    if (!parsed.success) return page({ errors: fieldErrors(parsed.error, t, body) }, 400);
    const outcome = await createStaffReferral(
      door,
      clock,
      staff,
      parsed.data,
      request.ip,
      t.t("referral.referrerResponsibility"),
    );
    switch (outcome.kind) {
      case "unknown_team":
        return page({ errors: [{ field: "teamId", message: t.t("validation.participant.team") }] }, 400);
      case "possible_duplicates":
        return page(
          {
            duplicates: outcome.matches,
            errors: body.duplicateDecision
              ? [{ field: "duplicateDecision", message: t.t("validation.participant.duplicateDecision") }]
              : undefined,
          },
          409,
        );
      case "linked":
      case "created":
        // The team sees it in its queue; a referring clinician has joined the care team and sees the record.
        return reply.redirect(
          hasPermission(staff.role, "participant.view_referrals")
            ? `/referrals?notice=${outcome.kind}`
            : `/participants/${outcome.participantId}?notice=${outcome.kind}`,
        );
    }
  });

  app.get("/referrals", { config: { access: "participant.view_referrals" } }, async (request, reply) => {
    const page = Math.max(1, Number((request.query as { page?: string }).page) || 1);
    const queue = await door.withParticipantList(
      request.staff!,
      { what: "referral_queue", ipAddress: request.ip },
      (list) => referralQueue(list, page),
    );
    return sendPage(
      reply,
      ReferralQueuePage({
        ...pageContext(request, reply),
        ...queue,
        now: clock.now(),
        canRefer: hasPermission(request.staff!.role, "participant.refer"),
        notice: noticeFrom(request) ? translatorFor(request).t(noticeFrom(request)!) : undefined,
      }),
    );
  });

  const showReferralTab = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, unknown>; errors?: { field: string; message: string }[] } = {},
    status = 200,
  ) => {
    const staff = request.staff!;
    const content = await openForPage(door, request, "referral", async (record) => ({
      referral: await referralDetails(record),
      basis: record.basis,
    }));
    return sendPage(
      reply,
      ReferralTabPage({
        ...pageContext(request, reply),
        ...content.frame,
        referral: content.referral,
        canTakeOn: staff.role === "employment_specialist" && content.basis === "referral_queue",
        canWrite: hasPermission(staff.role, "participant.write"),
        canMerge: hasPermission(staff.role, "participant.merge"),
        now: clock.now(),
        today: today(),
        ...extra,
      }),
      status,
    );
  };

  app.get(
    "/participants/:participantId/referral",
    { config: { access: "participant.read" } },
    (request, reply) => showReferralTab(request, reply),
  );

  app.post(
    "/participants/:participantId/referral/attempts",
    { config: { access: "participant.write" } },
    async (request, reply) => {
      const participantId = participantIdParam(request);
      const body = formBody(request.body);
      const parsed = contactAttemptForm(today).safeParse(body);
      if (!parsed.success)
        return showReferralTab(
          request,
          reply,
          { values: body, errors: fieldErrors(parsed.error, translatorFor(request), body) },
          400,
        );
      const outcome = await door.withParticipant(
        request.staff!,
        participantId,
        { purpose: "write", what: "referral_contact_attempt", ipAddress: request.ip },
        (record) => recordContactAttempt(record, clock, parsed.data),
      );
      if (outcome === "no_open_referral")
        return showReferralTab(
          request,
          reply,
          {
            values: body,
            errors: [
              {
                field: "attemptedOn",
                message: translatorFor(request).t("validation.participant.referralNotOpen"),
              },
            ],
          },
          409,
        );
      return reply.redirect(`/participants/${participantId}/referral?notice=attempt`);
    },
  );

  app.post(
    "/participants/:participantId/referral/take-on",
    { config: { access: "participant.write" } },
    async (request, reply) => {
      const participantId = participantIdParam(request);
      const t = translatorFor(request);
      await door.withParticipant(
        request.staff!,
        participantId,
        { purpose: "write", what: "care_team", ipAddress: request.ip },
        (record) => takeOnReferral(record, clock, t.t("referral.leadResponsibility")),
      );
      return reply.redirect(`/participants/${participantId}/referral?notice=taken`);
    },
  );

  // "Not the same person": staff have checked the possible duplicate and it is someone else.
  app.post(
    "/participants/:participantId/referral/not-duplicate",
    { config: { access: "participant.write" } },
    async (request, reply) => {
      const participantId = participantIdParam(request);
      await door.withParticipant(
        request.staff!,
        participantId,
        { purpose: "write", what: "not_a_duplicate", ipAddress: request.ip },
        (record) => recordNotSamePerson(record, clock),
      );
      return reply.redirect(`/participants/${participantId}/referral?notice=notDuplicate`);
    },
  );

  app.post(
    "/participants/:participantId/referral/close",
    { config: { access: "participant.write" } },
    async (request, reply) => {
      const participantId = participantIdParam(request);
      const t = translatorFor(request);
      const body = formBody(request.body);
      const parsed = referralClosingForm.safeParse(body);
      if (!parsed.success)
        return showReferralTab(request, reply, { values: body, errors: fieldErrors(parsed.error, t) }, 400);
      const outcome = await door.withParticipant(
        request.staff!,
        participantId,
        { purpose: "write", what: "referral", ipAddress: request.ip },
        (record) => closeReferral(record, clock, parsed.data),
      );
      if (outcome === "closed")
        return reply.redirect(`/participants/${participantId}/referral?notice=closed`);
      const message =
        outcome === "not_allowed"
          ? t.t("stage.refused.emergencyAccess")
          : outcome === "needs_attempts"
            ? t.t("validation.participant.notReachedNeedsAttempts", { min: NOT_REACHED_MINIMUM_ATTEMPTS })
            : outcome === "stale"
              ? t.t("validation.reload")
              : t.t("validation.participant.referralNotOpen");
      return showReferralTab(
        request,
        reply,
        { values: body, errors: [{ field: "status", message }] },
        outcome === "needs_attempts" ? 422 : outcome === "not_allowed" ? 403 : 409,
      );
    },
  );
}
