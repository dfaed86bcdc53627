import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasPermission } from "../access/roles";
import { recordAuditEvent } from "../audit/service";
import { staffIdForApiToken } from "../auth/api-tokens";
import { findSignedInSession, loadSignedInStaff } from "../auth/service";
import type { SessionPolicy } from "../auth/sessions";
import type { Clock } from "../clock";
import type { Database } from "../db";
import type { RouteAccess } from "./context";
import {
  authenticateParticipant,
  decorateParticipantRequest,
  isParticipantAccess,
  participantVerdict,
  refusedCaller,
  sendParticipantToSignIn,
} from "./participant-guard";
import { sendProblem, wantsJson } from "./problem";

export const SESSION_COOKIE = "tandem_session";

export type DeclaredRoute = { method: string; url: string; access: RouteAccess };

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with its declared access, for the access matrix test and the docs. */
    declaredRoutes: DeclaredRoute[];
  }
}

export type GuardOptions = {
  db: Database;
  clock: Clock;
  sessionPolicy: SessionPolicy;
  demoMode: boolean;
  secureCookies: boolean;
  /** Renders the friendly "you do not have permission" page. */
  renderForbidden: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>;
};

/** Remembers a browser that signed in before, sent only to the sign-in form it belongs to (decision 62). */
export const STAFF_DEVICE_COOKIE = "tandem_device";
export const PARTICIPANT_DEVICE_COOKIE = "tandem_my_device";

export function deviceCookieOptions(secure: boolean, path: "/sign-in" | "/my/sign-in") {
  return { path, httpOnly: true, sameSite: "strict" as const, secure, maxAge: 180 * 86_400 };
}

export function sessionCookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, sameSite: "lax" as const, secure };
}

const isAssetPath = (url: string) =>
  ["/nhsuk/", "/assets/", "/static/"].some((prefix) => url.startsWith(prefix));

/** Whether a request with this sign-in state may use a route with this access rule. */
export function allows(
  access: RouteAccess,
  request: Pick<FastifyRequest, "staff" | "secondFactorPending" | "participant">,
): "allowed" | "sign_in" | "forbidden" {
  if (access === "public") return "allowed";
  if (isParticipantAccess(access) || request.participant) return participantVerdict(access, request);
  if (!request.staff) return "sign_in";
  if (access === "partly_signed_in") return "allowed";
  if (request.secondFactorPending) return "sign_in";
  if (access === "signed_in") return "allowed";
  return hasPermission(request.staff.role, access) ? "allowed" : "forbidden";
}

/**
 * Authenticates every request (session cookie or API bearer token) and enforces each route's
 * declared access before its handler runs.
 */
export function registerGuard(app: FastifyInstance, options: GuardOptions) {
  const { db, clock } = options;
  app.decorateRequest("staff", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("authMethod", null);
  app.decorateRequest("secondFactorPending", false);
  app.decorateRequest("sessionExpired", false);
  decorateParticipantRequest(app);

  const declared: DeclaredRoute[] = [];
  app.decorate("declaredRoutes", declared);
  app.addHook("onRoute", (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    const isAsset = isAssetPath(route.url);
    if (!access && !isAsset) {
      throw new Error(`Route ${route.method} ${route.url} does not declare who may use it (config.access).`);
    }
    if (access) {
      for (const method of [route.method].flat()) {
        if (method !== "HEAD") declared.push({ method, url: route.url, access });
      }
    }
  });

  app.addHook("onRequest", async (request) => {
    // Stylesheets, scripts and images are public: no need to look anyone up for them.
    if (isAssetPath(request.url)) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith("Bearer ")) {
      const staffId = await staffIdForApiToken(db, clock, authorization.slice("Bearer ".length).trim());
      const staff = staffId ? await loadSignedInStaff(db, staffId, options.demoMode) : undefined;
      if (staff) {
        request.staff = staff;
        request.authMethod = "token";
      }
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return authenticateParticipant(request, options);
    const session = await findSignedInSession(db, clock, options.sessionPolicy, token, options.demoMode);
    if (!session) {
      request.sessionExpired = true;
      return;
    }
    request.staff = session.staff;
    request.sessionToken = token;
    request.authMethod = "session";
    request.secondFactorPending = !session.mfaSatisfied;
  });

  // preValidation: after the body is parsed but before it is validated, so a refused caller
  // learns nothing about what the route would have accepted.
  app.addHook("preValidation", async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    const verdict = allows(access, request);
    if (verdict === "allowed") return;
    if (verdict === "forbidden") {
      // A refused request is worth knowing about: someone tried what their role does not allow.
      await recordAuditEvent(db, clock, {
        ...refusedCaller(request),
        action: "route.refused",
        subject: { type: "route", id: `${request.method} ${request.routeOptions.url ?? ""}` },
        ipAddress: request.ip,
        outcome: "refused",
        reason: `needs ${access}`,
      });
    }
    if (wantsJson(request.url)) {
      return verdict === "sign_in"
        ? sendProblem(reply, 401, "Sign in, or present a valid API token, to use this.")
        : sendProblem(reply, 403, "Your role does not allow this.");
    }
    if (verdict === "sign_in") {
      if (isParticipantAccess(access)) return sendParticipantToSignIn(request, reply);
      if (request.staff && request.secondFactorPending) {
        return reply.redirect(
          request.staff.mfaEnrolled ? "/sign-in/second-factor" : "/sign-in/set-up-second-factor",
        );
      }
      // The page asked for is remembered as a path only, and only one of ours.
      const query = new URLSearchParams();
      if (request.method === "GET") query.set("next", request.url.split("?")[0] ?? "/");
      if (request.sessionExpired) {
        query.set("expired", "1");
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
      }
      return reply.redirect(`/sign-in${query.size > 0 ? `?${query}` : ""}`);
    }
    return options.renderForbidden(request, reply);
  });
}
