import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { uuidParam } from "../../platform/http/params";
import type { FieldError } from "../../platform/web/components";
import type { MessageKey } from "../../platform/web/i18n";
import { adminRequest, postEdit } from "./page-answers";
import type { AdminRequest, DirectoryCreate, DirectoryEdit } from "./service";

export type DirectoryFormProps<Row> = {
  record?: Row;
  values: Record<string, unknown>;
  errors?: FieldError[];
  conflict?: Row;
};

/**
 * The add and change pages of a directory record (organisation, team): the same steps for each —
 * validate, save, and on a duplicate name or a stale version show the form again with why.
 */
export function registerDirectoryForms<Row extends { id: string }, Create, Update>(
  app: FastifyInstance,
  spec: {
    base: string;
    createForm: z.ZodType<Create>;
    updateForm: z.ZodType<Update>;
    duplicateName: MessageKey;
    find(id: string): Promise<Row | undefined>;
    create(request: AdminRequest, form: Create): Promise<DirectoryCreate<Row>>;
    update(request: AdminRequest, id: string, form: Update): Promise<DirectoryEdit<Row>>;
    showForm(
      request: FastifyRequest,
      reply: FastifyReply,
      props: DirectoryFormProps<Row>,
      status?: number,
    ): Promise<unknown>;
    /** Values for a blank "add" form, such as an organisation chosen on the list page. */
    blank?(request: FastifyRequest): Record<string, unknown>;
  },
) {
  const access = { config: { access: "directory.manage" as const } };
  const duplicate = { field: "name", message: spec.duplicateName };

  app.get(`${spec.base}/new`, access, async (request, reply) =>
    spec.showForm(request, reply, { values: spec.blank?.(request) ?? {} }),
  );

  app.post(spec.base, access, async (request, reply) =>
    postEdit(request, reply, {
      schema: spec.createForm,
      save: (form) => spec.create(adminRequest(request), form),
      show: (state, status) => spec.showForm(request, reply, state, status),
      saved: `${spec.base}?notice=created`,
      duplicate,
    }),
  );

  app.get(`${spec.base}/:id`, access, async (request, reply) => {
    const id = uuidParam(request, "id");
    const record = id && (await spec.find(id));
    if (!record) return reply.callNotFound();
    return spec.showForm(request, reply, { record, values: record as Record<string, unknown> });
  });

  app.post(`${spec.base}/:id`, access, async (request, reply) => {
    const id = uuidParam(request, "id");
    const record = id && (await spec.find(id));
    if (!id || !record) return reply.callNotFound();
    return postEdit(request, reply, {
      schema: spec.updateForm,
      save: (form) => spec.update(adminRequest(request), id, form),
      // After a conflict the form is based on the version saved first, shown beside this one.
      show: ({ values, errors, current }, status) =>
        spec.showForm(
          request,
          reply,
          { record: current ?? record, values, errors, conflict: current },
          status,
        ),
      saved: `${spec.base}?notice=saved`,
      duplicate,
    });
  });
}
