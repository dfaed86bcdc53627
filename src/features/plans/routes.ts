import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import { inOrder } from "../../platform/db";
import { crisisInformation } from "../../platform/directory/crisis";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { checkForm } from "../../platform/http/form-post";
import { translatorFor } from "../../platform/http/pages";
import { type RecordAnswer, read, recordFrame, recordRoute, write } from "../../platform/http/record-page";
import type { FieldError } from "../../platform/web/components";
import { registerPlanApi } from "./api";
import { registerContingencyRoutes } from "./contingency-routes";
import { contingencyUses } from "./contingency-uses";
import {
  addAction,
  addGoal,
  addSupport,
  addWarningSign,
  findAction,
  findGoal,
  findSupport,
  findWarningSign,
  saveContingency,
  updateAction,
  updateGoal,
  updateSupport,
  updateWarningSign,
} from "./edits";
import {
  ActionFormPage,
  AgreePage,
  ContingencyFormPage,
  GoalFormPage,
  SupportFormPage,
  WarningSignFormPage,
} from "./form-views";
import { actionForm, agreementForm, contingencyForm, goalForm, supportForm, warningSignForm } from "./forms";
import { planPath, registerItemRoutes } from "./handlers";
import { PrintPlanPage } from "./print-view";
import { registerQuestionnaireRoutes } from "./questionnaire-routes";
import { planChanges } from "./rules";
import { PlanSections } from "./sections";
import {
  agreedVersion,
  agreeVersion,
  careTeam,
  loadPlan,
  nextActionDueOf,
  participantName,
  snapshotOf,
  startPlan,
  supportingTeam,
  today,
} from "./service";
import { PlanEmptyPage, PlanPage, VersionPage } from "./views";

async function actionChoices(record: ParticipantRecord) {
  const [team, plan] = await inOrder([() => careTeam(record), () => loadPlan(record)] as const);
  return {
    careTeam: team,
    goals: (plan?.goals ?? []).map((goal) => ({ value: goal.id, label: goal.goal })),
  };
}

