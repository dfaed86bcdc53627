import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { changePasswordForm } from "../../platform/auth/forms";
import { newMfaSecret, otpauthUri, qrCodeSvg } from "../../platform/auth/mfa";
import {
  auditAccountChange,
  changeParticipantPassword,
  recordParticipantSignOut,
  signInParticipant,
} from "../../platform/auth/participant-accounts";
import {
  acceptParticipantInvitation,
  lookUpParticipantInvitation,
} from "../../platform/auth/participant-invitations";
import {
  enrolFirstParticipantSecondFactor,
  removeParticipantSecondFactor,
  verifyParticipantSecondFactor,
} from "../../platform/auth/participant-second-factor";
import {
  createParticipantSession,
  endParticipantSession,
  PARTICIPANT_SESSION_COOKIE,
} from "../../platform/auth/participant-sessions";
import { MAX_PASSWORD_LENGTH } from "../../platform/auth/passwords";
import { codeThrottle } from "../../platform/auth/second-factor";
import { endSession } from "../../platform/auth/sessions";
import { isAllowed, type SignInState, signInStateOf } from "../../platform/auth/sign-in-states";
import { lockedUntil, minutesUntil, secondFactorKey } from "../../platform/auth/throttle";
import type { AppDeps } from "../../platform/http/feature";
import { SESSION_COOKIE, sessionCookieOptions } from "../../platform/http/guard";
import { ownRecordOpener } from "../../platform/http/own-pages";
import { safeNextPath, sendPage, translatorFor } from "../../platform/http/pages";
import { type FieldError, fieldErrors, formBody } from "../../platform/web/forms";
import {
  AccountPage,
  AuthenticatorAlreadyPage,
  AuthenticatorPage,
  InvitationAcceptPage,
  InvitationCodePage,
  InvitationUnusablePage,
  SecondFactorPage,
  SignInPage,
} from "./account-views";
import { portalContext } from "./navigation";
import { acceptForm, chosenSignInName, codeForm, enrolForm, signInForm } from "./schema";
import { securityNoticeAddress } from "./security-notice";

