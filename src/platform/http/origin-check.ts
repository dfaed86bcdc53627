import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = "allowed" | "cross-site";

/**
 * Whether an unsafe request (POST, PUT, PATCH, DELETE) came from one of our own pages, judged
 * from what the browser says, as well as the CSRF token (decision 52):
 *
 * - `Sec-Fetch-Site`, when present, is set by the browser and cannot be forged by a page:
 *   `same-origin` (our page) and `none` (the person typed or bookmarked it) are allowed;
 *   `same-site` (a sibling subdomain) and `cross-site` are refused.
 * - Otherwise (an older browser), `Origin`, when present, must be the origin of `PUBLIC_URL`;
 *   `null` (a sandboxed frame, a data: page) is refused.
 * - With neither, the caller is not a browser (an API client with a bearer token, a script), or a
 *   very old browser; the CSRF token still guards every cookie-authenticated request.
 */
export function originVerdict(
  headers: { origin?: string | string[]; "sec-fetch-site"?: string | string[] },
  allowedOrigin: string,
): OriginVerdict {
  const site = single(headers["sec-fetch-site"]);
  if (site !== undefined) return site === "same-origin" || site === "none" ? "allowed" : "cross-site";
  const origin = single(headers.origin);
  if (origin === undefined) return "allowed";
  return origin === allowedOrigin ? "allowed" : "cross-site";
}

// A header sent twice is not something a browser does: the first value is judged, and an odd
// second one cannot make a refused request allowed because every value must pass.
function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.every((item) => item === value[0]) ? value[0] : "conflicting";
  return value;
}

export type OriginCheckOptions = {
  /** PUBLIC_URL: the address people use, whose origin our own pages have. */
  publicUrl: string;
  refuse: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
};

/** Refuses cross-site writes as soon as they arrive, before anyone is looked up or anything is parsed. */
export function registerOriginCheck(app: FastifyInstance, options: OriginCheckOptions) {
  const allowedOrigin = new URL(options.publicUrl).origin;
  app.addHook("onRequest", async (request, reply) => {
    if (safeMethods.has(request.method)) return;
    if (originVerdict(request.headers, allowedOrigin) === "cross-site") return options.refuse(request, reply);
  });
}
