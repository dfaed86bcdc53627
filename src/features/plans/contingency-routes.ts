import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/http/feature";
import { translatorFor } from "../../platform/http/pages";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { recordContingencyUse } from "./contingency-uses";
import { ContingencyUseFormPage } from "./contingency-views";
import { planHandler, planPath, recordFrame } from "./handlers";
import { contingencyActivationForm } from "./schema";
import { loadPlan } from "./service";

const alertFrom = (request: FastifyRequest) => {
  const alert = (request.query as { alert?: unknown } | undefined)?.alert;
  return typeof alert === "string" && /^[0-9a-f-]{36}$/i.test(alert) ? alert : undefined;
};

/** Putting the contingency plan to use: from the plan, or from an alert that called for it. */
export function registerContingencyRoutes(app: FastifyInstance, deps: AppDeps) {
  const { clock } = deps;
  const url = "/participants/:participantId/plan/contingency/use";

  app.get(
    url,
    { config: { access: "participant.write" } },
    planHandler(deps, "read", "plan contingency use", async (record, request, reply) => {
      const view = await loadPlan(record);
      if (!view) return { redirect: planPath(record.participantId) };
      const planned = view.plan.contingencyAlternatives;
      return {
        page: ContingencyUseFormPage({
          ...(await recordFrame(record, request, reply)),
          participantId: record.participantId,
          planned,
          values: { offered: planned, alertId: alertFrom(request) },
        }),
      };
    }),
  );

  app.post(
    url,
    { config: { access: "participant.write" } },
    planHandler(deps, "write", "plan contingency use", async (record, request, reply) => {
      const view = await loadPlan(record);
      if (!view) return { redirect: planPath(record.participantId) };
      const body = formBody(request.body);
      const parsed = contingencyActivationForm.safeParse(body);
      if (!parsed.success)
        return {
          page: ContingencyUseFormPage({
            ...(await recordFrame(record, request, reply)),
            participantId: record.participantId,
            planned: view.plan.contingencyAlternatives,
            values: body,
            errors: fieldErrors(parsed.error, translatorFor(request)),
          }),
          status: 400,
        };
      await recordContingencyUse(record, parsed.data, clock.now());
      return { redirect: `${planPath(record.participantId)}?notice=contingencyUsed#contingency-uses` };
    }),
  );
}