const publicAccess = { config: { access: "public" as const } };
const partly = { config: { access: "participant_partly_signed_in" as const } };
const signedIn = { config: { access: "participant" as const } };

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
  const codePolicy = codeThrottle(config.secondFactor, deps.signInDelayStepMs);
  const openOwnRecord = ownRecordOpener(deps.ownRecordDoor);
  const codesLockedUntil = (accountId: string) =>
    lockedUntil(db, clock, [secondFactorKey("participant", accountId)]);

  /** Where this browser stands in signing in (sign-in-states.ts), as for staff. */
  async function signInState(request: FastifyRequest): Promise<SignInState> {
    const participant = request.participant;
    if (!participant) return "signed_out";
    const pending = participant.secondFactorPending;
    return signInStateOf({
      session: pending ? "partly" : "full",
      factorEnrolled: participant.mfaEnrolled,
      codesLocked: pending && (await codesLockedUntil(participant.accountId)) !== undefined,
    });
  }

  const lockedMessage = (request: FastifyRequest, until: Date) =>
    translatorFor(request).t("validation.secondFactor.locked", { minutes: minutesUntil(clock, until) });

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
        { signInName: parsed.data.signInName, password: parsed.data.password, ipAddress: request.ip },
      );
      if (result.kind !== "signed_in") {
        if (result.delayMs > 0) await sleep(result.delayMs);
        const message =
          result.kind === "locked"
            ? t.t("validation.signIn.locked", { minutes: config.signIn.lockMinutes })
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
      if (!participant.secondFactorPending) return reply.redirect("/my");
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

  // Account: password, authenticator, sign out.
  async function showAccount(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldError[]; removeErrors?: FieldError[]; notice?: string } = {},
    status = 200,
  ) {
    const participant = request.participant!;
    return sendPage(
      reply,
      AccountPage({
        ...portalContext(request, reply),
        signInName: participant.signInName,
        mfaEnrolled: participant.mfaEnrolled,
        ...extra,
      }),
      status,
    );
  }

  const accountNotices = {
    password: "portal.account.passwordChanged",
    authenticator: "portal.account.authenticatorAdded",
    authenticator_removed: "portal.account.authenticatorRemoved",
  } as const;

  app.get("/my/account", signedIn, async (request, reply) => {
    const notice = (request.query as { notice?: string }).notice;
    const key =
      notice && Object.hasOwn(accountNotices, notice)
        ? accountNotices[notice as keyof typeof accountNotices]
        : undefined;
    return showAccount(request, reply, { notice: key ? translatorFor(request).t(key) : undefined });
  });

  app.post("/my/account/password", signedIn, async (request, reply) => {
    const t = translatorFor(request);
    const parsed = changePasswordForm.safeParse(formBody(request.body));
    if (!parsed.success) return showAccount(request, reply, { errors: fieldErrors(parsed.error, t) }, 400);
    const outcome = await changeParticipantPassword(
      db,
      clock,
      request.participant!,
      parsed.data.currentPassword,
      parsed.data.password,
      request.ip,
    );
    if (outcome.kind === "wrong_current_password")
      return showAccount(
        request,
        reply,
        { errors: [{ field: "currentPassword", message: t.t("validation.password.currentWrong") }] },
        400,
      );
    reply.setCookie(
      PARTICIPANT_SESSION_COOKIE,
      outcome.sessionToken,
      sessionCookieOptions(config.secureCookies),
    );
    return reply.redirect("/my/account?notice=password");
  });

  const authenticatorPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    secret: string,
    errors?: FieldError[],
  ) =>
    sendPage(
      reply,
      AuthenticatorPage({
        ...portalContext(request, reply),
        secret,
        qrSvg: await qrCodeSvg(otpauthUri(secret, request.participant!.signInName)),
        errors,
      }),
      errors ? 400 : 200,
    );

  /** A set-up asked for where an authenticator exists: removing it first needs the password and a code. */
  async function refuseEnrolment(request: FastifyRequest, reply: FastifyReply) {
    if (request.method === "GET") return reply.redirect("/my/account");
    await auditAccountChange(
      db,
      clock,
      request.participant!,
      "participant_portal.second_factor_enrolled",
      request.ip,
      "failed",
    );
    return sendPage(reply, AuthenticatorAlreadyPage({ ...portalContext(request, reply) }), 403);
  }

  app.get("/my/account/authenticator", signedIn, async (request, reply) => {
    if (!isAllowed(await signInState(request), "first_factor_enrolled"))
      return refuseEnrolment(request, reply);
    return authenticatorPage(request, reply, newMfaSecret());
  });

  app.post("/my/account/authenticator", signedIn, async (request, reply) => {
    if (!isAllowed(await signInState(request), "first_factor_enrolled"))
      return refuseEnrolment(request, reply);
    const body = formBody(request.body);
    const t = translatorFor(request);
    const parsed = enrolForm.safeParse(body);
    const secret = parsed.success ? parsed.data.secret : newMfaSecret();
    if (!parsed.success) return authenticatorPage(request, reply, secret, fieldErrors(parsed.error, t));
    const enrolled = await enrolFirstParticipantSecondFactor(
      db,
      clock,
      request.participant!,
      parsed.data.secret,
      parsed.data.code,
      request.ip,
    );
    if (enrolled === "already_enrolled") return refuseEnrolment(request, reply);
    if (enrolled === "wrong_code")
      return authenticatorPage(request, reply, secret, [
        { field: "code", message: t.t("validation.secondFactor.enrolWrong") },
      ]);
    return reply.redirect("/my/account?notice=authenticator");
  });

  app.post("/my/account/authenticator/remove", signedIn, async (request, reply) => {
    const participant = request.participant!;
    if (!isAllowed(await signInState(request), "factor_removed")) return reply.redirect("/my/account");
    const body = formBody(request.body);
    const t = translatorFor(request);
    const password = text(body, "removePassword");
    const currentCode = text(body, "removeCode").trim();
    const missing: FieldError[] = [];
    if (!password || password.length > MAX_PASSWORD_LENGTH)
      missing.push({ field: "removePassword", message: t.t("validation.password.current") });
    if (!currentCode || currentCode.length > 32)
      missing.push({ field: "removeCode", message: t.t("validation.secondFactor.participantCurrentCode") });
    if (missing.length > 0) return showAccount(request, reply, { removeErrors: missing }, 400);
    const notifyTo = await openOwnRecord(request, "read", "account_security_notice", (record) =>
      securityNoticeAddress(record, participant.signInName),
    );
    const outcome = await removeParticipantSecondFactor(
      db,
      clock,
      codePolicy,
      participant,
      { password, currentCode },
      request.ip,
      notifyTo,
    );
    if (outcome.kind === "no_factor") return reply.redirect("/my/account");
    if (outcome.kind !== "removed") {
      if (outcome.kind !== "locked") await sleep(outcome.delayMs);
      const removeErrors =
        outcome.kind === "wrong_password"
          ? [{ field: "removePassword", message: t.t("validation.password.currentWrong") }]
          : outcome.kind === "wrong_current_code"
            ? [{ field: "removeCode", message: t.t("validation.secondFactor.participantCurrentCodeWrong") }]
            : [{ field: "removeCode", message: lockedMessage(request, outcome.until) }];
      return showAccount(request, reply, { removeErrors }, outcome.kind === "locked" ? 429 : 400);
    }
    reply.setCookie(
      PARTICIPANT_SESSION_COOKIE,
      outcome.sessionToken,
      sessionCookieOptions(config.secureCookies),
    );
    return reply.redirect("/my/account?notice=authenticator_removed");
  });
}
