import type { FastifyInstance } from "fastify";

const isAssetPath = (url: string) =>
  ["/nhsuk/", "/assets/", "/static/"].some((prefix) => url.startsWith(prefix));

/**
 * Nothing but the design system's files may be kept by a browser or a proxy (decision 51). Pages
 * already said `no-store`; API and FHIR answers said nothing, so a shared cache or the browser's
 * back button could keep a participant's record. Every answer that is not a static asset now says
 * `Cache-Control: no-store`, whatever its route set, signed in or not: a public page's answer is
 * cheap to make again, and one rule is one thing to get right.
 */
export function registerNoStore(app: FastifyInstance) {
  app.addHook("onSend", async (request, reply, payload) => {
    if (!isAssetPath(request.url)) reply.header("cache-control", "no-store");
    return payload;
  });
}
