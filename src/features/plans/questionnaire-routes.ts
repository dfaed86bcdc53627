import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/http/feature";
import { checkForm } from "../../platform/http/form-post";
import { recordFrame, recordRoute, write } from "../../platform/http/record-page";
import { measuresIntervalForm } from "./forms";
import { planPath } from "./handlers";
import { measuresInterval, saveMeasuresInterval } from "./measures-interval";
import { MeasuresIntervalPage } from "./questionnaire-views";

/** How often the questionnaires come with check-ins: part of the plan, agreed with the person. */
export function registerQuestionnaireRoutes(app: FastifyInstance, deps: AppDeps) {
  const { clock } = deps;
  const url = "/participants/:participantId/plan/questionnaires";

  app.get(
    url,
    write,
    recordRoute(deps.door, "read", "plan questionnaires", async (record, request, reply) => {
      const interval = await measuresInterval(record);
      if (!interval) return { redirect: planPath(record.participantId) };
      return {
        page: MeasuresIntervalPage({
          ...(await recordFrame(record, request, reply)),
          participantId: record.participantId,
          values: { measuresEveryWeeks: interval.everyWeeks === null ? "none" : String(interval.everyWeeks) },
          version: interval.version,
        }),
      };
    }),
  );

  app.post(
    url,
    write,
    recordRoute(deps.door, "write", "plan questionnaires", async (record, request, reply) => {
      const interval = await measuresInterval(record);
      if (!interval) return { redirect: planPath(record.participantId) };
      const checked = checkForm(measuresIntervalForm, request);
      const frame = async () => ({
        ...(await recordFrame(record, request, reply)),
        participantId: record.participantId,
        values: checked.body,
        version: interval.version,
      });
      if (!checked.ok)
        return { page: MeasuresIntervalPage({ ...(await frame()), errors: checked.errors }), status: 400 };
      const outcome = await saveMeasuresInterval(
        record,
        checked.form.measuresEveryWeeks,
        checked.form.version,
        clock.now(),
      );
      if (outcome === "stale")
        return {
          page: MeasuresIntervalPage({
            ...(await frame()),
            stale: interval.everyWeeks === null ? "none" : String(interval.everyWeeks),
          }),
          status: 409,
        };
      return { redirect: `${planPath(record.participantId)}?notice=measuresSaved#questionnaires` };
    }),
  );
}
