import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { translatorFor } from "../../platform/http/pages";
import type { FieldError } from "../../platform/web/components";
import { fieldErrors, formBody } from "../../platform/web/forms";
import type { MessageKey } from "../../platform/web/i18n";
import { adminRequest, idParam, notFound } from "./request";
import type { AdminRequest, EditOutcome } from "./service";

export type RecordFormProps<Row> = {
  record?: Row;
  values: Record<string, unknown>;
  errors?: FieldError[];
  conflict?: Row;
};

/**
 * The add and change pages of a directory record (organisation, team): the same steps for each —
 * validate, save, and on a duplicate name or a stale version show the form again with why.
 */
export function registerRecordForms<Row extends { id: string }, Create, Update>(
  app: FastifyInstance,
  spec: {
    base: string;
    createForm: z.ZodType<Create>;
    updateForm: z.ZodType<Update>;
    duplicateName: MessageKey;
    find(id: string): Promise<Row | undefined>;
    create(request: AdminRequest, form: Create): Promise<{ kind: "saved" } | { kind: "duplicate" }>;
    update(request: AdminRequest, id: string, form: Update): Promise<EditOutcome<Row>>;
    showForm(
      request: FastifyRequest,
      reply: FastifyReply,
      props: RecordFormProps<Row>,
      status?: number,
    ): Promise<FastifyReply>;
    /** Values for a blank "add" form, such as an organisation chosen on the list page. */
    blank?(request: FastifyRequest): Record<string, unknown>;
  },
) {
  const access = { config: { access: "directory.manage" as const } };
  const duplicate = (request: FastifyRequest): FieldError[] => [
    { field: "name", message: translatorFor(request).t(spec.duplicateName) },
  ];

  app.get(`${spec.base}/new`, access, async (request, reply) =>
    spec.showForm(request, reply, { values: spec.blank?.(request) ?? {} }),
  );

  app.post(spec.base, access, async (request, reply) => {
    const body = formBody(request.body);
    const parsed = spec.createForm.safeParse(body);
    if (!parsed.success) {
      return spec.showForm(
        request,
        reply,
        { values: body, errors: fieldErrors(parsed.error, translatorFor(request)) },
        400,
      );
    }
    const outcome = await spec.create(adminRequest(request), parsed.data);
    if (outcome.kind === "duplicate") {
      return spec.showForm(request, reply, { values: body, errors: duplicate(request) }, 409);
    }
    return reply.redirect(`${spec.base}?notice=created`);
  });

  app.get(`${spec.base}/:id`, access, async (request, reply) => {
    const id = idParam(request);
    const record = id && (await spec.find(id));
    if (!record) return notFound(request, reply);
    return spec.showForm(request, reply, { record, values: record as Record<string, unknown> });
  });

  app.post(`${spec.base}/:id`, access, async (request, reply) => {
    const id = idParam(request);
    const record = id && (await spec.find(id));
    if (!id || !record) return notFound(request, reply);
    const body = formBody(request.body);
    const parsed = spec.updateForm.safeParse(body);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error, translatorFor(request));
      return spec.showForm(request, reply, { record, values: body, errors }, 400);
    }
    const outcome = await spec.update(adminRequest(request), id, parsed.data);
    switch (outcome.kind) {
      case "not_found":
        return notFound(request, reply);
      case "duplicate":
        return spec.showForm(request, reply, { record, values: body, errors: duplicate(request) }, 409);
      case "stale":
        return spec.showForm(
          request,
          reply,
          { record: outcome.current, values: body, conflict: outcome.current },
          409,
        );
      default:
        return reply.redirect(`${spec.base}?notice=saved`);
    }
  });
}
