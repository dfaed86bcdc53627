import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import { checkApiBody, sendEditOutcome, sendValidationProblem } from "../../platform/http/api-answers";
import type { AppDeps } from "../../platform/http/feature";
import { sendProblem } from "../../platform/http/problem";
import { saveContingency, updateAction, updateGoal, updateSupport, updateWarningSign } from "./edits";
import { actionForm, contingencyForm, goalForm, supportForm, warningSignForm } from "./forms";
import { type EditOutcome, loadPlan, snapshotOf } from "./service";

const params = z.strictObject({ participantId: z.uuid() });
const itemParams = z.strictObject({ participantId: z.uuid(), itemId: z.uuid() });
const anyBody = z
  .record(z.string(), z.unknown())
  .describe("The section's fields and the `version` it was based on");

const noItem = "This plan has no such item.";

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
      const parsed = checkApiBody(contingencyForm, request.body, { versioned: true });
      if (!parsed.ok) return sendValidationProblem(reply, parsed.errors);
      const outcome = await open(
        request,
        request.params.participantId,
        "write",
        "plan contingency",
        (record) => saveContingency(record, clock, parsed.form, parsed.version),
      );
      return sendEditOutcome(reply, outcome, {
        notFound: noItem,
        versionOf: (row) => row.contingencyVersion,
      });
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
        const parsed = checkApiBody(item.schema as z.ZodType<unknown>, request.body, { versioned: true });
        if (!parsed.ok) return sendValidationProblem(reply, parsed.errors);
        const { participantId, itemId } = request.params;
        const outcome = await open(request, participantId, "write", item.what, (record) =>
          (item.update as (...args: unknown[]) => Promise<EditOutcome<{ version: number }>>)(
            record,
            clock,
            itemId,
            parsed.form,
            parsed.version,
          ),
        );
        return sendEditOutcome(reply, outcome, { notFound: noItem });
      },
    );
  }
}
