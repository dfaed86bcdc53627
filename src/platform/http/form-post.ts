import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { z } from "zod";
import type { ParticipantDoor, ParticipantRecord } from "../access/door";
import type { EditOutcome } from "../outcome";
import type { FieldError } from "../web/components";
import { type FormBody, fieldErrors, formBody } from "../web/forms";
import { translatorFor } from "./pages";
import { type RecordAnswer, recordRoute } from "./record-page";

// One way to handle a form posted on a participant's record: read the body, check it against the
// form's schema with the reader's translator, open the record through the door, save, and answer
// with the outcome family: saved → redirect with a notice; invalid → the form again with the
// message beside the field (400); stale → the form with the saved version beside it (409);
// not found → 404.

/** The version a change was based on, posted as a hidden field: a missing or bad one asks for a reload. */
export const basedOnVersion = z.object({
  version: z.coerce.number({ message: "validation.reload" }).int().min(1, "validation.reload"),
});

export type CheckedForm<Form> =
  | { ok: true; form: Form; version: number; body: FormBody }
  | { ok: false; errors: FieldError[]; body: FormBody };

/**
 * The posted form checked against its schema (and, for a versioned form, its version field), with
 * messages in the reader's words for the error summary and beside each field.
 */
export function checkForm<Form>(
  schema: z.ZodType<Form>,
  request: FastifyRequest,
  options: { versioned?: boolean } = {},
): CheckedForm<Form> {
  const body = formBody(request.body);
  const t = translatorFor(request);
  const parsed = schema.safeParse(body);
  const version = options.versioned ? basedOnVersion.safeParse(body) : undefined;
  const errors: FieldError[] = [
    ...(parsed.success ? [] : fieldErrors(parsed.error, t, body)),
    ...(version && !version.success ? fieldErrors(version.error, t) : []),
  ];
  if (!parsed.success || errors.length > 0) return { ok: false, errors, body };
  return { ok: true, form: parsed.data, version: version?.success ? version.data.version : 0, body };
}

/** What a record's form page is shown with: what was typed, what is wrong, and any conflict. */
export type FormState<Row> = {
  values: Record<string, unknown>;
  errors?: FieldError[];
  /** The version the next save is based on: after a conflict, the saved one's. */
  version?: number;
  /** The version someone else saved first, shown beside what this person typed. */
  conflict?: Row;
};

type Purpose = "read" | "write";

export type RecordFormPost<Form, Row, Result extends { kind: string }> = {
  /** What the door's audit event says was opened. */
  what: string;
  schema: z.ZodType<Form> | ((request: FastifyRequest) => z.ZodType<Form>);
  /** The form carries the version it was based on; a stale one is a conflict, never an overwrite. */
  versioned?: boolean;
  /** The record is opened for reading to show refused input again, unless this says otherwise. */
  refusedPurpose?: Purpose;
  /** The form page, with what was typed and the errors or conflict. */
  show(
    record: ParticipantRecord,
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState<Row>,
  ): Promise<VNode>;
  /** Before saving: a reason to answer otherwise (no plan yet, a thing that is not there). */
  before?(record: ParticipantRecord, request: FastifyRequest): Promise<RecordAnswer | undefined>;
  save(record: ParticipantRecord, form: Form, version: number, request: FastifyRequest): Promise<Result>;
  /** Where a saved form goes, with its notice. */
  saved(
    record: ParticipantRecord,
    outcome: Extract<Result, { kind: "saved" }>,
    request: FastifyRequest,
  ): string;
  /** The saved redirect's status, where the page has always answered with 303 See Other; else 302. */
  savedStatus?: 303;
  /** Outcomes beyond the family's (a feature's own refusals), answered by the feature. */
  other?(
    record: ParticipantRecord,
    outcome: Exclude<Result, EditOutcome<Row> | { kind: "saved" }>,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<RecordAnswer>;
};

/** The handler of a form posted on the record named in the path. */
export function recordFormPost<
  Form,
  Row extends { version?: number } | undefined,
  Result extends { kind: string },
>(door: ParticipantDoor, spec: RecordFormPost<Form, Row, Result>) {
  const schemaOf = (request: FastifyRequest) =>
    typeof spec.schema === "function" ? spec.schema(request) : spec.schema;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const checked = checkForm(schemaOf(request), request, { versioned: spec.versioned });
    const postedVersion = Number(checked.body.version) || undefined;
    const handler = recordRoute(
      door,
      checked.ok ? "write" : (spec.refusedPurpose ?? "read"),
      spec.what,
      async (record, request, reply): Promise<RecordAnswer> => {
        const early = await spec.before?.(record, request);
        if (early) return early;
        const again = async (state: FormState<Row>, status: number): Promise<RecordAnswer> => ({
          page: await spec.show(record, request, reply, state),
          status,
        });
        if (!checked.ok)
          return again({ values: checked.body, errors: checked.errors, version: postedVersion }, 400);
        const outcome = await spec.save(record, checked.form, checked.version, request);
        switch (outcome.kind) {
          case "saved":
            return {
              redirect: spec.saved(record, outcome as Extract<Result, { kind: "saved" }>, request),
              status: spec.savedStatus,
            };
          case "not_found":
            return { notFound: true };
          case "invalid": {
            const { field, message } = outcome as unknown as Extract<EditOutcome<Row>, { kind: "invalid" }>;
            const errors = [{ field, message: translatorFor(request).t(message) }];
            return again({ values: checked.body, errors, version: postedVersion }, 400);
          }
          case "stale": {
            // The form now carries the saved version's number, so saving again keeps this person's words.
            const { current } = outcome as unknown as Extract<EditOutcome<Row>, { kind: "stale" }>;
            return again({ values: checked.body, version: current?.version, conflict: current }, 409);
          }
          default:
            if (!spec.other)
              throw new Error(`no answer for the outcome "${(outcome as { kind: string }).kind}"`);
            return spec.other(record, outcome as never, request, reply);
        }
      },
    );
    return handler(request, reply);
  };
}
