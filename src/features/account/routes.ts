import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { roleTemplates } from "../../platform/access/roles";
import { issueApiToken, listApiTokens, revokeApiToken } from "../../platform/auth/api-tokens";
import { newMfaSecret, otpauthUri, qrCodeSvg } from "../../platform/auth/mfa";
import {
  codeThrottle,
  replaceRecoveryCodesWithProof,
  replaceSecondFactor,
} from "../../platform/auth/second-factor";
import { changePassword } from "../../platform/auth/service";
import { createSession } from "../../platform/auth/sessions";
import { isAllowed, signInStateOf } from "../../platform/auth/sign-in-states";
import { minutesUntil } from "../../platform/auth/throttle";
import { RecoveryCodesPage } from "../../platform/auth/views";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { SESSION_COOKIE, sessionCookieOptions } from "../../platform/http/guard";
import { pageContext, sendPage, translatorFor } from "../../platform/http/pages";
import { type FieldError, fieldErrors, formBody } from "../../platform/web/forms";
import { apiTokenForm, changePasswordForm, newRecoveryCodesForm, replaceSecondFactorForm } from "./schema";
import { accountOverview } from "./service";
import { AccountPage, NewApiTokenPage, ReplaceSecondFactorPage } from "./views";

function registerRoutes(app: Parameters<Feature["registerRoutes"]>[0], deps: AppDeps) {
  const { db, clock } = deps;

  async function showAccount(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      passwordErrors?: FieldError[];
      tokenErrors?: FieldError[];
      recoveryErrors?: FieldError[];
      notice?: string;
      tokenName?: string;
    } = {},
    status = 200,
  ) {
    const staff = request.staff!;
    const overview = await accountOverview(db, staff.staffId);
    const tokens = await listApiTokens(db, staff.staffId);
    return sendPage(
      reply,
      AccountPage({
        ...pageContext(request, reply),
        overview: overview!,
        tokens,
        now: clock.now(),
        ...extra,
      }),
      status,
    );
  }

  app.get("/account", { config: { access: "account.manage_own" } }, async (request, reply) => {
    const notice = (request.query as Record<string, string | undefined>).notice;
    return showAccount(request, reply, { notice });
  });

  app.post("/account/password", { config: { access: "account.manage_own" } }, async (request, reply) => {
    const parsed = changePasswordForm.safeParse(formBody(request.body));
    if (!parsed.success)
      return showAccount(
        request,
        reply,
        { passwordErrors: fieldErrors(parsed.error, translatorFor(request)) },
        400,
      );
    const staff = request.staff!;
    const outcome = await changePassword(
      db,
      clock,
      staff,
      parsed.data.currentPassword,
      parsed.data.password,
      request.ip,
    );
    if (outcome === "wrong_current_password") {
      return showAccount(
        request,
        reply,
        {
          passwordErrors: [
            {
              field: "currentPassword",
              message: translatorFor(request).t("validation.password.currentWrong"),
            },
          ],
        },
        400,
      );
    }
    // Every session ended with the change; this browser gets a fresh one.
    reply.setCookie(
      SESSION_COOKIE,
      await createSession(db, clock, staff.staffId, true, request.ip),
      sessionCookieOptions(deps.config.secureCookies),
    );
    return reply.redirect("/account?notice=password_changed");
  });

  const codePolicy = codeThrottle(deps.config.secondFactor, deps.signInDelayStepMs);
  // Every page here is for someone fully signed in (the guard sends anyone else to sign in).
  const stateOf = (request: FastifyRequest) =>
    signInStateOf({ session: "full", factorEnrolled: request.staff!.mfaEnrolled });

  /** Signs this browser in afresh after a change that ended every session of the account. */
  async function freshSession(request: FastifyRequest, reply: FastifyReply) {
    reply.setCookie(
      SESSION_COOKIE,
      await createSession(db, clock, request.staff!.staffId, true, request.ip),
      sessionCookieOptions(deps.config.secureCookies),
    );
  }

  /** What a refused proof says, beside the field that was wrong. */
  function proofErrors(
    request: FastifyRequest,
    outcome: { kind: "wrong_password" } | { kind: "wrong_current_code" } | { kind: "locked"; until: Date },
    fields: { password: string; code: string },
  ): FieldError[] {
    const t = translatorFor(request);
    if (outcome.kind === "wrong_password")
      return [{ field: fields.password, message: t.t("validation.password.currentWrong") }];
    if (outcome.kind === "wrong_current_code")
      return [{ field: fields.code, message: t.t("validation.secondFactor.currentCodeWrong") }];
    const minutes = minutesUntil(clock, outcome.until);
    return [{ field: fields.code, message: t.t("validation.secondFactor.locked", { minutes }) }];
  }

  const replacePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    secret: string,
    errors?: FieldError[],
    status = 200,
  ) =>
    sendPage(
      reply,
      ReplaceSecondFactorPage({
        ...pageContext(request, reply),
        secret,
        qrSvg: await qrCodeSvg(otpauthUri(secret, request.staff!.email)),
        errors,
      }),
      status,
    );

  // With no factor there is nothing to replace: the account page offers setting one up.
  app.get("/account/second-factor", { config: { access: "account.manage_own" } }, async (request, reply) => {
    if (!isAllowed(stateOf(request), "factor_replaced")) return reply.redirect("/account");
    return replacePage(request, reply, newMfaSecret());
  });

  app.post("/account/second-factor", { config: { access: "account.manage_own" } }, async (request, reply) => {
    if (!isAllowed(stateOf(request), "factor_replaced")) return reply.redirect("/account");
    const body = formBody(request.body);
    const parsed = replaceSecondFactorForm.safeParse(body);
    const t = translatorFor(request);
    const secret =
      typeof body.secret === "string" && /^[A-Z2-7]{32}$/.test(body.secret) ? body.secret : newMfaSecret();
    if (!parsed.success) return replacePage(request, reply, secret, fieldErrors(parsed.error, t), 400);
    const outcome = await replaceSecondFactor(
      db,
      clock,
      codePolicy,
      request.staff!.staffId,
      { password: parsed.data.currentPassword, currentCode: parsed.data.currentCode },
      { secret: parsed.data.secret, code: parsed.data.code },
      request.ip,
    );
    if (outcome.kind === "no_factor") return reply.redirect("/account");
    if (outcome.kind === "wrong_new_code")
      return replacePage(
        request,
        reply,
        secret,
        [{ field: "code", message: t.t("validation.secondFactor.enrolWrong") }],
        400,
      );
    if (outcome.kind !== "done") {
      if (outcome.kind !== "locked") await sleep(outcome.delayMs);
      const errors = proofErrors(request, outcome, { password: "currentPassword", code: "currentCode" });
      return replacePage(request, reply, secret, errors, outcome.kind === "locked" ? 429 : 400);
    }
    await freshSession(request, reply);
    return sendPage(reply, RecoveryCodesPage({ ...pageContext(request, reply), codes: outcome.result }));
  });

  app.post(
    "/account/recovery-codes",
    { config: { access: "account.manage_own" } },
    async (request, reply) => {
      if (!isAllowed(stateOf(request), "recovery_codes_replaced")) return reply.redirect("/account");
      const parsed = newRecoveryCodesForm.safeParse(formBody(request.body));
      if (!parsed.success)
        return showAccount(
          request,
          reply,
          { recoveryErrors: fieldErrors(parsed.error, translatorFor(request)) },
          400,
        );
      const outcome = await replaceRecoveryCodesWithProof(
        db,
        clock,
        codePolicy,
        request.staff!.staffId,
        { password: parsed.data.recoveryPassword, currentCode: parsed.data.recoveryCode },
        request.ip,
      );
      if (outcome.kind === "no_factor") return reply.redirect("/account");
      if (outcome.kind !== "done") {
        if (outcome.kind !== "locked") await sleep(outcome.delayMs);
        const recoveryErrors = proofErrors(request, outcome, {
          password: "recoveryPassword",
          code: "recoveryCode",
        });
        return showAccount(request, reply, { recoveryErrors }, outcome.kind === "locked" ? 429 : 400);
      }
      await freshSession(request, reply);
      return sendPage(reply, RecoveryCodesPage({ ...pageContext(request, reply), codes: outcome.result }));
    },
  );

  app.post("/account/api-tokens", { config: { access: "account.manage_own" } }, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = apiTokenForm.safeParse(body);
    if (!parsed.success) {
      return showAccount(
        request,
        reply,
        {
          tokenErrors: fieldErrors(parsed.error, translatorFor(request)),
          tokenName: String(body.name ?? ""),
        },
        400,
      );
    }
    const token = await issueApiToken(
      db,
      clock,
      request.staff!,
      parsed.data.name,
      parsed.data.validDays,
      request.ip,
    );
    return sendPage(
      reply,
      NewApiTokenPage({ ...pageContext(request, reply), token, name: parsed.data.name }),
    );
  });

  app.post(
    "/account/api-tokens/:tokenId/revoke",
    { config: { access: "account.manage_own" } },
    async (request, reply) => {
      const { tokenId } = request.params as { tokenId: string };
      const valid = z.uuid().safeParse(tokenId).success;
      const revoked = valid && (await revokeApiToken(db, clock, request.staff!, tokenId, request.ip));
      return reply.redirect(revoked ? "/account?notice=token_revoked" : "/account");
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/me",
    {
      config: { access: "signed_in" },
      schema: {
        summary: "Who the token or session belongs to, and what their role allows",
        tags: ["account"],
        response: {
          200: z.object({
            id: z.uuid(),
            fullName: z.string(),
            email: z.string(),
            role: z.string(),
            organisationId: z.uuid(),
            teamIds: z.array(z.uuid()),
            permissions: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => {
      const staff = request.staff!;
      return {
        id: staff.staffId,
        fullName: staff.fullName,
        email: staff.email,
        role: staff.role,
        organisationId: staff.organisationId,
        teamIds: [...staff.teamIds],
        permissions: [...roleTemplates[staff.role].permissions],
      };
    },
  );
}

export const accountFeature: Feature = {
  name: "account",
  navigation: [{ href: "/account", label: "nav.account", requires: "account.manage_own" }],
  registerRoutes,
};
