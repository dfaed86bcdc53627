import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiTranslator, sendProblemWith, sendValidationProblem } from "../../platform/http/api-answers";
import type { AppDeps } from "../../platform/http/feature";
import { alertRules, alertSeverities, alertStatuses, openRecordAlerts } from "../../platform/record-alerts";
import { itemMessages } from "./answers";
import { measureById, measureIds } from "./measures";
import { measureApiBody, responseCompletionMethods } from "./schema";
import { hiddenReason, measuresOverview, recordMeasure } from "./service";

const responseSchema = z.object({
  id: z.uuid(),
  total: z.number().int(),
  reported: z.number(),
  band: z.string(),
  bandLabel: z.string(),
  completionMethod: z.enum(responseCompletionMethods),
  completedAt: z.date(),
  /** Null when the person completed it in their own pages. */
  recordedBy: z.string().nullable(),
});

const measureSchema = z.object({
  instrument: z.enum(measureIds),
  title: z.string(),
  visible: z.boolean(),
  /** Why the scores are withheld from this reader, in plain words. */
  hiddenReason: z.string().optional(),
  count: z.number().int(),
  responses: z.array(responseSchema).optional(),
  change: z
    .object({
      difference: z.number(),
      kind: z.enum(["reliable_improvement", "reliable_deterioration", "no_reliable_change"]).nullable(),
    })
    .nullable()
    .optional(),
});

const params = z.strictObject({ participantId: z.uuid() });

export function registerAssessmentsApi(app: FastifyInstance, { door, clock }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/v1/participants/:participantId/assessments",
    {
      config: { access: "participant.read" },
      schema: {
        summary: "A participant's questionnaire scores and open alerts",
        description:
          "Scores are included only for measures the reader may see (assessment scores are shared with employment staff only with the participant's consent).",
        tags: ["assessments"],
        params,
        response: {
          200: z.object({
            measures: z.array(measureSchema),
            alerts: z.array(
              z.object({
                id: z.uuid(),
                rule: z.enum(alertRules),
                severity: z.enum(alertSeverities),
                status: z.enum(alertStatuses),
                raisedAt: z.date(),
              }),
            ),
          }),
        },
      },
    },
    async (request) =>
      door.withParticipant(
        request.staff!,
        request.params.participantId,
        { purpose: "read", what: "assessments", ipAddress: request.ip },
        async (record) => {
          const { summaries } = await measuresOverview(record);
          const alerts = await openRecordAlerts(record);
          return {
            measures: summaries.map((summary) => {
              const { definition } = summary;
              const common = { instrument: definition.id, title: definition.title, count: summary.count };
              if (!summary.visible)
                return {
                  ...common,
                  visible: false,
                  hiddenReason: apiTranslator.t(`assessments.hidden.${hiddenReason(record)}`),
                };
              return {
                ...common,
                visible: true,
                change: summary.change,
                responses: summary.history.map((row) => ({
                  id: row.id,
                  total: row.total,
                  reported: row.total * definition.reportedMultiplier,
                  band: row.band,
                  bandLabel: definition.bands.find((band) => band.id === row.band)?.label ?? row.band,
                  completionMethod: row.completionMethod,
                  completedAt: row.completedAt,
                  recordedBy: row.recordedByName,
                })),
              };
            }),
            alerts: alerts.map(({ id, rule, severity, status, raisedAt }) => ({
              id,
              rule,
              severity,
              status,
              raisedAt,
            })),
          };
        },
      ),
  );

  api.post(
    "/api/v1/participants/:participantId/assessments",
    {
      config: { access: "participant.write" },
      schema: {
        summary: "Record a completed questionnaire",
        description:
          'Answers are keyed by item number ("1" …). Every item must be answered with one of its options. A PHQ-9 item 9 answer above 0 raises an urgent clinical safety alert in the same transaction.',
        tags: ["assessments"],
        params,
        body: measureApiBody,
        response: {
          201: z.object({
            id: z.uuid(),
            instrument: z.enum(measureIds),
            total: z.number().int(),
            band: z.string(),
            safetyAlertId: z.uuid().nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      const definition = measureById(request.body.instrument)!;
      const completedAt = request.body.completedAt ? new Date(request.body.completedAt) : undefined;
      if (completedAt && completedAt.getTime() > clock.now().getTime()) {
        const detail = apiTranslator.t("validation.assessment.future");
        return sendValidationProblem(reply, [{ pointer: "/completedAt", detail }], detail);
      }
      const outcome = await door.withParticipant(
        request.staff!,
        request.params.participantId,
        { purpose: "write", what: `assessment ${definition.id}`, ipAddress: request.ip },
        async (record) => ({
          result: await recordMeasure(
            record,
            definition,
            { answers: request.body.answers, completionMethod: request.body.completionMethod, completedAt },
            clock.now(),
          ),
          reason: hiddenReason(record),
        }),
      );
      const { result } = outcome;
      if (result.kind === "hidden")
        return sendProblemWith(reply, 403, apiTranslator.t(`assessments.hidden.${outcome.reason}`));
      if (result.kind === "invalid_answers")
        return sendValidationProblem(
          reply,
          itemMessages(result.problems, apiTranslator).map(({ itemId, message }) => ({
            pointer: `/answers/${itemId}`,
            detail: message,
          })),
          "The answers did not pass validation. Nothing was recorded.",
        );
      return reply.code(201).send({
        id: result.row.id,
        instrument: definition.id,
        total: result.row.total,
        band: result.row.band,
        safetyAlertId: result.row.alertId,
      });
    },
  );
}
