import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { z } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import type { FieldError } from "../../platform/web/components";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { participantBanner } from "../participants/service";
import { registerPlanApi } from "./api";
import {
  ActionFormPage,
  AgreePage,
  ContingencyFormPage,
  GoalFormPage,
  type ItemFormProps,
  SupportFormPage,
  WarningSignFormPage,
} from "./form-views";
import { PrintPlanPage } from "./print-view";
import { planChanges } from "./rules";
import {
  actionForm,
  agreementForm,
  basedOn,
  contingencyForm,
  goalForm,
  supportForm,
  warningSignForm,
} from "./schema";
import {
  addAction,
  addGoal,
  addSupport,
  addWarningSign,
  agreedVersion,
  agreeVersion,
  careTeam,
  type EditOutcome,
  findAction,
  findGoal,
  findSupport,
  findWarningSign,
  loadPlan,
  participantName,
  saveContingency,
  snapshotOf,
  startPlan,
  today,
  updateAction,
  updateGoal,
  updateSupport,
  updateWarningSign,
} from "./service";
import { PlanEmptyPage, PlanPage, PlanSections, type RecordFrame, VersionPage } from "./views";

const read = { config: { access: "participant.read" as const } };
const write = { config: { access: "participant.write" as const } };

/** What a handler decided inside the door's transaction; the reply is sent once it has committed. */
type Outcome = { redirect: string } | { page: VNode; status?: number } | { notFound: true };

export const planPath = (participantId: string) => `/participants/${participantId}/plan`;

/** Opens the record through the door, then answers: pages are only sent once the work is committed. */
export function planHandler(
  { door }: AppDeps,
  purpose: "read" | "write",
  what: string,
  work: (record: ParticipantRecord, request: FastifyRequest, reply: FastifyReply) => Promise<Outcome>,
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const outcome = await door.withParticipant(
      request.staff!,
      participantIdParam(request),
      { purpose, what, ipAddress: request.ip },
      (record) => work(record, request, reply),
    );
    if ("redirect" in outcome) return reply.redirect(outcome.redirect);
    if ("notFound" in outcome) return reply.callNotFound();
    return sendPage(reply, outcome.page, outcome.status ?? 200);
  };
}

