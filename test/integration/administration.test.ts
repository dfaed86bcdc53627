import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisation, region, staffAccount, team } from "../../src/platform/directory/schema";
import { demoStaff, signedInAs, startTestApp, type TestApp } from "../support/app";

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

describe("inviting staff", () => {
  it("offers only the teams of the admin's own organisation, and refuses another organisation's team", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const me = await demoStaff(testApp, "admin");
    const teams = await testApp.db.select().from(team);
    const own = teams.filter((row) => row.organisationId === me.organisationId && row.active);
    const others = teams.filter((row) => row.organisationId !== me.organisationId);
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    const form = await admin.get("/admin/staff/invite");
    for (const row of own) expect(form.body).toContain(`value="${row.id}"`);
    for (const row of others) expect(form.body).not.toContain(`value="${row.id}"`);

    const refused = await admin.post("/admin/staff", {
      fullName: "Casey Other",
      email: "casey.other@example.org",
      role: "employment_specialist",
      organisationId: me.organisationId,
      teamIds: others[0]!.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Choose teams from the list");
    expect(
      await testApp.db.select().from(staffAccount).where(eq(staffAccount.email, "casey.other@example.org")),
    ).toHaveLength(0);

    const invited = await admin.post("/admin/staff", {
      fullName: "Casey Own",
      email: "casey.own@example.org",
      role: "employment_specialist",
      organisationId: me.organisationId,
      teamIds: own[0]!.id,
    });
    expect(invited.statusCode).toBeLessThan(400);
  });
});