function registerPlanPages(app: FastifyInstance, deps: AppDeps) {
  const { clock } = deps;
  const base = "/participants/:participantId/plan";

  app.get(
    base,
    read,
    recordRoute(deps.door, "read", "plan", async (record, request, reply) => {
      const frame = await recordFrame(record, request, reply);
      const view = await loadPlan(record);
      if (!view) return { page: PlanEmptyPage({ ...frame, participantId: record.participantId }) };
      const snapshot = snapshotOf(view);
      return {
        page: PlanPage({
          ...frame,
          participantId: record.participantId,
          snapshot,
          versions: view.versions,
          changes: view.lastAgreed ? planChanges(view.lastAgreed, snapshot) : undefined,
          today: today(clock),
          notice: (request.query as { notice?: string }).notice,
          contingencyUses: await contingencyUses(record),
          measuresEveryWeeks: view.plan.measuresEveryWeeks,
          mayWrite: hasPermission(record.actor.role, "participant.write"),
        }),
      };
    }),
  );

  app.post(
    base,
    write,
    recordRoute(deps.door, "write", "plan", async (record) => {
      await startPlan(record, clock);
      return { redirect: `${planPath(record.participantId)}?notice=started` };
    }),
  );

  app.get(
    `${base}/contingency`,
    read,
    recordRoute(deps.door, "read", "plan contingency", async (record, request, reply) => {
      const view = await loadPlan(record);
      if (!view) return { redirect: planPath(record.participantId) };
      const { plan } = view;
      return {
        page: ContingencyFormPage({
          ...(await recordFrame(record, request, reply)),
          participantId: record.participantId,
          version: plan.contingencyVersion,
          values: {
            contingencyText: plan.contingencyText,
            alternatives: plan.contingencyAlternatives,
            checkBackDate: plan.checkBackDate,
          },
        }),
      };
    }),
  );

  app.post(
    `${base}/contingency`,
    write,
    recordRoute(deps.door, "write", "plan contingency", async (record, request, reply) => {
      const view = await loadPlan(record);
      if (!view) return { redirect: planPath(record.participantId) };
      const result = checkForm(contingencyForm, request, { versioned: true });
      const body = result.body;
      const frame = async () => ({
        ...(await recordFrame(record, request, reply)),
        participantId: record.participantId,
      });
      if (!result.ok)
        return {
          page: ContingencyFormPage({
            ...(await frame()),
            version: Number(body.version) || view.plan.contingencyVersion,
            values: body,
            errors: result.errors,
          }),
          status: 400,
        };
      const outcome = await saveContingency(record, clock, result.form, result.version);
      if (outcome.kind === "stale") {
        const current = outcome.current;
        return {
          page: ContingencyFormPage({
            ...(await frame()),
            version: current.contingencyVersion,
            values: body,
            conflict: {
              contingencyText: current.contingencyText,
              alternatives: current.contingencyAlternatives,
              checkBackDate: current.checkBackDate,
            },
          }),
          status: 409,
        };
      }
      if (outcome.kind !== "saved") return { notFound: true };
      return { redirect: `${planPath(record.participantId)}?notice=contingencySaved#contingency` };
    }),
  );

  const agreePage = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values: Record<string, unknown>; errors?: FieldError[]; stale?: boolean },
    status = 200,
  ): Promise<RecordAnswer> => {
    const view = await loadPlan(record);
    if (!view) return { redirect: planPath(record.participantId) };
    const frame = await recordFrame(record, request, reply);
    return {
      page: AgreePage({
        ...frame,
        ...extra,
        participantId: record.participantId,
        planVersion: view.plan.version,
        careTeam: await careTeam(record),
        children: PlanSections({ t: frame.t, snapshot: snapshotOf(view), today: today(clock) }),
      }),
      status,
    };
  };

  app.get(
    `${base}/agree`,
    read,
    recordRoute(deps.door, "read", "plan agreement", async (record, request, reply) =>
      agreePage(record, request, reply, { values: {} }),
    ),
  );

  app.post(
    `${base}/agree`,
    write,
    recordRoute(deps.door, "write", "plan agreement", async (record, request, reply) => {
      const result = checkForm(agreementForm(today(clock)), request, { versioned: true });
      const body = result.body;
      if (!result.ok) return agreePage(record, request, reply, { values: body, errors: result.errors }, 400);
      const outcome = await agreeVersion(record, clock, result.form, result.version);
      switch (outcome.kind) {
        case "not_found":
          return { redirect: planPath(record.participantId) };
        case "stale":
          return agreePage(record, request, reply, { values: body, stale: true }, 409);
        case "invalid": {
          const errors = [{ field: outcome.field, message: translatorFor(request).t(outcome.message) }];
          return agreePage(record, request, reply, { values: body, errors }, 400);
        }
        default:
          return { redirect: `${planPath(record.participantId)}?notice=agreed#versions` };
      }
    }),
  );

  app.get(
    `${base}/versions/:number`,
    read,
    recordRoute(deps.door, "read", "plan version", async (record, request, reply) => {
      const number = z.coerce
        .number()
        .int()
        .min(1)
        .max(1_000_000)
        .safeParse((request.params as { number?: string }).number);
      const found = number.success ? await agreedVersion(record, number.data) : undefined;
      if (!found) return { notFound: true };
      return {
        page: VersionPage({
          ...(await recordFrame(record, request, reply)),
          participantId: record.participantId,
          version: found.version,
          changes: found.previous ? planChanges(found.previous, found.version.snapshot) : undefined,
        }),
      };
    }),
  );

  app.get(
    `${base}/print`,
    read,
    recordRoute(deps.door, "read", "plan print", async (record, request) => {
      const view = await loadPlan(record);
      if (!view) return { redirect: planPath(record.participantId) };
      const [name, team, supporting, crisis] = await inOrder([
        () => participantName(record),
        () => careTeam(record),
        () => supportingTeam(record),
        () => crisisInformation(record.tx, record.organisationId),
      ] as const);
      return {
        page: PrintPlanPage({
          t: translatorFor(request),
          name: name ? `${name.givenName} ${name.familyName}` : "",
          snapshot: snapshotOf(view),
          latest: view.versions[0],
          careTeam: team,
          supportingTeam: supporting,
          crisisInformation: crisis,
          printedOn: clock.now(),
          backHref: planPath(record.participantId),
        }),
      };
    }),
  );
}

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  const { clock } = deps;
  registerPlanPages(app, deps);
  registerContingencyRoutes(app, deps);
  registerQuestionnaireRoutes(app, deps);
  registerItemRoutes(app, deps, {
    segment: "goals",
    what: "plan goal",
    schema: goalForm,
    notices: { added: "goalAdded", saved: "goalSaved" },
    find: findGoal,
    add: (record, form) => addGoal(record, clock, form),
    update: (record, id, form, version) => updateGoal(record, clock, id, form, version),
    page: async (props) => GoalFormPage(props),
  });
  registerItemRoutes(app, deps, {
    segment: "actions",
    what: "plan action",
    schema: actionForm,
    notices: { added: "actionAdded", saved: "actionSaved" },
    find: findAction,
    add: (record, form) => addAction(record, clock, form),
    update: (record, id, form, version) => updateAction(record, clock, id, form, version),
    page: async (props, record) => ActionFormPage({ ...props, ...(await actionChoices(record)) }),
  });
  registerItemRoutes(app, deps, {
    segment: "supports",
    what: "plan support referral",
    schema: supportForm,
    notices: { added: "supportAdded", saved: "supportSaved" },
    find: findSupport,
    add: (record, form) => addSupport(record, clock, form),
    update: (record, id, form, version) => updateSupport(record, clock, id, form, version),
    page: async (props) => SupportFormPage(props),
  });
  registerItemRoutes(app, deps, {
    segment: "warning-signs",
    what: "plan early-warning sign",
    schema: warningSignForm,
    notices: { added: "signAdded", saved: "signSaved" },
    find: findWarningSign,
    add: (record, form) => addWarningSign(record, clock, form),
    update: (record, id, form, version) => updateWarningSign(record, clock, id, form, version),
    page: async (props) => WarningSignFormPage(props),
  });
  registerPlanApi(app, deps);
}

export const plansFeature: Feature = {
  name: "plans",
  participantTabs: [{ path: "/plan", label: "plan.tab", requires: "participant.read", order: 50 }],
  /** The caseload's "next action due": the earliest open action of each listed person's plan. */
  caseloadColumns: { nextActionDue: nextActionDueOf },
  registerRoutes,
};
