import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import type { ZodType } from "zod";
import type { AppDeps } from "../../../platform/http/feature";
import { checkForm } from "../../../platform/http/form-post";
import { sendPage, translatorFor } from "../../../platform/http/pages";
import { uuidParam } from "../../../platform/http/params";
import { noticeIn } from "../../../platform/http/record-page";
import type { EditOutcome } from "../../../platform/outcome";
import type { FieldError } from "../../../platform/web/forms";
import type { EmployerRow } from "./schema";
import { findEmployer } from "./service";
import { employerNotices } from "./views";

// What the employer and opportunity pages share: route access, not found, the notice, the
// employer named in the address, and one way to answer a form and an edit. These pages are the
// organisation's, not a participant's record, so no door is opened; forms are checked with the
// same `checkForm` and edits answered from the same outcome family as the record pages.

export const readEmployers = { config: { access: "employers.read" as const } };
export const manageEmployers = { config: { access: "employers.manage" as const } };

export const notFound = (reply: FastifyReply) => {
  reply.callNotFound();
  return reply;
};

/** The words of the notice named in the address, if it is one of the employer pages'. */
export const notice = (request: FastifyRequest) => noticeIn(request, employerNotices);

/** The employer named in the address, of the reader's organisation and not merged away. */
export async function employerFromRequest(request: FastifyRequest, { db }: AppDeps) {
  const employerId = uuidParam(request, "employerId");
  return employerId ? findEmployer(db, request.staff!.organisationId, employerId) : undefined;
}

type EmployerFormPage = (
  request: FastifyRequest,
  reply: FastifyReply,
  employer: EmployerRow,
  values: Record<string, unknown>,
  errors?: FieldError[],
) => VNode | Promise<VNode>;

/**
 * A form that adds something to the employer named in the address (`${path}/new`, posted to
 * `path`): an unknown employer is not found; refused input is shown again beside its fields
 * (400); `save` says where to go next, or what to say beside which field.
 */
export function registerEmployerForm<Form>(
  app: FastifyInstance,
  deps: AppDeps,
  path: string,
  spec: {
    schema: () => ZodType<Form>;
    initial?: () => Record<string, unknown>;
    page: EmployerFormPage;
    save: (request: FastifyRequest, employer: EmployerRow, form: Form) => Promise<string | FieldError[]>;
  },
) {
  app.get(`${path}/new`, manageEmployers, async (request, reply) => {
    const found = await employerFromRequest(request, deps);
    if (!found) return notFound(reply);
    return sendPage(reply, await spec.page(request, reply, found, spec.initial?.() ?? {}));
  });

  app.post(path, manageEmployers, async (request, reply) => {
    const checked = checkForm(spec.schema(), request);
    const found = await employerFromRequest(request, deps);
    if (!found) return notFound(reply);
    const refused = checked.ok ? await spec.save(request, found, checked.form) : checked.errors;
    if (typeof refused === "string") return reply.redirect(refused);
    return sendPage(reply, await spec.page(request, reply, found, checked.body, refused), 400);
  });
}

/**
 * An edit's outcome on an employer page, answered as a record's form answers it: saved → the page
 * with its notice; stale → the form again with the saved version beside what was typed, 409;
 * refused beside a field → the form again, 400; not found → 404.
 */
export function sendEditAnswer<Row>(
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: EditOutcome<Row>,
  answer: {
    saved: (row: Row) => string;
    show: (state: { errors?: FieldError[]; conflict?: Row }) => VNode;
  },
) {
  switch (outcome.kind) {
    case "saved":
      return reply.redirect(answer.saved(outcome.row));
    case "stale":
      return sendPage(reply, answer.show({ conflict: outcome.current }), 409);
    case "invalid": {
      const message = translatorFor(request).t(outcome.message);
      return sendPage(reply, answer.show({ errors: [{ field: outcome.field, message }] }), 400);
    }
    default:
      return notFound(reply);
  }
}
