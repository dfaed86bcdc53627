import type { z } from "zod";
import type { FieldError } from "./components";
import {
  type DatePart,
  type DateProblem,
  dateFieldsIn,
  earliestYear,
  latestYear,
  parseDateParts,
  partId,
  partName,
  unreadableDate,
} from "./date-parts";
import { isMessageKey, type MessageKey, type Translator } from "./i18n";

export type { FieldError } from "./components";

/**
 * The first message for each field, in the order the fields failed, for the error summary.
 * Schemas give catalogue keys; the translator turns them into words, with the rule's limits.
 * Given the form, a date that could not be read shows the date input's own message instead.
 */
export function fieldErrors(error: z.ZodError, t: Translator, form?: object): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: translateIssue(issue, t) });
  }
  return form ? withDateProblems(errors, form, t) : errors;
}

export type FormBody = Record<string, string | string[]>;

/**
 * A parsed urlencoded body without the CSRF token; anything else (JSON, nothing) is an empty form.
 * Each date typed in day, month and year fields arrives as one field (see `collapseDates`).
 */
export function formBody(body: unknown): FormBody {
  if (!body || typeof body !== "object" || Array.isArray(body)) return {};
  const form: FormBody = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === "_csrf") continue;
    if (typeof value === "string") form[key] = value;
    else if (Array.isArray(value))
      form[key] = value.filter((item): item is string => typeof item === "string");
  }
  return collapseDates(form);
}

const dateProblems = new WeakMap<object, Map<string, DateProblem>>();

/**
 * Every date typed in the NHS.UK date input (`dateOfBirth[day]`, `[month]`, `[year]`) becomes the
 * one field the feature's schema reads, as YYYY-MM-DD; so every schema, and the API, keep taking
 * ISO dates. All parts empty gives "" (the schema says whether the date is needed). A date that
 * cannot be read gives a value no date rule accepts, and its problem is kept for `fieldErrors`.
 * The parts stay in the form, so a page shown again keeps what the person typed. Done here, once,
 * for every form (and for a GET filter's query), not in each feature.
 */
export function collapseDates<Form extends Record<string, unknown>>(form: Form): Form {
  const fields = dateFieldsIn(form);
  if (fields.length === 0) return form;
  const collapsed: Record<string, unknown> = { ...form };
  const problems = new Map<string, DateProblem>();
  for (const field of fields) {
    const part = (name: DatePart) => {
      const value = form[partName(field, name)];
      return typeof value === "string" ? value : undefined;
    };
    const parsed = parseDateParts({ day: part("day"), month: part("month"), year: part("year") });
    if (parsed.kind === "date") collapsed[field] = parsed.iso;
    else if (parsed.kind === "blank") collapsed[field] = "";
    else {
      collapsed[field] = unreadableDate;
      problems.set(field, parsed);
    }
  }
  dateProblems.set(collapsed, problems);
  return collapsed as Form;
}

/** What the date input says about a date it could not read, named by its field. */
export function dateProblemMessage(field: string, problem: DateProblem, t: Translator): string {
  const name = t.t(dateNameKey(field));
  switch (problem.kind) {
    case "missing":
      return t.t(`date.missing.${problem.parts.join(".")}` as MessageKey, { name });
    case "notReal":
      return t.t("date.notReal", { name });
    case "yearDigits":
      return t.t("date.yearDigits", { name });
    case "yearRange":
      return t.t("date.yearRange", { name, min: earliestYear, max: latestYear });
  }
}

/** `date.name.<field>`; numbered fields (review-1, review-2) share their stem's name. */
function dateNameKey(field: string): MessageKey {
  for (const candidate of [field, field.replace(/-?\d+$/, "")]) {
    const key = `date.name.${candidate}`;
    if (isMessageKey(key)) return key;
  }
  return "date.name.default";
}

/**
 * A page's errors with the form's dates accounted for: a date that could not be read says so in
 * the date input's words (instead of the schema's), and marks only the parts in error; every
 * error on a date links to its first field in error, as the error summary must.
 */
export function withDateProblems(errors: FieldError[], form: object, t: Translator): FieldError[] {
  const problems = dateProblems.get(form);
  const dateFields = dateFieldsIn(form as Record<string, unknown>);
  if (dateFields.length === 0) return errors;
  const result = errors.map((error) => {
    if (!dateFields.includes(error.field)) return error;
    const problem = problems?.get(error.field);
    if (!problem) return { ...error, anchor: partId(error.field, "day") };
    return {
      field: error.field,
      message: dateProblemMessage(error.field, problem, t),
      anchor: partId(error.field, problem.parts[0] ?? "day"),
      parts: problem.parts,
    };
  });
  // A date no rule looked at (a field the form ignored) still cannot be passed over in silence.
  for (const [field, problem] of problems ?? []) {
    if (result.some((error) => error.field === field)) continue;
    result.push({
      field,
      message: dateProblemMessage(field, problem, t),
      anchor: partId(field, problem.parts[0] ?? "day"),
      parts: problem.parts,
    });
  }
  return result;
}

export function translateIssue(
  issue: { message: string; minimum?: unknown; maximum?: unknown },
  t: Translator,
): string {
  if (!isMessageKey(issue.message)) return issue.message;
  return t.t(issue.message, { min: String(issue.minimum ?? ""), max: String(issue.maximum ?? "") });
}
