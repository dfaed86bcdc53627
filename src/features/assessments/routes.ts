import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import { crisisInformation } from "../../platform/directory/crisis";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { checkForm } from "../../platform/http/form-post";
import { translatorFor } from "../../platform/http/pages";
import { type RecordAnswer, read, recordFrame, recordRoute, write } from "../../platform/http/record-page";
import { openRecordAlerts } from "../../platform/record-alerts";
import type { FieldError } from "../../platform/web/components";
import { itemErrors, postedAnswers } from "./answers";
import { registerAssessmentsApi } from "./api";
import { type MeasureDefinition, measureById } from "./measures";
import { registerOwnMeasureRoutes } from "./own-routes";
import { registerProfilePages } from "./profile-routes";
import { findCapability, findProfile } from "./profiles";
import { measureForm } from "./schema";
import { scoreMeasure } from "./scoring";
import {
  findResponse,
  hiddenReason,
  measureHistory,
  measuresOverview,
  measureVisible,
  recordMeasure,
} from "./service";
import {
  AssessmentsTabPage,
  assessmentNotices,
  assessmentsPath,
  HiddenMeasurePage,
  MeasureFormPage,
  MeasureHistoryPage,
} from "./views";

const frame = (record: ParticipantRecord, request: FastifyRequest, reply: FastifyReply) =>
  recordFrame(record, request, reply, assessmentNotices);

const mayWrite = (request: FastifyRequest) => hasPermission(request.staff!.role, "participant.write");

/** The instrument named in the path, or a 404 for anything that is not one of ours. */
function instrumentParam(request: FastifyRequest, reply: FastifyReply): MeasureDefinition | undefined {
  const definition = measureById((request.params as { instrument?: string }).instrument ?? "");
  if (!definition) reply.callNotFound();
  return definition;
}

/** A measure this reader may not see: why, in plain words, and nothing else (403). */
async function hiddenPage(
  record: ParticipantRecord,
  request: FastifyRequest,
  reply: FastifyReply,
  definition: MeasureDefinition,
): Promise<RecordAnswer> {
  return {
    status: 403,
    page: HiddenMeasurePage({
      ...(await frame(record, request, reply)),
      definition,
      reason: hiddenReason(record),
    }),
  };
}

function registerMeasurePages(app: FastifyInstance, { door, clock }: AppDeps) {
  const base = "/participants/:participantId/assessments";

  app.get(
    base,
    read,
    recordRoute(door, "read", "assessments", async (record, request, reply) => ({
      page: AssessmentsTabPage({
        ...(await frame(record, request, reply)),
        overview: await measuresOverview(record),
        hiddenReason: hiddenReason(record),
        alerts: await openRecordAlerts(record),
        capability: await findCapability(record),
        profile: await findProfile(record),
        mayWrite: mayWrite(request),
      }),
    })),
  );

  app.get(`${base}/:instrument`, read, async (request, reply) => {
    const definition = instrumentParam(request, reply);
    if (!definition) return reply;
    return recordRoute(door, "read", `assessment ${definition.id}`, async (record, request, reply) => {
      if (!measureVisible(record, definition)) return hiddenPage(record, request, reply, definition);
      const completedId = (request.query as { completed?: string }).completed;
      const completed =
        completedId && /^[0-9a-f-]{36}$/i.test(completedId)
          ? await findResponse(record, definition, completedId)
          : undefined;
      const safetyItem = definition.safetyItem;
      const safetyConcern = Boolean(
        completed && safetyItem && Number(completed.answers[safetyItem.itemId] ?? 0) > 0,
      );
      return {
        page: MeasureHistoryPage({
          ...(await frame(record, request, reply)),
          definition,
          history: await measureHistory(record, definition),
          completed: completed ? { ...completed, safetyConcern } : undefined,
          crisisInformation: safetyConcern ? await crisisInformation(record.tx, record.organisationId) : null,
          mayWrite: mayWrite(request),
        }),
      };
    })(request, reply);
  });

  const formPage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    definition: MeasureDefinition,
    values: Record<string, unknown>,
    errors?: FieldError[],
  ): Promise<RecordAnswer> => ({
    page: MeasureFormPage({ ...(await frame(record, request, reply)), definition, values, errors }),
    status: errors ? 400 : 200,
  });

  app.get(`${base}/:instrument/new`, write, async (request, reply) => {
    const definition = instrumentParam(request, reply);
    if (!definition) return reply;
    return recordRoute(door, "read", `assessment form ${definition.id}`, async (record, request, reply) =>
      measureVisible(record, definition)
        ? formPage(record, request, reply, definition, {})
        : hiddenPage(record, request, reply, definition),
    )(request, reply);
  });

  app.post(`${base}/:instrument`, write, async (request, reply) => {
    const definition = instrumentParam(request, reply);
    if (!definition) return reply;
    const t = translatorFor(request);
    const method = checkForm(measureForm, request);
    const { body } = method;
    const answers = postedAnswers(definition, body);
    const scored = scoreMeasure(definition, answers);
    // Every unanswered question gets its message at once, with the completion method's.
    const errors = [
      ...(scored.ok ? [] : itemErrors(scored.problems, t)),
      ...(method.ok ? [] : method.errors),
    ];
    const purpose = errors.length > 0 ? "read" : "write";
    return recordRoute(door, purpose, `assessment ${definition.id}`, async (record, request, reply) => {
      if (!measureVisible(record, definition)) return hiddenPage(record, request, reply, definition);
      if (errors.length > 0 || !method.ok) return formPage(record, request, reply, definition, body, errors);
      const result = await recordMeasure(
        record,
        definition,
        { answers, completionMethod: method.form.completionMethod },
        clock.now(),
      );
      if (result.kind === "saved")
        return {
          redirect: `${assessmentsPath(record.participantId)}/${definition.id}?completed=${result.row.id}`,
          status: 303,
        };
      const problems = result.kind === "invalid_answers" ? itemErrors(result.problems, t) : [];
      return formPage(record, request, reply, definition, body, problems);
    })(request, reply);
  });
}

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerMeasurePages(app, deps);
  registerProfilePages(app, deps);
  registerAssessmentsApi(app, deps);
  registerOwnMeasureRoutes(app, deps);
}

export const assessmentsFeature: Feature = {
  name: "assessments",
  participantTabs: [
    { path: "/assessments", label: "assessments.tab", requires: "participant.read", order: 40 },
  ],
  registerRoutes,
};
