import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/http/feature";
import { translatorFor } from "../../platform/http/pages";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { planHandler, planPath, recordFrame } from "./handlers";
import { measuresInterval, saveMeasuresInterval } from "./measures-interval";
import { MeasuresIntervalPage } from "./questionnaire-views";
import { measuresIntervalForm } from "./schema";

/** How often the questionnaires come with check-ins: part of the plan, agreed with the person. */
export function registerQuestionnaireRoutes(app: FastifyInstance, deps: AppDeps) {
  const { clock } = deps;
  const url = "/participants/:participantId/plan/questionnaires";

  app.get(
    url,
    { config: { access: "participant.write" } },
    planHandler(deps, "read", "plan questionnaires", async (record, request, reply) => {
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
    { config: { access: "participant.write" } },
    planHandler(deps, "write", "plan questionnaires", async (record, request, reply) => {
      const interval = await measuresInterval(record);
      if (!interval) return { redirect: planPath(record.participantId) };
      const body = formBody(request.body);
      const parsed = measuresIntervalForm.safeParse(body);
      const frame = async () => ({
        ...(await recordFrame(record, request, reply)),
        participantId: record.participantId,
        values: body,
        version: interval.version,
      });
      if (!parsed.success)
        return {
          page: MeasuresIntervalPage({
            ...(await frame()),
            errors: fieldErrors(parsed.error, translatorFor(request)),
          }),
          status: 400,
        };
      const outcome = await saveMeasuresInterval(
        record,
        parsed.data.measuresEveryWeeks,
        parsed.data.version,
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
