import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { recordAuditEvent } from "../audit/service";
import type { AppDeps, Feature } from "../http/feature";
import {
  deviceCookieOptions,
  SESSION_COOKIE,
  STAFF_DEVICE_COOKIE,
  sessionCookieOptions,
} from "../http/guard";
import { pageContext, safeNextPath, sendPage, translatorFor } from "../http/pages";
import { fieldErrors, formBody } from "../web/forms";
import { newPasswordForm } from "./forms";
import { newMfaSecret, otpauthUri, qrCodeSvg } from "./mfa";
import { MAX_PASSWORD_LENGTH } from "./passwords";
import { codeThrottle, enrolFirstSecondFactor, verifySecondFactor } from "./second-factor";
import { acceptInvitation, lookUpInvitation, signInWithPassword } from "./service";
import { createSession, endSession } from "./sessions";
import { isAllowed, isFullySignedIn, type SignInState, signInStateOf } from "./sign-in-states";
import { lockedUntil, minutesUntil, secondFactorKey } from "./throttle";
import {
  EnrolmentRefusedPage,
  InvitationPage,
  InvitationUnusablePage,
  RecoveryCodesPage,
  SecondFactorPage,
  SetUpSecondFactorPage,
  SignInPage,
} from "./views";

const signInForm = z.object({
  email: z.string().trim().min(1, "validation.signIn.email").max(320, "validation.tooLong"),
  password: z.string().min(1, "validation.signIn.password").max(MAX_PASSWORD_LENGTH, "validation.tooLong"),
  next: z.string().optional(),
});

const codeForm = z.object({
  code: z.string().trim().min(1, "validation.secondFactor.code").max(32, "validation.tooLong"),
});

const enrolForm = z.object({
  secret: z.string().regex(/^[A-Z2-7]{32}$/, "validation.secondFactor.restart"),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "validation.secondFactor.enrolCode"),
});

export { newPasswordForm } from "./forms";

function setSessionCookie(reply: FastifyReply, deps: AppDeps, token: string) {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(deps.config.secureCookies));
}

async function accountLabel(request: FastifyRequest) {
  return request.staff?.email ?? "Tandem";
}

