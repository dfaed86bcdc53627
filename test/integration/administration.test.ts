import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisation, region } from "../../src/platform/directory/schema";
import { signedInAs, startTestApp, type TestApp } from "../support/app";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("regions", () => {
  it("counts each region's organisations, on the page and in the API", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const expected = await testApp.db
      .select({ id: region.id, organisations: count(organisation.id) })
      .from(region)
      .leftJoin(organisation, eq(organisation.regionId, region.id))
      .groupBy(region.id);
    expect(expected.some((row) => row.organisations > 0)).toBe(true);
    const page = await admin.get("/admin/regions");
    for (const row of expected) {
      expect(page.body).toContain(
        `<a href="/admin/organisations?regionId=${row.id}">${row.organisations}</a>`,
      );
    }
    const api = await admin.request("GET", "/api/v1/regions");
    const items = (api.json() as { items: { id: string; organisationCount: number }[] }).items;
    for (const row of expected) {
      expect(items.find((item) => item.id === row.id)?.organisationCount).toBe(row.organisations);
    }
  });
});

describe("the admin home", () => {
  it("has a card for every admin page in the menu, the outbox and early-warning rules included", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const home = await admin.get("/");
    const cards = [...home.body.matchAll(/nhsuk-card__link" href="([^"]+)"/g)].map((match) => match[1]);
    expect(cards).toEqual(expect.arrayContaining(["/admin/outbox", "/admin/monitoring-rules"]));
    // Every admin page the navigation offers has its card on the home page.
    const menu = [...home.body.matchAll(/href="(\/admin\/[a-z-]+)"/g)].map((match) => match[1]);
    for (const href of new Set(menu)) expect(cards).toContain(href);
  });
});
