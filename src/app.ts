import { randomBytes } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import { eq } from "drizzle-orm";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Config } from "./config";
import { accountFeature } from "./features/account/routes";
import { administrationFeature } from "./features/administration/routes";
import { assessmentsFeature } from "./features/assessments/routes";
import { auditTrailFeature } from "./features/audit-trail/routes";
import { contactsFeature } from "./features/contacts/routes";
import { employmentFeature } from "./features/employment/routes";
import { homeFeature } from "./features/home/routes";
import { monitoringFeature } from "./features/monitoring/routes";
import { participantsFeature } from "./features/participants/routes";
import { ownRecordFacts, participantAccessFactsLoader } from "./features/participants/service";
import { plansFeature } from "./features/plans/routes";
import { portalFeature } from "./features/portal/routes";
import { timelineFeature } from "./features/timeline/routes";
import {
  AccessRefusedError,
  createParticipantDoor,
  ParticipantMergedError,
  ParticipantNotFoundError,
} from "./platform/access/door";
import { createOwnRecordDoor } from "./platform/access/own-record";
import { hasPermission } from "./platform/access/roles";
import { AuditUnavailableError } from "./platform/audit/service";
import { signInFeature } from "./platform/auth/routes";
import type { Clock } from "./platform/clock";
import type { Database } from "./platform/db";
import { appSetting } from "./platform/db/schema";
import "./platform/http/context";
import { setCaseloadColumns } from "./platform/caseload-columns";
import { registerAnswerAfterCommit } from "./platform/http/answer-after-commit";
import { registerNoStore } from "./platform/http/caching";
import type { AppDeps, Feature } from "./platform/http/feature";
import { registerGuard } from "./platform/http/guard";
import { isClientDataError, registerInputEdge } from "./platform/http/input-edge";
import { operationsFeature } from "./platform/http/operations";
import { registerOriginCheck } from "./platform/http/origin-check";
import { setOwnPagesNavigation } from "./platform/http/own-pages";
import {
  pageContext,
  registerNavigationCounts,
  sendPage,
  setNavigation,
  setParticipantTabs,
} from "./platform/http/pages";
import { sendProblem, wantsJson } from "./platform/http/problem";
import { setRecordBanner } from "./platform/http/record-page";
import { setRecordAlerts } from "./platform/record-alerts";
import { setRecordEventHandlers } from "./platform/record-events";
import { registerWebAssets } from "./platform/web/assets";
import { ErrorPage } from "./platform/web/error-pages";
import { translateIssue } from "./platform/web/forms";
import { createTranslator } from "./platform/web/i18n";

// The API speaks English; pages take the translator of the person reading them.
const english = createTranslator("en-GB");

/** Every capability, in the order their navigation entries appear. */
export const features: Feature[] = [
  operationsFeature,
  signInFeature,
  homeFeature,
  administrationFeature,
  auditTrailFeature,
  participantsFeature,
  contactsFeature,
  timelineFeature,
  plansFeature,
  assessmentsFeature,
  monitoringFeature,
  employmentFeature,
  portalFeature,
  // Last, so "Your account" sits at the end of the navigation.
  accountFeature,
];

// The features' reactions to each other, their caseload columns and a record's open alerts hold
// for every use of them, the demo seeding and the command line included, not only a running web app.
setRecordEventHandlers(features.flatMap((feature) => feature.recordEvents ?? []));
setCaseloadColumns(features.flatMap((feature) => feature.caseloadColumns ?? []));
setRecordAlerts(features.flatMap((feature) => (feature.recordAlerts ? [feature.recordAlerts] : [])));

export type BuildOptions = {
  config: Config;
  db: Database;
  clock: Clock;
  /** Checks the database is reachable, for /readyz. */
  ping: () => Promise<boolean>;
  logger?: FastifyServerOptions["logger"];
  /** Where the app's own logger writes (stdout unless given): tests read it for what must never be logged. */
  logStream?: { write(line: string): void };
  /** Extra delay per failed sign-in; tests set it to 0 to stay fast. */
  signInDelayStepMs?: number;
};

// Request logs carry the method, the path without its query (a search may hold a name) and the
// status: never bodies, cookies or query strings.
const requestSerializers = {
  req: (request: { method: string; url: string; id: string }) => ({
    id: request.id,
    method: request.method,
    path: request.url.split("?")[0],
  }),
  err: safeErrorForLog,
};

