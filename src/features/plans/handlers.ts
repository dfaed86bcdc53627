import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { z } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import type { AppDeps } from "../../platform/http/feature";
import { pageContext, participantTabs, sendPage, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import type { FieldError } from "../../platform/web/components";
import { fieldErrors, formBody } from "../../platform/web/forms";
import { participantBanner } from "../participants/service";
import type { ItemFormProps } from "./form-views";
import { basedOn } from "./schema";
import { type EditOutcome, loadPlan } from "./service";
import type { RecordFrame } from "./views";

// The steps every plan page shares: open the record through the door, validate, answer.

export const read = { config: { access: "participant.read" as const } };
export const write = { config: { access: "participant.write" as const } };

/** What a handler decided inside the door's transaction; the reply is sent once it has committed. */
export type Outcome = { redirect: string } | { page: VNode; status?: number } | { notFound: true };

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

export async function recordFrame(
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

export const itemIdParam = (request: FastifyRequest) => {
  const parsed = z.uuid().safeParse((request.params as { itemId?: unknown }).itemId);
  return parsed.success ? parsed.data : undefined;
};

/** Zod issues from the form and from its version field, as the page's list of field errors. */
export function validate<Form>(
  schema: z.ZodType<Form>,
  body: Record<string, unknown>,
  request: FastifyRequest,
  withVersion: boolean,
) {
  const t = translatorFor(request);
  const parsed = schema.safeParse(body);
  const version = withVersion ? basedOn.safeParse(body) : undefined;
  const errors: FieldError[] = [
    ...(parsed.success ? [] : fieldErrors(parsed.error, t, body)),
    ...(version && !version.success ? fieldErrors(version.error, t) : []),
  ];
  if (!parsed.success || errors.length > 0) return { errors } as const;
  return { form: parsed.data, version: version?.success ? version.data.version : 0 } as const;
}

export type ItemSpec<Form, Row extends { version: number }> = {
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
export function registerItemRoutes<Form, Row extends { version: number }>(
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
