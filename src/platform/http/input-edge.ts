import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * The first line of defence for every route, pages and API alike: text that no person types is
 * refused with a 400 before any handler, schema or query sees it (decision 50).
 *
 * - C0 control characters (U+0000–U+001F) and DEL (U+007F): PostgreSQL cannot store NUL in text,
 *   a newline in a value that ends up in a header throws, and a tab in a redirect target is
 *   dropped by browsers. In bodies TAB, LF and CR are allowed, because a note or a plan item is
 *   typed over several lines; in the address (path parameters and the query) none is.
 * - Lone surrogates (half of a UTF-16 pair): not text at all. The drivers would quietly store
 *   U+FFFD in their place, so what was saved would differ from what was sent.
 *
 * Field names are checked as well as values. The rest (lengths, formats, date ranges) is each
 * schema's job; this only removes what would otherwise reach the database as an error.
 */
export type TextRule = "single-line" | "multi-line";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const singleLineControl = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const multiLineControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a single string is text a person could have typed, under this rule. */
export function isAcceptableText(text: string, rule: TextRule): boolean {
  const control = rule === "single-line" ? singleLineControl : multiLineControl;
  return !control.test(text) && !loneSurrogate.test(text);
}

/**
 * The path (JSON-pointer style) of the first unacceptable string in a parsed value — a query,
 * path parameters, a form or a JSON body — or undefined when every string and key is acceptable.
 */
export function firstUnacceptableText(value: unknown, rule: TextRule, path = ""): string | undefined {
  if (typeof value === "string") return isAcceptableText(value, rule) ? undefined : path || "/";
  if (value === null || typeof value !== "object") return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstUnacceptableText(item, rule, `${path}/${index}`);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    // The name of a field is never multi-line; where it is bad, say so without repeating it.
    if (!isAcceptableText(key, "single-line")) return path || "/";
    const found = firstUnacceptableText(item, rule, `${path}/${key}`);
    if (found) return found;
  }
  return undefined;
}

export type InputEdgeOptions = {
  /** Answers a refused request: a page or a problem document, as the route speaks. */
  refuse: (request: FastifyRequest, reply: FastifyReply, where: string) => FastifyReply;
};

/**
 * Registers the check on every route, once the body is parsed (preValidation) and after the
 * sign-in and CSRF checks, so a caller who may not use the route is still refused for that rather
 * than told about their input. No header is checked: the only one read (Authorization) is hashed
 * before it is looked up, and no header is ever echoed back.
 */
export function registerInputEdge(app: FastifyInstance, options: InputEdgeOptions) {
  app.addHook("preValidation", async (request, reply) => {
    if (reply.sent) return;
    const where =
      firstUnacceptableText(request.params, "single-line", "/params") ??
      firstUnacceptableText(request.query, "single-line", "/query") ??
      firstUnacceptableText(request.body, "multi-line", "/body");
    if (where) return options.refuse(request, reply, where);
  });
}

/**
 * Whether a thrown error is the caller's bad input that slipped past the edge and the schemas:
 * a zod `.parse` on request input, a PostgreSQL data exception (class 22: a NUL in text, a date
 * out of range, a value too long), or a value Node refused to put in a header.
 */
export function isClientDataError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current.name === "ZodError") return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (/^22[0-9A-Z]{3}$/.test(code) || code === "ERR_INVALID_CHAR"))
      return true;
    current = current.cause;
  }
  return false;
}
