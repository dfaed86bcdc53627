import type { FastifyReply } from "fastify";

/** An RFC 9457 problem document: what an API client gets instead of a stack trace. */
export type ProblemDocument = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Field-level messages, with a JSON pointer to the offending input. */
  errors?: { pointer: string; detail: string }[];
};

const titles: Record<number, string> = {
  400: "Bad request",
  401: "Sign-in required",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Request too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export function problemDocument(
  status: number,
  detail?: string,
  extra: Partial<ProblemDocument> = {},
): ProblemDocument {
  return {
    type: "about:blank",
    title: titles[status] ?? "Error",
    status,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail?: string,
  extra: Partial<ProblemDocument> = {},
): FastifyReply {
  return reply
    .code(status)
    .type("application/problem+json; charset=utf-8")
    .send(problemDocument(status, detail, extra));
}

/** API requests get problem documents; everything else gets pages. */
export function wantsJson(url: string): boolean {
  return url.startsWith("/api/") || url === "/healthz" || url === "/readyz";
}
