import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import zlib from "node:zlib";
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

export type ContentEncoding = "br" | "gzip" | "identity";

/** The best encoding the browser accepts: Brotli, then gzip, else none (a `q=0` refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...parameters] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get("*") ?? 0;
  if (weight("br") > 0) return "br";
  if (weight("gzip") > 0) return "gzip";
  return "identity";
}

type EncodedAsset = { type: string; bodies: Record<ContentEncoding, Buffer> };

/**
 * Text assets compressed once per process, at the highest levels (they never change while the
 * app runs): the NHS stylesheet goes from about 270 kB to about 24 kB (Brotli) on the wire.
 */
const encodedAssets = new Map<string, EncodedAsset>();
function encodeOnce(key: string, type: string, read: () => Buffer): EncodedAsset {
  const cached = encodedAssets.get(key);
  if (cached) return cached;
  const identity = read();
  const asset: EncodedAsset = {
    type,
    bodies: {
      identity,
      gzip: zlib.gzipSync(identity, { level: 9 }),
      br: zlib.brotliCompressSync(identity, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
    },
  };
  encodedAssets.set(key, asset);
  return asset;
}

function serveEncoded(app: FastifyInstance, url: string, asset: EncodedAsset) {
  app.get(url, { config: { access: "public", rateLimit: false } }, async (request, reply) => {
    const encoding = chooseEncoding(request.headers["accept-encoding"]);
    reply.type(asset.type).header("cache-control", "public, max-age=3600").header("vary", "Accept-Encoding");
    if (encoding !== "identity") reply.header("content-encoding", encoding);
    return reply.send(asset.bodies[encoding]);
  });
}

export async function registerWebAssets(app: FastifyInstance) {
  serveEncoded(
    app,
    "/nhsuk/nhsuk-frontend.min.css",
    encodeOnce("nhsuk.css", "text/css; charset=utf-8", () =>
      Buffer.from(
        withoutRemoteFonts(fs.readFileSync(path.join(nhsukDist, "nhsuk-frontend.min.css"), "utf8")),
      ),
    ),
  );
  serveEncoded(
    app,
    "/nhsuk/nhsuk-frontend.min.js",
    encodeOnce("nhsuk.js", "text/javascript; charset=utf-8", () =>
      fs.readFileSync(path.join(nhsukDist, "nhsuk-frontend.min.js")),
    ),
  );
  // Our own stylesheet and script, compressed the same way; anything else in the folder is served as is.
  for (const [file, type] of [
    ["app.css", "text/css; charset=utf-8"],
    ["app.js", "text/javascript; charset=utf-8"],
  ] as const) {
    serveEncoded(
      app,
      `/static/${file}`,
      encodeOnce(`own:${file}`, type, () => fs.readFileSync(path.join(ownStatic, file))),
    );
  }
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
