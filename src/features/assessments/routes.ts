import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../platform/access/door";
import { hasPermission } from "../../platform/access/roles";
import type { AppDeps, Feature } from "../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import type { FieldError } from "../../platform/web/components";
import { fieldErrors, formBody } from "../../platform/web/forms";
import type { Translator } from "../../platform/web/i18n";
import { crisisInformation, openAlertsFor } from "../monitoring/service";
import { participantBanner } from "../participants/service";
import { registerAssessmentsApi } from "./api";
import { type MeasureDefinition, measureById } from "./measures";
import { registerOwnMeasureRoutes } from "./own-routes";
import { CapabilityFormPage, capabilityValues, ProfileFormPage, profileValues } from "./profile-views";
import { capabilityForm, measureForm, profileForm, type WorkHistoryEntry, workHistoryEntry } from "./schema";
import { type ItemProblem, scoreMeasure } from "./scoring";
import {
  findCapability,
  findProfile,
  findResponse,
  hiddenReason,
  measureHistory,
  measuresOverview,
  measureVisible,
  recordMeasure,
  saveCapability,
  saveProfile,
} from "./service";
import { AssessmentsTabPage, HiddenMeasurePage, MeasureFormPage, MeasureHistoryPage } from "./views";

const read = { config: { access: "participant.read" as const } };
const write = { config: { access: "participant.write" as const } };

async function recordProps(request: FastifyRequest, reply: FastifyReply, record: ParticipantRecord) {
  return {
    ...pageContext(request, reply),
    banner: await participantBanner(record, translatorFor(request)),
    tabs: participantTabs(request, record.participantId),
  };
}

const mayWrite = (request: FastifyRequest) => hasPermission(request.staff!.role, "participant.write");

/** The instrument named in the path, or a 404 for anything that is not one of ours. */
function instrumentParam(request: FastifyRequest, reply: FastifyReply): MeasureDefinition | undefined {
  const definition = measureById((request.params as { instrument?: string }).instrument ?? "");
  if (!definition) reply.callNotFound();
  return definition;
}

/** A message beside each unanswered or wrongly answered question. */
export function itemErrors(problems: ItemProblem[], t: Translator): FieldError[] {
  return problems.map((problem) => ({
    field: `item${problem.itemId}`,
    message: t.t(
      problem.problem === "missing"
        ? "validation.assessment.itemMissing"
        : "validation.assessment.itemInvalid",
      { number: problem.itemId },
    ),
  }));
}

/** Work history arrives as numbered fields (job0-employer …) so the form works without JavaScript. */
export function parseWorkHistory(body: Record<string, unknown>) {
  const indices = new Set<number>();
  for (const key of Object.keys(body)) {
    const match = /^job(\d{1,2})-(employer|role|from|to|whyEnded)$/.exec(key);
    if (match) indices.add(Number(match[1]));
  }
  const entries: WorkHistoryEntry[] = [];
  const errors: { field: string; message: string }[] = [];
  for (const index of [...indices].sort((a, b) => a - b)) {
    const fields = ["employer", "role", "from", "to", "whyEnded"] as const;
    const raw = Object.fromEntries(fields.map((field) => [field, body[`job${index}-${field}`]]));
    const parsed = workHistoryEntry.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ field: `job${index}-${String(issue.path[0])}`, message: issue.message });
      continue;
    }
    if (Object.values(parsed.data).some((value) => value !== "")) entries.push(parsed.data);
  }
  return { entries, errors };
}

