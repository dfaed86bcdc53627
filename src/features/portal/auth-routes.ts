import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { recordParticipantSignOut, signInParticipant } from "../../platform/auth/participant-accounts";
import {
  acceptParticipantInvitation,
  lookUpParticipantInvitation,
} from "../../platform/auth/participant-invitations";
import { verifyParticipantSecondFactor } from "../../platform/auth/participant-second-factor";
import {
  createParticipantSession,
  endParticipantSession,
  PARTICIPANT_SESSION_COOKIE,
} from "../../platform/auth/participant-sessions";
import { codeThrottle } from "../../platform/auth/second-factor";
import { endSession } from "../../platform/auth/sessions";
import { isAllowed, signInStateOf } from "../../platform/auth/sign-in-states";
import { lockedUntil, minutesUntil, secondFactorKey } from "../../platform/auth/throttle";
import type { AppDeps } from "../../platform/http/feature";
import {
  deviceCookieOptions,
  PARTICIPANT_DEVICE_COOKIE,
  SESSION_COOKIE,
  sessionCookieOptions,
} from "../../platform/http/guard";
import { safeNextPath, sendPage, translatorFor } from "../../platform/http/pages";
import { type FieldError, fieldErrors, formBody } from "../../platform/web/forms";
import {
  InvitationAcceptPage,
  InvitationCodePage,
  InvitationUnusablePage,
  SecondFactorPage,
  SignInPage,
} from "./account-views";
import { portalContext } from "./navigation";
import { acceptForm, chosenSignInName, codeForm, signInForm } from "./schema";

const publicAccess = { config: { access: "public" as const } };
const partly = { config: { access: "participant_partly_signed_in" as const } };
const _signedIn = { config: { access: "participant" as const } };

/** Only the participant's own pages are followed after sign-in. */
const portalNext = (next: unknown) => {
  const path = safeNextPath(next);
  return path === "/my" || path.startsWith("/my/") ? path : "/my";
};

const text = (body: Record<string, unknown>, field: string) =>
  typeof body[field] === "string" ? (body[field] as string) : "";

