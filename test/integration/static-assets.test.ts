import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

const get = (url: string, acceptEncoding?: string) =>
  testApp.app.inject({
    method: "GET",
    url,
    headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {},
  });

describe("static assets are compressed", () => {
  for (const url of [
    "/nhsuk/nhsuk-frontend.min.css",
    "/nhsuk/nhsuk-frontend.min.js",
    "/static/app.css",
    "/static/app.js",
  ]) {
    it(`${url}: gzip or Brotli when the browser accepts it, the same bytes unpacked`, async () => {
      const plain = await get(url);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.headers.vary).toContain("Accept-Encoding");

      const gzip = await get(url, "gzip");
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(gzip.headers["content-type"]).toBe(plain.headers["content-type"]);
      expect(gunzipSync(gzip.rawPayload).equals(plain.rawPayload)).toBe(true);

      const br = await get(url, "gzip, deflate, br");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    });
  }

  it("sends the NHS stylesheet at a small fraction of its size", async () => {
    const plain = await get("/nhsuk/nhsuk-frontend.min.css");
    const gzip = await get("/nhsuk/nhsuk-frontend.min.css", "gzip");
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
  });
});
