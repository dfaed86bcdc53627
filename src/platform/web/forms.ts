import type { z } from "zod";

export type { FieldError } from "./components";

/** The first message for each field, in the order the fields failed, for the error summary. */
export function fieldErrors(error: z.ZodError): { field: string; message: string }[] {
  const seen = new Set<string>();
  const errors: { field: string; message: string }[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
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