export function registerPortalAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock, config } = deps;
  const throttle = { ...config.signIn, delayStepMs: deps.signInDelayStepMs };
  const codesLockedUntil = (accountId: string) =>
    lockedUntil(db, clock, [secondFactorKey("participant", accountId)]);
  const lockedMessage = (request: FastifyRequest, until: Date) =>
    translatorFor(request).t("validation.secondFactor.locked", { minutes: minutesUntil(clock, until) });
  const codePolicy = codeThrottle(config.secondFactor, deps.signInDelayStepMs);

  /** Signs this browser in as the participant, and out of any staff session it had. */
  async function startSession(request: FastifyRequest, reply: FastifyReply, token: string) {
    if (request.sessionToken) await endSession(db, request.sessionToken);
    if (request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: "/" });
    if (request.participantSessionToken) await endParticipantSession(db, request.participantSessionToken);
    reply.setCookie(PARTICIPANT_SESSION_COOKIE, token, sessionCookieOptions(config.secureCookies));
  }

  app.get("/my/sign-in", publicAccess, async (request, reply) => {
    if (request.participant && !request.participant.secondFactorPending) return reply.redirect("/my");
    const query = request.query as Record<string, string | undefined>;
    const notice = query.signed_out ? "signed_out" : query.expired ? "expired" : undefined;
    return sendPage(
      reply,
      SignInPage({ ...portalContext(request, reply), values: { next: query.next }, notice }),
    );
  });

  app.post(
    "/my/sign-in",
    {
      config: {
        access: "public",
        rateLimit: { max: Math.max(30, config.signIn.maxFailuresPerAddress * 2), timeWindow: "1 minute" },
      },
    },
    async (request, reply) => {
      const body = formBody(request.body);
      const values = { signInName: text(body, "signInName"), next: text(body, "next") || undefined };
      const parsed = signInForm.safeParse(body);
      const t = translatorFor(request);
      if (!parsed.success)
        return sendPage(
          reply,
          SignInPage({ ...portalContext(request, reply), values, errors: fieldErrors(parsed.error, t) }),
          400,
        );
      const result = await signInParticipant(
        { db, clock, throttle },
        {
          signInName: parsed.data.signInName,
          password: parsed.data.password,
          ipAddress: request.ip,
          deviceToken: request.cookies[PARTICIPANT_DEVICE_COOKIE],
        },
      );
      if (result.kind !== "signed_in") {
        if (result.delayMs > 0) await sleep(result.delayMs);
        const message =
          result.kind === "locked"
            ? t.t("validation.signIn.locked", { minutes: minutesUntil(clock, result.until) })
            : t.t("validation.portal.wrong");
        return sendPage(
          reply,
          SignInPage({
            ...portalContext(request, reply),
            values,
            errors: [{ field: "signInName", message }],
          }),
          result.kind === "locked" ? 429 : 401,
        );
      }
      await startSession(request, reply, result.token);
      reply.setCookie(
        PARTICIPANT_DEVICE_COOKIE,
        result.deviceToken,
        deviceCookieOptions(config.secureCookies, "/my/sign-in"),
      );
      const next = portalNext(parsed.data.next);
      if (result.next === "second_factor")
        return reply.redirect(`/my/sign-in/second-factor?next=${encodeURIComponent(next)}`);
      return reply.redirect(next);
    },
  );

  app.get("/my/sign-in/second-factor", partly, async (request, reply) => {
    if (!request.participant!.secondFactorPending) return reply.redirect("/my");
    const next = (request.query as Record<string, string | undefined>).next;
    const until = await codesLockedUntil(request.participant!.accountId);
    const errors = until ? [{ field: "code", message: lockedMessage(request, until) }] : undefined;
    return sendPage(reply, SecondFactorPage({ ...portalContext(request, reply), next, errors }));
  });

  app.post(
    "/my/sign-in/second-factor",
    { config: { access: "participant_partly_signed_in", rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const participant = request.participant!;
      // The state machine's rule, as for staff: a code is taken only while one is awaited.
      const state = signInStateOf({
        session: participant.secondFactorPending ? "partly" : "full",
        factorEnrolled: participant.mfaEnrolled,
      });
      if (!isAllowed(state, "code_accepted")) return reply.redirect("/my");
      const body = formBody(request.body);
      const next = text(body, "next") || undefined;
      const code = text(body, "code").trim();
      const t = translatorFor(request);
      if (!code || code.length > 32) {
        const errors = [
          {
            field: "code",
            message: t.t(code ? "validation.secondFactor.wrong" : "validation.secondFactor.code"),
          },
        ];
        return sendPage(reply, SecondFactorPage({ ...portalContext(request, reply), next, errors }), 400);
      }
      // While codes are locked even the right one is refused (checked again in the service's transaction).
      const check = await verifyParticipantSecondFactor(
        db,
        clock,
        codePolicy,
        participant.accountId,
        code,
        request.ip,
      );
      if (check.kind !== "accepted") {
        await sleep(Math.max(check.delayMs, deps.signInDelayStepMs));
        const message =
          check.kind === "locked"
            ? lockedMessage(request, check.until)
            : t.t("validation.secondFactor.wrong");
        return sendPage(
          reply,
          SecondFactorPage({ ...portalContext(request, reply), next, errors: [{ field: "code", message }] }),
          check.kind === "locked" ? 429 : 401,
        );
      }
      // A fresh session once fully signed in, so a token seen before the code is worthless.
      await startSession(
        request,
        reply,
        await createParticipantSession(db, clock, participant.accountId, true, request.ip),
      );
      return reply.redirect(portalNext(next));
    },
  );

  app.post("/my/sign-out", partly, async (request, reply) => {
    const participant = request.participant!;
    await db.transaction(async (tx) => {
      await endParticipantSession(tx, request.participantSessionToken!);
      await recordParticipantSignOut(tx, clock, participant, request.ip);
    });
    reply.clearCookie(PARTICIPANT_SESSION_COOKIE, { path: "/" });
    return reply.redirect("/my/sign-in?signed_out=1");
  });

  // Invitations: an emailed link carries its token in the query string (never logged); a printed
  // code is typed in. Either way the secret then travels only in the form's hidden field.
  const unusable = (request: FastifyRequest, reply: FastifyReply, reason: "used" | "expired" | "unknown") =>
    sendPage(reply, InvitationUnusablePage({ ...portalContext(request, reply), reason }), 410);

  app.get("/my/invitation", publicAccess, async (request, reply) => {
    const token = String((request.query as Record<string, unknown>).token ?? "");
    if (!token) return sendPage(reply, InvitationCodePage({ ...portalContext(request, reply), values: {} }));
    const invitation = await lookUpParticipantInvitation(db, clock, token);
    if (invitation.kind !== "valid") return unusable(request, reply, invitation.kind);
    return sendPage(
      reply,
      InvitationAcceptPage({ ...portalContext(request, reply), secret: token, invitation, values: {} }),
    );
  });

  app.post(
    "/my/invitation/code",
    { config: { access: "public", rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const body = formBody(request.body);
      const parsed = codeForm.safeParse(body);
      if (!parsed.success)
        return sendPage(
          reply,
          InvitationCodePage({
            ...portalContext(request, reply),
            values: { code: text(body, "code") },
            errors: fieldErrors(parsed.error, translatorFor(request)),
          }),
          400,
        );
      const invitation = await lookUpParticipantInvitation(db, clock, parsed.data.code);
      if (invitation.kind !== "valid") return unusable(request, reply, invitation.kind);
      return sendPage(
        reply,
        InvitationAcceptPage({
          ...portalContext(request, reply),
          secret: parsed.data.code,
          invitation,
          values: {},
        }),
      );
    },
  );

  app.post(
    "/my/invitation",
    { config: { access: "public", rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const body = formBody(request.body);
      const secret = text(body, "secret");
      const invitation = await lookUpParticipantInvitation(db, clock, secret);
      if (invitation.kind !== "valid") return unusable(request, reply, invitation.kind);
      const t = translatorFor(request);
      const parsed = acceptForm.safeParse(body);
      const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error, t);
      const name = invitation.method === "printed" ? chosenSignInName.safeParse(body.signInName) : undefined;
      if (name && !name.success)
        errors.unshift(...fieldErrors(name.error, t).map((error) => ({ ...error, field: "signInName" })));
      const again = (status: number, extra: FieldError[] = errors) =>
        sendPage(
          reply,
          InvitationAcceptPage({
            ...portalContext(request, reply),
            secret,
            invitation,
            values: { signInName: text(body, "signInName") },
            errors: extra,
          }),
          status,
        );
      if (!parsed.success || errors.length > 0) return again(400);
      const outcome = await acceptParticipantInvitation(
        db,
        clock,
        secret,
        { signInName: name?.data, password: parsed.data.password },
        request.ip,
      );
      if (outcome.kind === "name_taken")
        return again(409, [{ field: "signInName", message: t.t("validation.portal.nameTaken") }]);
      if (outcome.kind !== "accepted") return unusable(request, reply, outcome.kind);
      await startSession(request, reply, outcome.sessionToken);
      return reply.redirect("/my?notice=welcome");
    },
  );
}
