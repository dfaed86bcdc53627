import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { AppDeps } from "../../../platform/http/feature";
import { pageContext, sendPage, translatorFor } from "../../../platform/http/pages";
import { type FieldError, formBody, translateIssue } from "../../../platform/web/forms";
import { isMessageKey, type Translator } from "../../../platform/web/i18n";
import { type RuleThreshold, ruleSettingLimits, ruleSettingsForm } from "./schema";
import { ruleSettingsHistory, ruleSettingsInForce, saveRuleSettings } from "./service";
import { RuleSettingsPage } from "./views";

// The organisation's early-warning rules, for its administrators. An admin changes the rules of
// their own organisation; who changed what is in the history on the page and in the audit trail.

const access = { config: { access: "directory.manage" as const } };

/** The first message for each field, with both of its limits ("from 7 to 120"), not only the one broken. */
function ruleSettingsErrors(error: z.ZodError, t: Translator): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors.some((existing) => existing.field === field)) continue;
    const limits = Object.hasOwn(ruleSettingLimits, field) ? ruleSettingLimits[field as RuleThreshold] : null;
    const message =
      limits && isMessageKey(issue.message)
        ? t.t(issue.message, { min: t.formatNumber(limits.min), max: t.formatNumber(limits.max) })
        : translateIssue(issue, t);
    errors.push({ field, message });
  }
  return errors;
}

export function registerRuleSettingsRoutes(app: FastifyInstance, { db, clock }: AppDeps) {
  const showPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<Parameters<typeof RuleSettingsPage>[0]> = {},
    status = 200,
  ) => {
    const organisationId = request.staff!.organisationId;
    const [inForce, history] = await Promise.all([
      ruleSettingsInForce(db, organisationId),
      ruleSettingsHistory(db, organisationId),
    ]);
    return sendPage(
      reply,
      RuleSettingsPage({
        ...pageContext(request, reply),
        inForce,
        history,
        values: inForce.settings,
        ...extra,
      }),
      status,
    );
  };

  app.get("/admin/monitoring-rules", access, async (request, reply) => {
    const saved = Number((request.query as { saved?: string }).saved);
    return showPage(request, reply, Number.isInteger(saved) && saved > 0 ? { savedVersion: saved } : {});
  });

  app.post("/admin/monitoring-rules", access, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = ruleSettingsForm.safeParse(body);
    if (!parsed.success)
      return showPage(
        request,
        reply,
        { values: body, errors: ruleSettingsErrors(parsed.error, translatorFor(request)) },
        400,
      );
    const { version, reason, ...settings } = parsed.data;
    const outcome = await saveRuleSettings(
      db,
      clock,
      { actor: request.staff!, ipAddress: request.ip },
      request.staff!.organisationId,
      { settings, version, reason },
    );
    if (outcome.kind === "stale")
      return showPage(request, reply, { values: body, conflict: outcome.current }, 409);
    return reply.redirect(`/admin/monitoring-rules?saved=${outcome.row.version}`, 303);
  });
}
