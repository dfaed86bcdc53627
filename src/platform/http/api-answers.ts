import type { FastifyReply } from "fastify";
import type { z } from "zod";
import type { EditOutcome } from "../outcome";
import { fieldErrors } from "../web/forms";
import { createTranslator } from "../web/i18n";
import { basedOnVersion } from "./form-post";
import { problemDocument } from "./problem";

// The API's side of the outcome family: the same kinds as the pages, as JSON or as RFC 9457
// problem documents, in one place for every feature.

/** The API speaks English, as the app's problem documents do: one translator for all of it. */
export const apiTranslator = createTranslator("en-GB");

export type ApiError = { pointer: string; detail: string };

/** A problem document, with RFC 9457 extension members where a client needs more (the saved version). */
export function sendProblemWith(
  reply: FastifyReply,
  status: number,
  detail: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .code(status)
    .type("application/problem+json; charset=utf-8")
    .send({ ...problemDocument(status, detail), ...extra });
}

/** A JSON body checked against a form's schema (and its version), with a JSON pointer per message. */
export function checkApiBody<Form>(
  schema: z.ZodType<Form>,
  body: unknown,
  options: { versioned?: boolean } = {},
): { ok: true; form: Form; version: number } | { ok: false; errors: ApiError[] } {
  const input = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  const parsed = schema.safeParse(input);
  const version = options.versioned ? basedOnVersion.safeParse(input) : undefined;
  const errors = [
    ...(parsed.success ? [] : fieldErrors(parsed.error, apiTranslator)),
    ...(version && !version.success ? fieldErrors(version.error, apiTranslator) : []),
  ].map((error) => ({ pointer: `/${error.field}`, detail: error.message }));
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, form: parsed.data, version: version?.success ? version.data.version : 0 };
}

export const validationDetail = "The request did not pass validation.";

/** Field errors as the API answers them: 400, each with its pointer. */
export function sendValidationProblem(reply: FastifyReply, errors: ApiError[], detail = validationDetail) {
  return sendProblemWith(reply, 400, detail, { errors });
}

/**
 * An edit's outcome as the API answers it: saved → 200 with the row and its version; stale → 409
 * with the saved version to merge against; invalid → 400 pointing at the field; not found → 404.
 */
export function sendEditOutcome<Row>(
  reply: FastifyReply,
  outcome: EditOutcome<Row>,
  options: { notFound: string; versionOf?: (row: Row) => number; body?: (row: Row) => unknown },
): FastifyReply {
  const versionOf = options.versionOf ?? ((row: Row) => (row as { version: number }).version);
  switch (outcome.kind) {
    case "saved":
      return reply
        .code(200)
        .send(options.body ? options.body(outcome.row) : { ...outcome.row, version: versionOf(outcome.row) });
    case "stale":
      return sendProblemWith(
        reply,
        409,
        "Someone else changed this after the version you sent. Nothing was saved: compare, then send again with the current version.",
        { currentVersion: versionOf(outcome.current), current: outcome.current },
      );
    case "invalid":
      return sendValidationProblem(reply, [
        { pointer: `/${outcome.field}`, detail: apiTranslator.t(outcome.message) },
      ]);
    default:
      return sendProblemWith(reply, 404, options.notFound);
  }
}