function registerPages(app: FastifyInstance, { door, clock }: AppDeps) {
  app.get("/participants/:participantId/assessments", read, async (request, reply) => {
    const participantId = participantIdParam(request);
    const notice = (request.query as { notice?: string }).notice;
    const props = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "read", what: "assessments", ipAddress: request.ip },
      async (record) => ({
        ...(await recordProps(request, reply, record)),
        overview: await measuresOverview(record),
        hiddenReason: hiddenReason(record),
        alerts: await openAlertsFor(record),
        capability: await findCapability(record),
        profile: await findProfile(record),
      }),
    );
    return sendPage(
      reply,
      AssessmentsTabPage({
        ...props,
        mayWrite: mayWrite(request),
        notice: notice === "capability_saved" || notice === "profile_saved" ? notice : undefined,
      }),
    );
  });

  app.get("/participants/:participantId/assessments/:instrument", read, async (request, reply) => {
    const participantId = participantIdParam(request);
    const definition = instrumentParam(request, reply);
    if (!definition) return reply;
    const completedId = (request.query as { completed?: string }).completed;
    const page = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "read", what: `assessment ${definition.id}`, ipAddress: request.ip },
      async (record) => {
        const props = await recordProps(request, reply, record);
        if (!measureVisible(record, definition))
          return {
            status: 403,
            page: HiddenMeasurePage({ ...props, definition, reason: hiddenReason(record) }),
          };
        const completed =
          completedId && /^[0-9a-f-]{36}$/i.test(completedId)
            ? await findResponse(record, definition, completedId)
            : undefined;
        const safetyItem = definition.safetyItem;
        const safetyConcern = Boolean(
          completed && safetyItem && Number(completed.answers[safetyItem.itemId] ?? 0) > 0,
        );
        return {
          status: 200,
          page: MeasureHistoryPage({
            ...props,
            definition,
            history: await measureHistory(record, definition),
            completed: completed ? { ...completed, safetyConcern } : undefined,
            crisisInformation: safetyConcern
              ? await crisisInformation(record.tx, record.organisationId)
              : null,
            mayWrite: mayWrite(request),
          }),
        };
      },
    );
    return sendPage(reply, page.page, page.status);
  });

  app.get("/participants/:participantId/assessments/:instrument/new", write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const definition = instrumentParam(request, reply);
    if (!definition) return reply;
    const page = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "read", what: `assessment form ${definition.id}`, ipAddress: request.ip },
      async (record) => {
        const props = await recordProps(request, reply, record);
        return measureVisible(record, definition)
          ? { status: 200, page: MeasureFormPage({ ...props, definition, values: {} }) }
          : { status: 403, page: HiddenMeasurePage({ ...props, definition, reason: hiddenReason(record) }) };
      },
    );
    return sendPage(reply, page.page, page.status);
  });

  app.post("/participants/:participantId/assessments/:instrument", write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const definition = instrumentParam(request, reply);
    if (!definition) return reply;
    const t = translatorFor(request);
    const body = formBody(request.body);
    const answers = Object.fromEntries(definition.items.map((item) => [item.id, body[`item${item.id}`]]));
    const method = measureForm.safeParse(body);
    const scored = scoreMeasure(definition, answers);
    // Every unanswered question gets its message at once, with the completion method's.
    const errors = [
      ...(scored.ok ? [] : itemErrors(scored.problems, t)),
      ...(method.success ? [] : fieldErrors(method.error, t)),
    ];
    const outcome = await door.withParticipant(
      request.staff!,
      participantId,
      {
        purpose: errors.length > 0 ? "read" : "write",
        what: `assessment ${definition.id}`,
        ipAddress: request.ip,
      },
      async (record) => {
        const props = await recordProps(request, reply, record);
        if (!measureVisible(record, definition))
          return {
            status: 403,
            page: HiddenMeasurePage({ ...props, definition, reason: hiddenReason(record) }),
          };
        if (errors.length > 0 || !method.success)
          return { status: 400, page: MeasureFormPage({ ...props, definition, values: body, errors }) };
        const result = await recordMeasure(
          record,
          definition,
          { answers, completionMethod: method.data.completionMethod },
          clock.now(),
        );
        if (result.kind === "saved") return { redirect: result.responseId };
        const problems = result.kind === "invalid" ? itemErrors(result.problems, t) : [];
        return {
          status: 400,
          page: MeasureFormPage({ ...props, definition, values: body, errors: problems }),
        };
      },
    );
    if ("redirect" in outcome)
      return reply.redirect(
        `/participants/${participantId}/assessments/${definition.id}?completed=${outcome.redirect}`,
        303,
      );
    return sendPage(reply, outcome.page, outcome.status);
  });
}