async function recordFrame(
  record: ParticipantRecord,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<RecordFrame> {
  const context = pageContext(request, reply);
  return {
    ...context,
    banner: await participantBanner(record, context.t),
    tabs: participantTabs(request, record.participantId),
  };
}

const itemIdParam = (request: FastifyRequest) => {
  const parsed = z.uuid().safeParse((request.params as { itemId?: unknown }).itemId);
  return parsed.success ? parsed.data : undefined;
};

/** Zod issues from the form and from its version field, as the page's list of field errors. */
function validate<Form>(
  schema: z.ZodType<Form>,
  body: Record<string, unknown>,
  request: FastifyRequest,
  withVersion: boolean,
) {
  const t = translatorFor(request);
  const parsed = schema.safeParse(body);
  const version = withVersion ? basedOn.safeParse(body) : undefined;
  const errors: FieldError[] = [
    ...(parsed.success ? [] : fieldErrors(parsed.error, t)),
    ...(version && !version.success ? fieldErrors(version.error, t) : []),
  ];
  if (!parsed.success || errors.length > 0) return { errors } as const;
  return { form: parsed.data, version: version?.success ? version.data.version : 0 } as const;
}

type ItemSpec<Form, Row extends { version: number }> = {
  segment: "goals" | "actions" | "supports" | "warning-signs";
  what: string;
  schema: z.ZodType<Form>;
  notices: { added: string; saved: string };
  find(record: ParticipantRecord, id: string): Promise<Row | undefined>;
  add(
    record: ParticipantRecord,
    form: Form,
  ): Promise<{ kind: "saved" } | { kind: "no_plan" } | EditOutcome<never>>;
  update(record: ParticipantRecord, id: string, form: Form, version: number): Promise<EditOutcome<Row>>;
  page(props: ItemFormProps, record: ParticipantRecord): Promise<VNode>;
};

/** The add and change pages of one kind of plan item: the same steps for goals, actions, supports and signs. */
function registerItemRoutes<Form, Row extends { version: number }>(
  app: FastifyInstance,
  deps: AppDeps,
  spec: ItemSpec<Form, Row>,
) {
  const base = "/participants/:participantId/plan";
  const render = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    props: Omit<ItemFormProps, keyof RecordFrame | "participantId">,
    status = 200,
  ): Promise<Outcome> => ({
    page: await spec.page(
      { ...(await recordFrame(record, request, reply)), participantId: record.participantId, ...props },
      record,
    ),
    status,
  });
  const noPlan = (record: ParticipantRecord): Outcome => ({ redirect: planPath(record.participantId) });

  app.get(
    `${base}/${spec.segment}/new`,
    read,
    planHandler(deps, "read", spec.what, async (record, request, reply) => {
      if (!(await loadPlan(record))) return noPlan(record);
      return render(record, request, reply, { values: {} });
    }),
  );

  app.post(
    `${base}/${spec.segment}`,
    write,
    planHandler(deps, "write", spec.what, async (record, request, reply) => {
      const body = formBody(request.body);
      const result = validate(spec.schema, body, request, false);
      if ("errors" in result)
        return render(record, request, reply, { values: body, errors: result.errors }, 400);
      const outcome = await spec.add(record, result.form);
      if (outcome.kind === "no_plan") return noPlan(record);
      if (outcome.kind === "invalid") {
        const errors = [{ field: outcome.field, message: translatorFor(request).t(outcome.message) }];
        return render(record, request, reply, { values: body, errors }, 400);
      }
      return { redirect: `${planPath(record.participantId)}?notice=${spec.notices.added}#${spec.segment}` };
    }),
  );

  app.get(
    `${base}/${spec.segment}/:itemId`,
    read,
    planHandler(deps, "read", spec.what, async (record, request, reply) => {
      const id = itemIdParam(request);
      const row = id && (await spec.find(record, id));
      if (!id || !row) return { notFound: true };
      return render(record, request, reply, {
        itemId: id,
        version: row.version,
        values: row as Record<string, unknown>,
      });
    }),
  );

  app.post(
    `${base}/${spec.segment}/:itemId`,
    write,
    planHandler(deps, "write", spec.what, async (record, request, reply) => {
      const id = itemIdParam(request);
      const existing = id && (await spec.find(record, id));
      if (!id || !existing) return { notFound: true };
      const body = formBody(request.body);
      const postedVersion = Number(body.version) || existing.version;
      const result = validate(spec.schema, body, request, true);
      if ("errors" in result)
        return render(
          record,
          request,
          reply,
          { itemId: id, version: postedVersion, values: body, errors: result.errors },
          400,
        );
      const outcome = await spec.update(record, id, result.form, result.version);
      switch (outcome.kind) {
        case "not_found":
          return { notFound: true };
        case "invalid": {
          const errors = [{ field: outcome.field, message: translatorFor(request).t(outcome.message) }];
          return render(
            record,
            request,
            reply,
            { itemId: id, version: postedVersion, values: body, errors },
            400,
          );
        }
        case "stale":
          // The form now carries the saved version's number, so saving again keeps this person's words.
          return render(
            record,
            request,
            reply,
            {
              itemId: id,
              version: outcome.current.version,
              values: body,
              conflict: outcome.current as Record<string, unknown>,
            },
            409,
          );
        default:
          return {
            redirect: `${planPath(record.participantId)}?notice=${spec.notices.saved}#${spec.segment}`,
          };
      }
    }),
  );
}

async function actionChoices(record: ParticipantRecord) {
  const [team, plan] = await Promise.all([careTeam(record), loadPlan(record)]);
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
    planHandler(deps, "read", "plan", async (record, request, reply) => {
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
        }),
      };
    }),
  );

  app.post(
    base,
    write,
    planHandler(deps, "write", "plan", async (record) => {
      await startPlan(record, clock);
      return { redirect: `${planPath(record.participantId)}?notice=started` };
    }),
  );

  app.get(
    `${base}/contingency`,
    read,
    planHandler(deps, "read", "plan contingency", async (record, request, reply) => {
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
    planHandler(deps, "write", "plan contingency", async (record, request, reply) => {
      const view = await loadPlan(record);
      if (!view) return { redirect: planPath(record.participantId) };
      const body = formBody(request.body);
      const frame = async () => ({
        ...(await recordFrame(record, request, reply)),
        participantId: record.participantId,
      });
      const result = validate(contingencyForm, body, request, true);
      if ("errors" in result)
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
  ): Promise<Outcome> => {
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
    planHandler(deps, "read", "plan agreement", async (record, request, reply) =>
      agreePage(record, request, reply, { values: {} }),
    ),
  );

  app.post(
    `${base}/agree`,
    write,
    planHandler(deps, "write", "plan agreement", async (record, request, reply) => {
      const body = formBody(request.body);
      const result = validate(agreementForm(today(clock)), body, request, true);
      if ("errors" in result)
        return agreePage(record, request, reply, { values: body, errors: result.errors }, 400);
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
    planHandler(deps, "read", "plan version", async (record, request, reply) => {
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
    planHandler(deps, "read", "plan print", async (record, request) => {
      const view = await loadPlan(record);
      if (!view) return { redirect: planPath(record.participantId) };
      const [name, team] = await Promise.all([participantName(record), careTeam(record)]);
      return {
        page: PrintPlanPage({
          t: translatorFor(request),
          name: name ? `${name.givenName} ${name.familyName}` : "",
          snapshot: snapshotOf(view),
          latest: view.versions[0],
          careTeam: team,
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
  registerRoutes,
};
