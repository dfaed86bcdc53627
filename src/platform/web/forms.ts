import type { z } from "zod";
import { isMessageKey, type Translator } from "./i18n";

export type { FieldError } from "./components";

/**
 * The first message for each field, in the order the fields failed, for the error summary.
 * Schemas give catalogue keys; the translator turns them into words, with the rule's limits.
 */
export function fieldErrors(error: z.ZodError, t: Translator): { field: string; message: string }[] {
  const seen = new Set<string>();
  const errors: { field: string; message: string }[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: translateIssue(issue, t) });
  }
  return errors;
}

export type FormBody = Record<string, string | string[]>;

/** A parsed urlencoded body without the CSRF token; anything else (JSON, nothing) is an empty form. */
export function formBody(body: unknown): FormBody {
  if (!body || typeof body !== "object" || Array.isArray(body)) return {};
  const form: FormBody = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === "_csrf") continue;
    if (typeof value === "string") form[key] = value;
    else if (Array.isArray(value))
      form[key] = value.filter((item): item is string => typeof item === "string");
  }
  return form;
}

export function translateIssue(
  issue: { message: string; minimum?: unknown; maximum?: unknown },
  t: Translator,
): string {
  if (!isMessageKey(issue.message)) return issue.message;
  return t.t(issue.message, { min: String(issue.minimum ?? ""), max: String(issue.maximum ?? "") });
}
