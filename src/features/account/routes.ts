import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { roleTemplates } from "../../platform/access/roles";
import { recordAuditEvent } from "../../platform/audit/service";
import { issueApiToken, listApiTokens, revokeApiToken } from "../../platform/auth/api-tokens";
import { changePassword, replaceRecoveryCodes } from "../../platform/auth/service";
import { createSession } from "../../platform/auth/sessions";
import { RecoveryCodesPage } from "../../platform/auth/views";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { SESSION_COOKIE, sessionCookieOptions } from "../../platform/http/guard";
import { pageContext, sendPage, translatorFor } from "../../platform/http/pages";
import { type FieldError, fieldErrors, formBody } from "../../platform/web/forms";
import { apiTokenForm, changePasswordForm } from "./schema";
import { accountOverview } from "./service";
import { AccountPage, NewApiTokenPage } from "./views";

function registerRoutes(app: Parameters<Feature["registerRoutes"]>[0], deps: AppDeps) {
  const { db, clock } = deps;

  async function showAccount(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      passwordErrors?: FieldError[];
      tokenErrors?: FieldError[];
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

  app.post(
    "/account/recovery-codes",
    { config: { access: "account.manage_own" } },
    async (request, reply) => {
      const staff = request.staff!;
      if (!staff.mfaEnrolled) return reply.redirect("/account");
      const codes = await db.transaction(async (tx) => {
        const fresh = await replaceRecoveryCodes(tx, clock, staff.staffId);
        await recordAuditEvent(tx, clock, {
          actor: { id: staff.staffId, role: staff.role },
          action: "account.recovery_codes_replaced",
          subject: { type: "staff", id: staff.staffId },
          organisationId: staff.organisationId,
          ipAddress: request.ip,
          outcome: "succeeded",
        });
        return fresh;
      });
      return sendPage(reply, RecoveryCodesPage({ ...pageContext(request, reply), codes }));
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
