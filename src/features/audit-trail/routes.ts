import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { pageContext, sendPage, translatorFor } from "../../platform/http/pages";
import { sendProblem } from "../../platform/http/problem";
import { collapseDates, fieldErrors } from "../../platform/web/forms";
import { auditFilterSchema } from "./schema";
import { auditTrailPage, chainStatus, staffIdByEmail } from "./service";
import { AuditTrailPage } from "./views";

const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.date(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  organisationId: z.string().nullable(),
  ipAddress: z.string().nullable(),
  outcome: z.enum(["succeeded", "failed", "refused"]),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  chainSeq: z.number().int().nullable(),
  hash: z.string().nullable(),
});

function registerRoutes(app: Parameters<Feature["registerRoutes"]>[0], { db, clock }: AppDeps) {
  app.get("/admin/audit", { config: { access: "audit.browse" } }, async (request, reply) => {
    // The page's date filters come as day, month and year; the API's as YYYY-MM-DD.
    const query = collapseDates(request.query as Record<string, string | undefined>);
    const parsed = auditFilterSchema.safeParse(query);
    const context = pageContext(request, reply);
    const status = await chainStatus(db);
    if (!parsed.success) {
      return sendPage(
        reply,
        AuditTrailPage({
          ...context,
          query,
          errors: fieldErrors(parsed.error, translatorFor(request), query),
          status,
        }),
        400,
      );
    }
    const filter = parsed.data;
    if (filter.actorEmail) {
      filter.actorId = await staffIdByEmail(db, filter.actorEmail);
      if (!filter.actorId) {
        const errors = [
          { field: "actorEmail", message: translatorFor(request).t("validation.audit.unknownActor") },
        ];
        return sendPage(reply, AuditTrailPage({ ...context, query, errors, status }), 400);
      }
    }
    const page = await auditTrailPage(db, filter, clock.now());
    return sendPage(reply, AuditTrailPage({ ...context, query, filter, page, status }));
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/audit-events",
    {
      config: { access: "audit.browse" },
      schema: {
        summary: "Browse the audit trail, newest first",
        description:
          "Defaults to the last 30 days. Page with `before`, the `nextCursor` of the previous page.",
        tags: ["audit"],
        querystring: auditFilterSchema,
        response: { 200: z.object({ events: z.array(auditEventSchema), nextCursor: z.string().optional() }) },
      },
    },
    async (request, reply) => {
      const filter = request.query;
      if (filter.actorEmail) {
        filter.actorId = await staffIdByEmail(db, filter.actorEmail);
        if (!filter.actorId) return sendProblem(reply, 422, "No staff account has this email address.");
      }
      const page = await auditTrailPage(db, filter, clock.now());
      return {
        events: page.events.map(({ actor: _actor, ...event }) => event),
        nextCursor: page.nextCursor,
      };
    },
  );
}

export const auditTrailFeature: Feature = {
  name: "audit-trail",
  navigation: [{ href: "/admin/audit", label: "nav.auditTrail", requires: "audit.browse" }],
  registerRoutes,
};
