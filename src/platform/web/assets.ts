import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const require = createRequire(import.meta.url);
const nhsukDist = path.join(path.dirname(require.resolve("nhsuk-frontend/package.json")), "dist", "nhsuk");
const ownStatic = path.join(import.meta.dirname, "static");

/**
 * The design system's compiled CSS loads the Frutiger font from the NHS CDN. Our CSP allows
 * fonts from this site only, and a closed network cannot reach the CDN, so those rules are
 * removed and the design system's Arial fallback is used.
 */
export function withoutRemoteFonts(css: string): string {
  return css.replace(/@font-face\s*\{[^}]*https?:\/\/[^}]*\}/g, "");
}

export async function registerWebAssets(app: FastifyInstance) {
  const stylesheet = withoutRemoteFonts(
    fs.readFileSync(path.join(nhsukDist, "nhsuk-frontend.min.css"), "utf8"),
  );
  app.get(
    "/nhsuk/nhsuk-frontend.min.css",
    { config: { access: "public", rateLimit: false } },
    async (_request, reply) =>
      reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(stylesheet),
  );
  app.get(
    "/nhsuk/nhsuk-frontend.min.js",
    { config: { access: "public", rateLimit: false } },
    async (_request, reply) =>
      reply
        .type("text/javascript; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(fs.createReadStream(path.join(nhsukDist, "nhsuk-frontend.min.js"))),
  );
  await app.register(fastifyStatic, {
    root: path.join(nhsukDist, "assets"),
    prefix: "/assets/",
    decorateReply: false,
    maxAge: "1h",
  });
  await app.register(fastifyStatic, {
    root: ownStatic,
    prefix: "/static/",
    decorateReply: false,
    maxAge: "1h",
  });
}
