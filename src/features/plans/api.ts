import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import type { AppDeps } from "../../platform/http/feature";
import { problemDocument, sendProblem } from "../../platform/http/problem";
import { fieldErrors } from "../../platform/web/forms";
import { createTranslator } from "../../platform/web/i18n";
import { saveContingency, updateAction, updateGoal, updateSupport, updateWarningSign } from "./edits";
import { actionForm, basedOn, contingencyForm, goalForm, supportForm, warningSignForm } from "./schema";
import { type EditOutcome, loadPlan, snapshotOf } from "./service";

// The API speaks English, as the app's problem documents do.
const english = createTranslator("en-GB");

const params = z.strictObject({ participantId: z.uuid() });
const itemParams = z.strictObject({ participantId: z.uuid(), itemId: z.uuid() });
const anyBody = z
  .record(z.string(), z.unknown())
  .describe("The section's fields and the `version` it was based on");

type Answer =
  | { status: number; body: unknown }
  | { problem: number; detail: string; extra?: Record<string, unknown> };

function send(reply: FastifyReply, answer: Answer) {
  if ("status" in answer) return reply.code(answer.status).send(answer.body);
  if (!answer.extra) return sendProblem(reply, answer.problem, answer.detail);
  // RFC 9457 extension members: a conflict carries the saved version so the client can merge.
  return reply
    .code(answer.problem)
    .type("application/problem+json; charset=utf-8")
    .send({ ...problemDocument(answer.problem, answer.detail), ...answer.extra });
}

/** Field-level messages with a JSON pointer, from the form's schema and the version field. */
function parseBody<Form>(schema: z.ZodType<Form>, body: unknown) {
  const input = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const parsed = schema.safeParse(input);
  const version = basedOn.safeParse(input);
  const errors = [
    ...(parsed.success ? [] : fieldErrors(parsed.error, english)),
    ...(version.success ? [] : fieldErrors(version.error, english)),
  ].map((error) => ({ pointer: `/${error.field}`, detail: error.message }));
  if (!parsed.success || !version.success) return { errors } as const;
  return { form: parsed.data, version: version.data.version } as const;
}

function outcomeAnswer<Row extends { version: number }>(
  outcome: EditOutcome<Row>,
  versionOf = (row: Row) => row.version,
): Answer {
  switch (outcome.kind) {
    case "saved":
      return { status: 200, body: { ...outcome.row, version: versionOf(outcome.row) } };
    case "stale":
      return {
        problem: 409,
        detail:
          "Someone else changed this after the version you sent. Nothing was saved: compare, then send again with the current version.",
        extra: { currentVersion: versionOf(outcome.current), current: outcome.current },
      };
    case "invalid":
      return {
        problem: 400,
        detail: "The request did not pass validation.",
        extra: { errors: [{ pointer: `/${outcome.field}`, detail: english.t(outcome.message) }] },
      };
    default:
      return { problem: 404, detail: "This plan has no such item." };
  }
}

export function registerPlanApi(app: FastifyInstance, { door, clock }: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const open = <Result>(
    request: { staff?: unknown; ip: string },
    participantId: string,
    purpose: "read" | "write",
    what: string,
    work: (record: ParticipantRecord) => Promise<Result>,
  ) =>
    door.withParticipant(
      request.staff as never,
      participantId,
      { purpose, what, ipAddress: request.ip },
      work,
    );

  api.get(
    "/api/v1/participants/:participantId/plan",
    {
      config: { access: "participant.read" },
      schema: {
        summary: "A participant's support plan and its agreed versions",
        description:
          "The current plan (goals, actions, referrals to other support, early-warning signs, contingency) with the version of each part, and the agreed versions, newest first. Opened through the access policy.",
        tags: ["plans"],
        params,
      },
    },
    async (request, reply) => {
      const view = await open(request, request.params.participantId, "read", "plan", loadPlan);
      if (!view) return sendProblem(reply, 404, "This participant has no support plan yet.");
      return {
        plan: {
          id: view.plan.id,
          version: view.plan.version,
          contingencyVersion: view.plan.contingencyVersion,
          createdAt: view.plan.createdAt,
          updatedAt: view.plan.updatedAt,
        },
        goals: view.goals,
        actions: view.actions,
        supports: view.supports,
        warningSigns: view.warningSigns,
        contingency: snapshotOf(view).contingency,
        versions: view.versions,
      };
    },
  );

  api.put(
    "/api/v1/participants/:participantId/plan/contingency",
    {
      config: { access: "participant.write" },
      schema: {
        summary: "Change the contingency plan",
        description:
          "Send `contingencyText`, `alternatives`, `checkBackDate` and the `version` (the plan's `contingencyVersion`) you based the change on. A stale version gets 409 with the saved contingency plan.",
        tags: ["plans"],
        params,
        body: anyBody,
      },
    },
    async (request, reply) => {
      const parsed = parseBody(contingencyForm, request.body);
      if ("errors" in parsed)
        return sendProblem(reply, 400, "The request did not pass validation.", { errors: parsed.errors });
      const answer = await open(
        request,
        request.params.participantId,
        "write",
        "plan contingency",
        async (record) =>
          outcomeAnswer(
            await saveContingency(record, clock, parsed.form, parsed.version),
            (row) => row.contingencyVersion,
          ),
      );
      return send(reply, answer);
    },
  );

  const items = [
    { segment: "goals", what: "plan goal", schema: goalForm, update: updateGoal },
    { segment: "actions", what: "plan action", schema: actionForm, update: updateAction },
    { segment: "supports", what: "plan support referral", schema: supportForm, update: updateSupport },
    {
      segment: "warning-signs",
      what: "plan early-warning sign",
      schema: warningSignForm,
      update: updateWarningSign,
    },
  ] as const;
  for (const item of items) {
    api.put(
      `/api/v1/participants/:participantId/plan/${item.segment}/:itemId`,
      {
        config: { access: "participant.write" },
        schema: {
          summary: `Change one of the plan's ${item.segment.replace("-", " ")}`,
          description:
            "Send the item's fields and the `version` you based the change on. A stale version gets 409 with the saved item and its current version.",
          tags: ["plans"],
          params: itemParams,
          body: anyBody,
        },
      },
      async (request, reply) => {
        const parsed = parseBody(item.schema as z.ZodType<unknown>, request.body);
        if ("errors" in parsed)
          return sendProblem(reply, 400, "The request did not pass validation.", { errors: parsed.errors });
        const { participantId, itemId } = request.params;
        const answer = await open(request, participantId, "write", item.what, async (record) =>
          outcomeAnswer(
            await (item.update as (...args: unknown[]) => Promise<EditOutcome<{ version: number }>>)(
              record,
              clock,
              itemId,
              parsed.form,
              parsed.version,
            ),
          ),
        );
        return send(reply, answer);
      },
    );
  }
}