function registerRoutes(app: Parameters<Feature["registerRoutes"]>[0], deps: AppDeps) {
  const { db, clock, config } = deps;
  const throttle = { ...config.signIn, delayStepMs: deps.signInDelayStepMs };

  app.get("/sign-in", { config: { access: "public" } }, async (request, reply) => {
    if (request.staff && !request.secondFactorPending) return reply.redirect("/");
    const query = request.query as Record<string, string | undefined>;
    const notice = query.signed_out
      ? "signed_out"
      : query.expired
        ? "expired"
        : query.invitation_accepted
          ? "invitation_accepted"
          : undefined;
    return sendPage(
      reply,
      SignInPage({ ...pageContext(request, reply), values: { next: query.next }, notice }),
    );
  });

  app.post(
    "/sign-in",
    {
      config: {
        access: "public",
        rateLimit: { max: Math.max(30, config.signIn.maxFailuresPerAddress * 2), timeWindow: "1 minute" },
      },
    },
    async (request, reply) => {
      const body = formBody(request.body);
      const parsed = signInForm.safeParse(body);
      const values = {
        email: typeof body.email === "string" ? body.email : "",
        next: typeof body.next === "string" ? body.next : undefined,
      };
      if (!parsed.success) {
        return sendPage(
          reply,
          SignInPage({
            ...pageContext(request, reply),
            values,
            errors: fieldErrors(parsed.error, translatorFor(request)),
          }),
          400,
        );
      }
      const result = await signInWithPassword(
        { db, clock, throttle, demoMode: config.demoMode },
        {
          email: parsed.data.email,
          password: parsed.data.password,
          ipAddress: request.ip,
          deviceToken: request.cookies[STAFF_DEVICE_COOKIE],
        },
      );
      if (result.kind !== "signed_in") {
        if (result.delayMs > 0) await sleep(result.delayMs);
        const errors =
          result.kind === "locked"
            ? [
                {
                  field: "email",
                  message: translatorFor(request).t("validation.signIn.locked", {
                    minutes: minutesUntil(clock, result.until),
                  }),
                },
              ]
            : [{ field: "email", message: translatorFor(request).t("validation.signIn.wrong") }];
        return sendPage(
          reply,
          SignInPage({ ...pageContext(request, reply), values, errors, locked: result.kind === "locked" }),
          result.kind === "locked" ? 429 : 401,
        );
      }
      if (request.sessionToken) await endSession(db, request.sessionToken);
      setSessionCookie(reply, deps, result.token);
      reply.setCookie(
        STAFF_DEVICE_COOKIE,
        result.deviceToken,
        deviceCookieOptions(config.secureCookies, "/sign-in"),
      );
      const next = safeNextPath(parsed.data.next);
      if (result.next === "verify_second_factor")
        return reply.redirect(`/sign-in/second-factor?next=${encodeURIComponent(next)}`);
      if (result.next === "enrol_second_factor") return reply.redirect("/sign-in/set-up-second-factor");
      return reply.redirect(next);
    },
  );

  /** Where this browser stands in signing in (sign-in-states.ts), from its session and account. */
  async function signInState(request: FastifyRequest): Promise<SignInState> {
    const staff = request.staff;
    if (!staff || request.authMethod !== "session") return "signed_out";
    const codesLocked =
      request.secondFactorPending && staff.mfaEnrolled
        ? (await lockedUntil(db, clock, [secondFactorKey("staff", staff.staffId)])) !== undefined
        : false;
    return signInStateOf({
      session: request.secondFactorPending ? "partly" : "full",
      factorEnrolled: staff.mfaEnrolled,
      codesLocked,
    });
  }

  const lockedMessage = (request: FastifyRequest, until: Date) =>
    translatorFor(request).t("validation.secondFactor.locked", {
      minutes: minutesUntil(clock, until),
    });

  app.get("/sign-in/second-factor", { config: { access: "partly_signed_in" } }, async (request, reply) => {
    const state = await signInState(request);
    if (state === "must_enrol") return reply.redirect("/sign-in/set-up-second-factor");
    if (!isAllowed(state, "code_refused") && !isAllowed(state, "lock_ended")) return reply.redirect("/");
    const next = (request.query as Record<string, string | undefined>).next;
    const until = await lockedUntil(db, clock, [secondFactorKey("staff", request.staff!.staffId)]);
    const errors = until ? [{ field: "code", message: lockedMessage(request, until) }] : undefined;
    return sendPage(reply, SecondFactorPage({ ...pageContext(request, reply), next, errors }));
  });

  app.post(
    "/sign-in/second-factor",
    { config: { access: "partly_signed_in", rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const state = await signInState(request);
      if (state === "must_enrol") return reply.redirect("/sign-in/set-up-second-factor");
      if (isFullySignedIn(state)) return reply.redirect("/");
      const body = formBody(request.body);
      const next = typeof body.next === "string" ? body.next : undefined;
      const parsed = codeForm.safeParse(body);
      if (!parsed.success) {
        return sendPage(
          reply,
          SecondFactorPage({
            ...pageContext(request, reply),
            next,
            errors: fieldErrors(parsed.error, translatorFor(request)),
          }),
          400,
        );
      }
      const staff = request.staff!;
      // While codes are locked even the right one is refused; the service checks the lock again
      // inside its transaction, so two requests at once cannot slip past it.
      const check = await verifySecondFactor(
        db,
        clock,
        codeThrottle(config.secondFactor, deps.signInDelayStepMs),
        staff.staffId,
        parsed.data.code,
        request.ip,
      );
      if (check.kind !== "accepted") {
        await sleep(Math.max(check.delayMs, deps.signInDelayStepMs));
        const message =
          check.kind === "locked"
            ? lockedMessage(request, check.until)
            : translatorFor(request).t("validation.secondFactor.wrong");
        return sendPage(
          reply,
          SecondFactorPage({ ...pageContext(request, reply), next, errors: [{ field: "code", message }] }),
          check.kind === "locked" ? 429 : 401,
        );
      }
      // A fresh session once fully signed in, so a token seen before the second factor is worthless.
      await endSession(db, request.sessionToken!);
      setSessionCookie(reply, deps, await createSession(db, clock, staff.staffId, true, request.ip));
      return reply.redirect(safeNextPath(next));
    },
  );

  /**
   * Setting up a first second factor: only for an account with none (the state machine's
   * `first_factor_enrolled`). A session waiting for its code, or one whose account has a factor,
   * is turned away: replacing a factor is on the account page, with the password and current code.
   */
  async function refuseEnrolment(request: FastifyRequest, reply: FastifyReply, state: SignInState) {
    if (request.method === "GET")
      return reply.redirect(isFullySignedIn(state) ? "/account/second-factor" : "/sign-in/second-factor");
    await recordAuditEvent(db, clock, {
      actor: { id: request.staff!.staffId, role: request.staff!.role },
      action: "account.second_factor_enrolled",
      subject: { type: "staff", id: request.staff!.staffId },
      organisationId: request.staff!.organisationId,
      ipAddress: request.ip,
      outcome: "refused",
      reason: `not allowed while ${state.replaceAll("_", " ")}`,
    });
    return sendPage(
      reply,
      EnrolmentRefusedPage({ ...pageContext(request, reply), partly: !isFullySignedIn(state) }),
      403,
    );
  }

  app.get(
    "/sign-in/set-up-second-factor",
    { config: { access: "partly_signed_in" } },
    async (request, reply) => {
      const state = await signInState(request);
      if (!isAllowed(state, "first_factor_enrolled")) return refuseEnrolment(request, reply, state);
      const secret = newMfaSecret();
      const qrSvg = await qrCodeSvg(otpauthUri(secret, await accountLabel(request)));
      return sendPage(reply, SetUpSecondFactorPage({ ...pageContext(request, reply), secret, qrSvg }));
    },
  );

  app.post(
    "/sign-in/set-up-second-factor",
    { config: { access: "partly_signed_in" } },
    async (request, reply) => {
      const state = await signInState(request);
      if (!isAllowed(state, "first_factor_enrolled")) return refuseEnrolment(request, reply, state);
      const body = formBody(request.body);
      const parsed = enrolForm.safeParse(body);
      const staff = request.staff!;
      const secret =
        typeof body.secret === "string" && /^[A-Z2-7]{32}$/.test(body.secret) ? body.secret : newMfaSecret();
      const outcome = parsed.success
        ? await enrolFirstSecondFactor(
            db,
            clock,
            staff.staffId,
            parsed.data.secret,
            parsed.data.code,
            request.ip,
          )
        : undefined;
      if (outcome?.kind === "already_enrolled")
        return refuseEnrolment(request, reply, "signed_in_with_factor");
      if (outcome?.kind !== "enrolled") {
        const errors = parsed.success
          ? [
              {
                field: "code",
                message: translatorFor(request).t("validation.secondFactor.enrolWrong"),
              },
            ]
          : fieldErrors(parsed.error, translatorFor(request));
        const qrSvg = await qrCodeSvg(otpauthUri(secret, staff.email));
        return sendPage(
          reply,
          SetUpSecondFactorPage({ ...pageContext(request, reply), secret, qrSvg, errors }),
          400,
        );
      }
      if (request.sessionToken) {
        await endSession(db, request.sessionToken);
        setSessionCookie(reply, deps, await createSession(db, clock, staff.staffId, true, request.ip));
      }
      request.secondFactorPending = false;
      return sendPage(reply, RecoveryCodesPage({ ...pageContext(request, reply), codes: outcome.codes }));
    },
  );

  app.post("/sign-out", { config: { access: "partly_signed_in" } }, async (request, reply) => {
    if (request.sessionToken) {
      await db.transaction(async (tx) => {
        await endSession(tx, request.sessionToken!);
        await recordAuditEvent(tx, clock, {
          actor: { id: request.staff!.staffId, role: request.staff!.role },
          action: "sign_out",
          subject: { type: "staff", id: request.staff!.staffId },
          organisationId: request.staff!.organisationId,
          ipAddress: request.ip,
          outcome: "succeeded",
        });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.redirect("/sign-in?signed_out=1");
  });

  // The token travels in the query string, which is never logged, rather than in the path.
  app.get("/accept-invitation", { config: { access: "public" } }, async (request, reply) => {
    const token = String((request.query as Record<string, unknown>).token ?? "");
    const invitation = await lookUpInvitation(db, clock, token);
    if (invitation.kind !== "valid") {
      return sendPage(
        reply,
        InvitationUnusablePage({ ...pageContext(request, reply), reason: invitation.kind }),
        410,
      );
    }
    return sendPage(reply, InvitationPage({ ...pageContext(request, reply), token, invitation }));
  });

  app.post(
    "/accept-invitation",
    { config: { access: "public", rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const body = formBody(request.body);
      const token = typeof body.token === "string" ? body.token : "";
      const invitation = await lookUpInvitation(db, clock, token);
      if (invitation.kind !== "valid") {
        return sendPage(
          reply,
          InvitationUnusablePage({ ...pageContext(request, reply), reason: invitation.kind }),
          410,
        );
      }
      const parsed = newPasswordForm.safeParse(body);
      if (!parsed.success) {
        return sendPage(
          reply,
          InvitationPage({
            ...pageContext(request, reply),
            token,
            invitation,
            errors: fieldErrors(parsed.error, translatorFor(request)),
          }),
          400,
        );
      }
      const accepted = await acceptInvitation(db, clock, token, parsed.data.password, request.ip);
      if (accepted.kind !== "valid") {
        return sendPage(
          reply,
          InvitationUnusablePage({ ...pageContext(request, reply), reason: accepted.kind }),
          410,
        );
      }
      return reply.redirect("/sign-in?invitation_accepted=1");
    },
  );
}

export const signInFeature: Feature = { name: "sign-in", registerRoutes };
