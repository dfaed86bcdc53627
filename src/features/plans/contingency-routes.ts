import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/http/feature";
import { checkForm } from "../../platform/http/form-post";
import { recordFrame, recordRoute, write } from "../../platform/http/record-page";
import { recordContingencyUse } from "./contingency-uses";
import { ContingencyUseFormPage } from "./contingency-views";
import { contingencyActivationForm } from "./forms";
import { planPath } from "./handlers";
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
    write,
    recordRoute(deps.door, "read", "plan contingency use", async (record, request, reply) => {
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
    write,
    recordRoute(deps.door, "write", "plan contingency use", async (record, request, reply) => {
      const view = await loadPlan(record);
      if (!view) return { redirect: planPath(record.participantId) };
      const checked = checkForm(contingencyActivationForm, request);
      if (!checked.ok)
        return {
          page: ContingencyUseFormPage({
            ...(await recordFrame(record, request, reply)),
            participantId: record.participantId,
            planned: view.plan.contingencyAlternatives,
            values: checked.body,
            errors: checked.errors,
          }),
          status: 400,
        };
      await recordContingencyUse(record, checked.form, clock.now());
      return { redirect: `${planPath(record.participantId)}?notice=contingencyUsed#contingency-uses` };
    }),
  );
}
