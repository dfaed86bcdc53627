import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import type { ZodType } from "zod";
import type { ParticipantRecord } from "../../platform/access/door";
import type { AppDeps } from "../../platform/http/feature";
import { type FormState, recordFormPost } from "../../platform/http/form-post";
import { uuidParam } from "../../platform/http/params";
import { type RecordAnswer, read, recordFrame, recordRoute, write } from "../../platform/http/record-page";
import type { ItemFormProps } from "./form-views";
import { type EditOutcome, loadPlan } from "./service";

// The add and change pages of the plan's items, on the shared record-page and form handling.

export const planPath = (participantId: string) => `/participants/${participantId}/plan`;

export type ItemSpec<Form, Row extends { version: number }> = {
  segment: "goals" | "actions" | "supports" | "warning-signs";
  what: string;
  schema: ZodType<Form>;
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
  { door }: AppDeps,
  spec: ItemSpec<Form, Row>,
) {
  const base = "/participants/:participantId/plan";
  const itemId = (request: FastifyRequest) => uuidParam(request, "itemId");
  const show = async (
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState<Row> & { itemId?: string },
  ) =>
    spec.page(
      {
        ...(await recordFrame(record, request, reply)),
        participantId: record.participantId,
        itemId: state.itemId,
        version: state.version,
        values: state.values,
        errors: state.errors,
        conflict: state.conflict as Record<string, unknown> | undefined,
      },
      record,
    );
  const noPlan = (record: ParticipantRecord): RecordAnswer => ({ redirect: planPath(record.participantId) });
  const back = (record: ParticipantRecord, notice: string) =>
    `${planPath(record.participantId)}?notice=${notice}#${spec.segment}`;

  app.get(
    `${base}/${spec.segment}/new`,
    read,
    recordRoute(door, "read", spec.what, async (record, request, reply) => {
      if (!(await loadPlan(record))) return noPlan(record);
      return { page: await show(record, request, reply, { values: {} }) };
    }),
  );

  app.post(
    `${base}/${spec.segment}`,
    write,
    recordFormPost(door, {
      what: spec.what,
      schema: spec.schema,
      refusedPurpose: "write",
      show,
      save: (record, form) => spec.add(record, form),
      saved: (record) => back(record, spec.notices.added),
      other: async (record) => noPlan(record),
    }),
  );

  app.get(
    `${base}/${spec.segment}/:itemId`,
    read,
    recordRoute(door, "read", spec.what, async (record, request, reply) => {
      const id = itemId(request);
      const row = id && (await spec.find(record, id));
      if (!id || !row) return { notFound: true };
      return {
        page: await show(record, request, reply, {
          itemId: id,
          version: row.version,
          values: row as Record<string, unknown>,
        }),
      };
    }),
  );

  app.post(
    `${base}/${spec.segment}/:itemId`,
    write,
    recordFormPost<Form, Row, EditOutcome<Row>>(door, {
      what: spec.what,
      schema: spec.schema,
      versioned: true,
      refusedPurpose: "write",
      before: async (record, request) => {
        const id = itemId(request);
        return id && (await spec.find(record, id)) ? undefined : { notFound: true };
      },
      // A form posted with no readable version is shown again based on the saved one.
      show: async (record, request, reply, state) =>
        show(record, request, reply, {
          ...state,
          itemId: itemId(request),
          version: state.version ?? (await spec.find(record, itemId(request)!))?.version,
        }),
      save: (record, form, version, request) => spec.update(record, itemId(request)!, form, version),
      saved: (record) => back(record, spec.notices.saved),
    }),
  );
}