function registerCapabilityPages(app: FastifyInstance, { door, clock }: AppDeps) {
  const path = "/participants/:participantId/assessments/capability";
  app.get(path, write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const page = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "read", what: "capability assessment", ipAddress: request.ip },
      async (record) => {
        const capability = await findCapability(record);
        return CapabilityFormPage({
          ...(await recordProps(request, reply, record)),
          values: capability ? capabilityValues(capability) : {},
          version: capability?.version ?? null,
        });
      },
    );
    return sendPage(reply, page);
  });

  app.post(path, write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const body = formBody(request.body);
    const parsed = capabilityForm.safeParse(body);
    const outcome = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: parsed.success ? "write" : "read", what: "capability assessment", ipAddress: request.ip },
      async (record) => {
        const props = await recordProps(request, reply, record);
        const version = body.version ? Number(body.version) || null : null;
        if (!parsed.success)
          return {
            status: 400,
            page: CapabilityFormPage({
              ...props,
              values: body,
              version,
              errors: fieldErrors(parsed.error, translatorFor(request)),
            }),
          };
        const saved = await saveCapability(record, parsed.data, clock.now());
        if (saved.kind === "saved") return { status: 303 };
        return {
          status: 409,
          page: CapabilityFormPage({
            ...props,
            values: body,
            conflict: saved.current,
            version: saved.current?.version ?? null,
          }),
        };
      },
    );
    if (!outcome.page)
      return reply.redirect(`/participants/${participantId}/assessments?notice=capability_saved`, 303);
    return sendPage(reply, outcome.page, outcome.status);
  });
}

function registerProfilePages(app: FastifyInstance, { door, clock }: AppDeps) {
  const path = "/participants/:participantId/assessments/vocational-profile";
  app.get(path, write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const page = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: "read", what: "vocational profile", ipAddress: request.ip },
      async (record) => {
        const profile = await findProfile(record);
        return ProfileFormPage({
          ...(await recordProps(request, reply, record)),
          values: profile ? profileValues(profile) : {},
          workHistory: profile?.workHistory ?? [],
          version: profile?.version ?? null,
        });
      },
    );
    return sendPage(reply, page);
  });

  app.post(path, write, async (request, reply) => {
    const participantId = participantIdParam(request);
    const t = translatorFor(request);
    const body = formBody(request.body);
    const parsed = profileForm.safeParse(body);
    const history = parseWorkHistory(body);
    const valid = parsed.success && history.errors.length === 0;
    const outcome = await door.withParticipant(
      request.staff!,
      participantId,
      { purpose: valid ? "write" : "read", what: "vocational profile", ipAddress: request.ip },
      async (record) => {
        const props = await recordProps(request, reply, record);
        const version = body.version ? Number(body.version) || null : null;
        if (!parsed.success || history.errors.length > 0) {
          const errors = [
            ...history.errors.map((error) => ({
              ...error,
              message: t.t(error.message as "validation.tooLong", { max: "200" }),
            })),
            ...(parsed.success ? [] : fieldErrors(parsed.error, t)),
          ];
          return {
            status: 400,
            page: ProfileFormPage({ ...props, values: body, workHistory: history.entries, version, errors }),
          };
        }
        const saved = await saveProfile(record, parsed.data, history.entries, clock.now());
        if (saved.kind === "saved") return { status: 303 };
        return {
          status: 409,
          page: ProfileFormPage({
            ...props,
            values: body,
            workHistory: history.entries,
            conflict: saved.current,
            version: saved.current?.version ?? null,
          }),
        };
      },
    );
    if (!outcome.page) {
      const next = body.next === "add_job" ? "/vocational-profile" : "?notice=profile_saved";
      return reply.redirect(`/participants/${participantId}/assessments${next}`, 303);
    }
    return sendPage(reply, outcome.page, outcome.status);
  });
}

function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  registerPages(app, deps);
  registerCapabilityPages(app, deps);
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
