import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { changePasswordForm } from "../../platform/auth/forms";
import { newMfaSecret, otpauthUri, qrCodeSvg } from "../../platform/auth/mfa";
import { auditAccountChange, changeParticipantPassword } from "../../platform/auth/participant-accounts";
import {
  enrolFirstParticipantSecondFactor,
  removeParticipantSecondFactor,
} from "../../platform/auth/participant-second-factor";
import { PARTICIPANT_SESSION_COOKIE } from "../../platform/auth/participant-sessions";
import { MAX_PASSWORD_LENGTH } from "../../platform/auth/passwords";
import { codeThrottle } from "../../platform/auth/second-factor";
import { isAllowed, type SignInState, signInStateOf } from "../../platform/auth/sign-in-states";
import { lockedUntil, minutesUntil, secondFactorKey } from "../../platform/auth/throttle";
import type { AppDeps } from "../../platform/http/feature";
import { sessionCookieOptions } from "../../platform/http/guard";
import { ownRecordOpener } from "../../platform/http/own-pages";
import { sendPage, translatorFor } from "../../platform/http/pages";
import { type FieldError, fieldErrors, formBody } from "../../platform/web/forms";
import { AccountPage, AuthenticatorAlreadyPage, AuthenticatorPage } from "./account-views";
import { portalContext } from "./navigation";
import { enrolForm } from "./schema";
import { securityNoticeAddress } from "./security-notice";

// The participant's account page: their password, and their optional authenticator app, whose
// rules (set up only where there is none; removed only with the password and a code from it) are
// the sign-in state machine's, shared with staff.

const signedIn = { config: { access: "participant" as const } };

const text = (body: Record<string, unknown>, field: string) =>
  typeof body[field] === "string" ? (body[field] as string) : "";

export function registerPortalAccountRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, clock, config } = deps;
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
