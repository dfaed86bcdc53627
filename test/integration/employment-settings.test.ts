import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentEmploymentSettings } from "../../src/features/employment/settings/service";
import { auditEvent } from "../../src/platform/audit/table";
import { demoStaff, signedInAs, startTestApp, type TestApp, type TestClient } from "../support/app";

let testApp: TestApp;
let admin: TestClient;
let organisationId: string;
const url = "/admin/employment-settings";

const words = (html: string) =>
  html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&#163;", "£");
/** The error message rendered beside a field (its id is the field's name plus "-error"). */
const messageBeside = (html: string, field: string) =>
  new RegExp(`id="${field}-error"[^>]*>.*?</span>\\s*([^<]+)</span>`).exec(html)?.[1]?.trim();

beforeAll(async () => {
  testApp = await startTestApp();
  const row = await demoStaff(testApp, "admin");
  organisationId = row.organisationId;
  admin = await signedInAs(testApp.app, "admin");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("an organisation's employment settings", () => {
  it("starts on the defaults, says plainly they are unverified, and is in the navigation", async () => {
    const page = await admin.get(url);
    expect(page.statusCode).toBe(200);
    const text = words(page.body);
    expect(text).toContain("These are the default settings");
    expect(text).toContain("Neither default has been checked against a source");
    expect(text).toContain("£12.71 an hour is the UK National Living Wage from April 2026");
    expect(text).toContain("6 face-to-face employer contacts a week");
    expect(page.body).toMatch(/name="wageFloor"[^>]*value="12.71"/);
    expect(page.body).toMatch(/name="weeklyEmployerContactTarget"[^>]*value="6"/);
    expect(text).toContain("The settings have not been changed");
    expect(page.body).toContain(`href="${url}"`);
  });

  it("saves pounds and pence as pence in version 1, audited with identifiers only", async () => {
    await admin.get(url);
    const saved = await admin.post(url, {
      version: "0",
      wageFloor: "£12.85",
      weeklyEmployerContactTarget: "6",
      reason: "Checked against the gov.uk rates page",
    });
    expect(saved.statusCode).toBe(303);
    const page = await admin.get(saved.headers.location as string);
    const text = words(page.body);
    expect(text).toContain("The employment settings have been saved as version 1");
    expect(page.body).toMatch(/name="wageFloor"[^>]*value="12.85"/);
    expect(text).toContain("Wage floor for a competitive job: £12.71 an hour to £12.85 an hour");
    expect(text).toContain("Checked against the gov.uk rates page");
    expect(await currentEmploymentSettings(testApp.db, organisationId)).toEqual({
      wageFloorPence: 1285,
      weeklyEmployerContactTarget: 6,
    });
    const events = await testApp.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.action, "employment_settings.update"),
          eq(auditEvent.organisationId, organisationId),
        ),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: "succeeded",
      subjectType: "organisation",
      subjectId: organisationId,
      detail: { version: 1, changed: "wageFloorPence" },
    });
    expect(JSON.stringify(events[0])).not.toContain("gov.uk");
  });

  it("a save based on an old version is refused with 409 and the saved version beside the form", async () => {
    await admin.get(url);
    const second = await admin.post(url, {
      version: "1",
      wageFloor: "12.85",
      weeklyEmployerContactTarget: "8",
    });
    expect(second.statusCode).toBe(303);
    const stale = await admin.post(url, {
      version: "1",
      wageFloor: "13.00",
      weeklyEmployerContactTarget: "6",
    });
    expect(stale.statusCode).toBe(409);
    const text = words(stale.body);
    expect(text).toContain("Someone else changed this while you were editing");
    expect(text).toContain("Version 2, saved by");
    expect(text).toContain("8 a week");
    expect(stale.body).toMatch(/name="wageFloor"[^>]*value="13.00"/);
    expect(await currentEmploymentSettings(testApp.db, organisationId)).toEqual({
      wageFloorPence: 1285,
      weeklyEmployerContactTarget: 8,
    });
  });

  it("the history shows every version, newest first, with what changed", async () => {
    const page = await admin.get(url);
    const text = words(page.body);
    const rows = [...page.body.matchAll(/<tr class="nhsuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    const versions = rows.map(
      (row) => /<td[^>]*>(?:<span[^>]*>[^<]*<\/span>)?\s*(\d+)\s*<\/td>/.exec(row)?.[1],
    );
    expect(versions.filter(Boolean)).toEqual(["2", "1"]);
    expect(text).toContain("Face-to-face employer contacts a week: 6 a week to 8 a week");
  });

  it("bad input gets a message beside each field and nothing is saved", async () => {
    await admin.get(url);
    for (const wageFloor of ["twelve", "12.715", "0.50", "101"]) {
      const bad = await admin.post(url, { version: "2", wageFloor, weeklyEmployerContactTarget: "0" });
      expect(bad.statusCode).toBe(400);
      const text = words(bad.body);
      expect(text).toContain("There is a problem");
      expect(words(messageBeside(bad.body, "wageFloor") ?? "")).toBe(
        "Enter the wage floor in pounds and pence, from £1.00 to £100.00, for example 12.71",
      );
      expect(messageBeside(bad.body, "weeklyEmployerContactTarget")).toBe(
        "Enter a whole number of contacts a week, from 1 to 40",
      );
      expect(bad.body).toContain('href="#wageFloor"');
    }
    expect((await currentEmploymentSettings(testApp.db, organisationId)).wageFloorPence).toBe(1285);
  });

  it("is refused to someone who does not administer the organisation", async () => {
    for (const role of ["team_leader", "employment_specialist", "manager"] as const) {
      const client = await signedInAs(testApp.app, role);
      const page = await client.get(url);
      expect(page.statusCode).toBe(403);
      const post = await client.post(url, {
        version: "2",
        wageFloor: "20.00",
        weeklyEmployerContactTarget: "6",
      });
      expect(post.statusCode).toBe(403);
      expect(page.body).not.toContain(`href="${url}"`);
    }
    expect((await currentEmploymentSettings(testApp.db, organisationId)).wageFloorPence).toBe(1285);
  });
});
