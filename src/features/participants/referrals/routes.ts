import type { FastifyInstance } from "fastify";
import { hasPermission } from "../../../platform/access/roles";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { pageContext, sendPage, translatorFor } from "../../../platform/http/pages";
import { noticeIn, read, recordRoute, write } from "../../../platform/http/record-page";
import {
  contactAttemptForm,
  referralClosingForm,
  selfReferralForm,
  staffReferralForm,
  todayFrom,
} from "../record/forms";
import { formOnPage, frameOf, notices, type Refused, readPage } from "../record/pages";
import { createSelfReferral, createStaffReferral, receivingTeams } from "./intake";
import { SelfReferralDonePage, SelfReferralPage, SelfReferralTooManyPage } from "./self-referral-views";
import {
  closeReferral,
  NOT_REACHED_MINIMUM_ATTEMPTS,
  recordContactAttempt,
  recordNotSamePerson,
  referralDetails,
  referralQueue,
  takeOnReferral,
} from "./service";
import { ReferralQueuePage, ReferralTabPage, StaffReferralPage } from "./views";

export function registerReferralRoutes(app: FastifyInstance, { db, clock, door, config }: AppDeps) {
  const today = todayFrom(clock);

  app.get("/refer-yourself", { config: { access: "public" } }, async (request, reply) =>
    sendPage(
      reply,
      SelfReferralPage({ ...pageContext(request, reply), teams: await receivingTeams(db), values: {} }),
    ),
  );

  const selfReferral = selfReferralForm(today);
  app.post("/refer-yourself", { config: { access: "public" } }, async (request, reply) => {
    const checked = checkForm(selfReferral, request);
    const body = checked.body;
    // A filled-in hidden field means a bot: it gets the same thank-you page and nothing is stored.
    if (typeof body.website === "string" && body.website !== "")
      return reply.redirect("/refer-yourself/done");
    const teams = await receivingTeams(db);
    if (!checked.ok)
      return sendPage(
        reply,
        SelfReferralPage({ ...pageContext(request, reply), teams, values: body, errors: checked.errors }),
        400,
      );
    const outcome = await createSelfReferral(
      db,
      door,
      clock,
      checked.form,
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

  const staffReferral = staffReferralForm(today);
  app.post("/referrals/new", { config: { access: "participant.refer" } }, async (request, reply) => {
    const staff = request.staff!;
    const t = translatorFor(request);
    const checked = checkForm(staffReferral, request);
    const body = checked.body;
    const teams = await receivingTeams(db, staff.organisationId);
    const page = (extra: Partial<Parameters<typeof StaffReferralPage>[0]>, status: number) =>
      sendPage(
        reply,
        StaffReferralPage({ ...pageContext(request, reply), teams, values: body, ...extra }),
        status,
      );
    if (!checked.ok) return page({ errors: checked.errors }, 400);
    const outcome = await createStaffReferral(
      door,
      clock,
      staff,
      checked.form,
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
        notice: noticeIn(request, notices),
      }),
    );
  });

  const referralTab = readPage<Refused>(door, "referral", async (record, request, reply, state) => {
    const staff = request.staff!;
    return ReferralTabPage({
      ...(await frameOf(record, request, reply)),
      referral: await referralDetails(record),
      canTakeOn: staff.role === "employment_specialist" && record.basis === "referral_queue",
      canWrite: hasPermission(staff.role, "participant.write"),
      canMerge: hasPermission(staff.role, "participant.merge"),
      now: clock.now(),
      today: today(),
      ...state,
    });
  });
  const referralPath = (participantId: string, notice: string) =>
    `/participants/${participantId}/referral?notice=${notice}`;

  app.get("/participants/:participantId/referral", read, referralTab());

  app.post(
    "/participants/:participantId/referral/attempts",
    write,
    formOnPage(door, {
      what: "referral_contact_attempt",
      schema: contactAttemptForm(today),
      page: referralTab,
      save: async (record, form, request) => {
        const outcome = await recordContactAttempt(record, clock, form);
        if (outcome === "no_open_referral") {
          const message = translatorFor(request).t("validation.participant.referralNotOpen");
          return { again: { errors: [{ field: "attemptedOn", message }] }, status: 409 };
        }
        return { redirect: referralPath(record.participantId, "attempt") };
      },
    }),
  );

  app.post(
    "/participants/:participantId/referral/take-on",
    write,
    recordRoute(door, "write", "care_team", async (record, request) => {
      const t = translatorFor(request);
      await takeOnReferral(record, clock, t.t("referral.leadResponsibility"));
      return { redirect: referralPath(record.participantId, "taken") };
    }),
  );

  // "Not the same person": staff have checked the possible duplicate and it is someone else.
  app.post(
    "/participants/:participantId/referral/not-duplicate",
    write,
    recordRoute(door, "write", "not_a_duplicate", async (record) => {
      await recordNotSamePerson(record, clock);
      return { redirect: referralPath(record.participantId, "notDuplicate") };
    }),
  );

  app.post(
    "/participants/:participantId/referral/close",
    write,
    formOnPage(door, {
      what: "referral",
      schema: referralClosingForm,
      page: referralTab,
      save: async (record, form, request) => {
        const outcome = await closeReferral(record, clock, form);
        if (outcome === "closed") return { redirect: referralPath(record.participantId, "closed") };
        const t = translatorFor(request);
        const message =
          outcome === "not_allowed"
            ? t.t("stage.refused.emergencyAccess")
            : outcome === "needs_attempts"
              ? t.t("validation.participant.notReachedNeedsAttempts", { min: NOT_REACHED_MINIMUM_ATTEMPTS })
              : outcome === "stale"
                ? t.t("validation.reload")
                : t.t("validation.participant.referralNotOpen");
        return {
          again: { errors: [{ field: "status", message }] },
          status: outcome === "needs_attempts" ? 422 : outcome === "not_allowed" ? 403 : 409,
        };
      },
    }),
  );
}