/**
 * A failed query's message carries its parameters, which can be a participant's details: logs
 * keep the error's type, code, the statement text (placeholders only) and the stack, never them.
 */
export function safeErrorForLog(error: unknown): {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
} {
  if (!(error instanceof Error))
    return { type: typeof error, message: "a value that is not an Error was thrown", stack: "" };
  const withoutParameters = (text: string): string => text.split(/\nparams:/)[0] ?? "";
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return {
    type: error.name,
    code: (error as { code?: string }).code ?? (cause as { code?: string } | undefined)?.code,
    message: withoutParameters(error.message),
    cause: cause ? withoutParameters(cause.message) : undefined,
    stack: (error.stack ?? "")
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .join("\n"),
  };
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, db, clock } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      serializers: requestSerializers,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    logController: new LogController({
      disableRequestLogging: config.logLevel !== "debug" && config.logLevel !== "trace",
    }),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: "1 minute",
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: "Too many requests",
      message: `Too many requests: try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
    }),
  });
  await app.register(fastifyCookie, { secret: await sharedCookieSecret(db, clock) });
  await app.register(fastifyCsrf, {
    cookieKey: "tandem_csrf",
    cookieOpts: { path: "/", httpOnly: true, sameSite: "strict", secure: config.secureCookies, signed: true },
  });
  await app.register(fastifyFormbody, { bodyLimit: config.bodyLimitBytes });
  await registerWebAssets(app);

  // Cross-site writes are refused as they arrive, before anyone is looked up (decision 52).
  registerOriginCheck(app, {
    publicUrl: config.publicUrl,
    refuse: (request, reply) =>
      wantsJson(request.url)
        ? sendProblem(reply, 403, "The request came from another site. Nothing was changed.")
        : sendPage(
            reply,
            ErrorPage({ ...pageContext(request, reply), status: 403, reason: "cross_site" }),
            403,
          ),
  });
  registerNoStore(app);
  registerAnswerAfterCommit(app);

  registerGuard(app, {
    db,
    clock,
    sessionPolicy: config.session,
    demoMode: config.demoMode,
    secureCookies: config.secureCookies,
    renderForbidden: (request, reply) =>
      sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: 403 }), 403),
  });

  // Every form post and every cookie-authenticated API write carries the CSRF token; a bearer
  // token cannot be sent by another site, so token-authenticated calls need none.
  app.addHook("preValidation", (request, reply, done) => {
    if (reply.sent) return done();
    const unsafe = !["GET", "HEAD", "OPTIONS"].includes(request.method);
    if (!unsafe || request.authMethod === "token") return done();
    app.csrfProtection(request, reply, done);
  });
  // Then text no person types (NUL, control characters, half surrogate pairs) is refused for every
  // route at once, before any schema or query sees it (decision 50).
  registerInputEdge(app, {
    refuse: (request, reply, where) =>
      wantsJson(request.url)
        ? sendProblem(reply, 400, "The request contains a control character or malformed text.", {
            errors: [{ pointer: where, detail: "Remove control characters and malformed text." }],
          })
        : sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: 400, reason: "input" }), 400),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Tandem API",
        version: "1",
        description:
          "Employment support inside mental health and primary care. Errors are RFC 9457 problem documents.",
      },
      components: {
        securitySchemes: {
          bearerToken: { type: "http", scheme: "bearer", description: "An API token from Your account" },
          sessionCookie: { type: "apiKey", in: "cookie", name: "tandem_session" },
        },
      },
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
    },
    transform: (input) => {
      if (!input.url.startsWith("/api/v1/") || input.url === "/api/v1/openapi.json") {
        return { schema: { ...input.schema, hide: true }, url: input.url };
      }
      return jsonSchemaTransform(input);
    },
  });

  app.setErrorHandler((thrown, request, reply) => {
    const error = thrown as FastifyError;
    const json = wantsJson(request.url);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(reply, 400, "The request did not pass validation.", {
        errors: error.validation.map((issue) => ({
          pointer: `/${issue.instancePath.replace(/^\//, "")}`,
          detail: translateIssue({ message: issue.message ?? "Invalid value", ...issue.params }, english),
        })),
      });
    }
    // A safety net: input the edge and the schemas should have refused, but that reached a `.parse`
    // or the database, is still the caller's mistake, not ours. Logged, so the cause gets fixed.
    if (isClientDataError(thrown)) {
      request.log.warn({ err: error }, "input that should have been refused at the edge reached a handler");
      return json
        ? sendProblem(reply, 400, "The request contains a value that cannot be used.")
        : sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: 400 }), 400);
    }
    const status = typeof error.statusCode === "number" ? error.statusCode : 500;
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("FST_CSRF")) {
      return json
        ? sendProblem(reply, 403, "The request did not carry a valid CSRF token. Nothing was changed.")
        : sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: 403, reason: "csrf" }), 403);
    }
    if (error instanceof AuditUnavailableError) {
      request.log.error({ err: error.cause }, "audit write failed; action refused");
      return json
        ? sendProblem(
            reply,
            503,
            "The audit trail could not be written, so nothing was done. Try again later.",
          )
        : sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: 503 }), 503);
    }
    // The participant door's refusals reach here from any feature; the audit event is already written.
    // A record merged into another (decision 63): say so, and link to the kept record.
    if (thrown instanceof ParticipantMergedError) {
      const keptHref = `/participants/${thrown.mergedIntoId}`;
      return json
        ? sendProblem(reply, 410, `This record was merged into another record: ${keptHref}`)
        : sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: 410, keptHref }), 410);
    }
    if (thrown instanceof ParticipantNotFoundError) {
      return json
        ? sendProblem(reply, 404, "No participant has this identifier.")
        : sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: 404 }), 404);
    }
    if (thrown instanceof AccessRefusedError) {
      return json
        ? sendProblem(reply, 403, thrown.message)
        : sendPage(
            reply,
            ErrorPage({
              ...pageContext(request, reply),
              status: 403,
              reason: "participant",
              emergencyHref: emergencyAccessOffer(request),
            }),
            403,
          );
    }
    if (status >= 500) request.log.error({ err: error }, "request failed");
    const safeStatus = status >= 400 && status < 600 ? status : 500;
    // Client errors from the framework (bad JSON, too large, wrong content type) say what was wrong.
    const detail =
      safeStatus < 500 ? error.message : "Something went wrong on our side. Nothing was changed.";
    if (json) return sendProblem(reply, safeStatus, detail);
    return sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: safeStatus }), safeStatus);
  });

  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request.url)) return sendProblem(reply, 404, "There is nothing at this address.");
    return sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: 404 }), 404);
  });

  const door = createParticipantDoor(db, clock, participantAccessFactsLoader(clock));
  const deps: AppDeps = {
    config,
    db,
    clock,
    door,
    ownRecordDoor: createOwnRecordDoor(db, clock, ownRecordFacts),
    ping: options.ping,
    signInDelayStepMs: options.signInDelayStepMs ?? 250,
  };
  setNavigation(features.flatMap((feature) => feature.navigation ?? []));
  registerNavigationCounts(app, db);
  setParticipantTabs(features.flatMap((feature) => feature.participantTabs ?? []));
  setOwnPagesNavigation(features.flatMap((feature) => feature.ownPagesNavigation ?? []));
  const bannerFrom = features.find((feature) => feature.recordBanner)?.recordBanner;
  if (bannerFrom) setRecordBanner(bannerFrom);
  for (const feature of features) {
    await app.register(async (scope) => {
      await feature.registerRoutes(scope, deps);
    });
  }
  app.get("/api/v1/openapi.json", { config: { access: "public" } }, async () => app.swagger());
  return app;
}

/** A refused record page offers break-glass to those whose role may use it. */
function emergencyAccessOffer(request: FastifyRequest): string | undefined {
  const match = /^\/participants\/([0-9a-f-]{36})(\/|$)/.exec(request.url.split("?")[0] ?? "");
  if (!match || !request.staff || !hasPermission(request.staff.role, "participant.emergency_access"))
    return undefined;
  return `/participants/${match[1]}/emergency-access`;
}

/** One cookie-signing secret for every app node, made once and kept in the database. */
async function sharedCookieSecret(db: Database, clock: Clock): Promise<string> {
  const [existing] = await db.select().from(appSetting).where(eq(appSetting.key, "cookie_secret"));
  if (existing) return existing.value;
  await db
    .insert(appSetting)
    .values({ key: "cookie_secret", value: randomBytes(32).toString("base64url"), updatedAt: clock.now() })
    .onConflictDoNothing();
  const [stored] = await db.select().from(appSetting).where(eq(appSetting.key, "cookie_secret"));
  return stored!.value;
}
