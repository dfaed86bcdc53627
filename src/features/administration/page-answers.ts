import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { checkForm } from "../../platform/http/form-post";
import { translatorFor } from "../../platform/http/pages";
import { noticeIn } from "../../platform/http/record-page";
import type { FieldError } from "../../platform/web/components";
import type { MessageKey } from "../../platform/web/i18n";
import type { InvitationDelivery } from "./invitations";
import type { AdminRequest, DirectoryEdit } from "./service";

// How the admin pages answer: who is asking, the notice after a change, and a directory form's
// outcome. The directory is not a participant's record: no door, the admin's own audit events.

export const adminRequest = (request: FastifyRequest): AdminRequest => ({
  actor: request.staff!,
  ipAddress: request.ip,
});

/** Success notices travel as a short key in the address after a redirect, never as free text. */
const notices = {
  created: "admin.notice.created",
  saved: "admin.notice.saved",
  deactivate: "admin.notice.deactivate",
  reactivate: "admin.notice.reactivate",
  reset_second_factor: "admin.notice.reset_second_factor",
} as const satisfies Record<string, MessageKey>;

/** The words of the notice named in the address, if it is one of the administration's. */
export const adminNotice = (request: FastifyRequest) => noticeIn(request, notices);

/**
 * Emailed when a mail server is set up, so nobody but the colleague sees the link; otherwise made
 * now and shown once to the inviting admin (decision 48).
 */
export function invitationDelivery(request: FastifyRequest, smtpUrl: string | null): InvitationDelivery {
  if (!smtpUrl) return { by: "link" };
  const t = translatorFor(request);
  return { by: "email", formatDate: (date) => t.formatDate(date, "long") };
}

/** What a directory form is shown with: what was typed, what is wrong, and the version saved first. */
export type EditState<Row> = { values: Record<string, unknown>; errors?: FieldError[]; current?: Row };

/**
 * A directory form posted: checked against its schema (refused input: the form again, 400), saved,
 * and the outcome answered on the page. Saved → `saved`, with its notice; someone saved first → the
 * form with their version beside this one (409); a name already taken → the form with `duplicate`
 * beside its field (409); a rule the service checks → the form with its message (400); gone → 404.
 */
export async function postEdit<Form, Row, Other extends { kind: string } = never>(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: {
    schema: z.ZodType<Form>;
    show(state: EditState<NoInfer<Row>>, status: number): unknown;
    save(form: Form): Promise<DirectoryEdit<Row> | Other>;
    saved: string;
    duplicate?: { field: string; message: MessageKey };
    /** Outcomes beyond the directory's (a team in another organisation), answered by the page. */
    other?(outcome: Other, values: Record<string, unknown>): unknown;
  },
): Promise<unknown> {
  const t = translatorFor(request);
  const checked = checkForm(spec.schema, request);
  const values = checked.body;
  if (!checked.ok) return spec.show({ values, errors: checked.errors }, 400);
  const outcome = await spec.save(checked.form);
  switch (outcome.kind) {
    case "saved":
      return reply.redirect(spec.saved);
    case "not_found":
      return reply.callNotFound();
    case "stale":
      return spec.show(
        { values, current: (outcome as Extract<DirectoryEdit<Row>, { kind: "stale" }>).current },
        409,
      );
    case "duplicate": {
      const { duplicate } = spec;
      return spec.show(
        { values, errors: duplicate && [{ field: duplicate.field, message: t.t(duplicate.message) }] },
        409,
      );
    }
    case "invalid": {
      const { field, message } = outcome as Extract<DirectoryEdit<Row>, { kind: "invalid" }>;
      return spec.show({ values, errors: [{ field, message: t.t(message) }] }, 400);
    }
    default:
      if (!spec.other) throw new Error(`no answer for the outcome "${outcome.kind}"`);
      return spec.other(outcome as Other, values);
  }
}
