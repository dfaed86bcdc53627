import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentRuleSettings } from "../../src/features/monitoring/rules/service";
import { defaultRuleSettings } from "../../src/features/monitoring/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { staffAccount } from "../../src/platform/directory/schema";
import { demoEmail, signedInAs, startTestApp, type TestApp, type TestClient } from "../support/app";

let testApp: TestApp;
let admin: TestClient;
let organisationId: string;
const url = "/admin/monitoring-rules";

/** The form as the page would post it: ticked boxes send "yes", unticked send nothing. */
const formFrom = (settings: Record<string, boolean | number>, extra: Record<string, string>) => ({
  ...Object.fromEntries(
    Object.entries(settings).flatMap(([name, value]) =>
      typeof value === "boolean" ? (value ? [[name, "yes"]] : []) : [[name, String(value)]],
    ),
  ),
  ...extra,
});
const words = (html: string) =>
  html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
/** The error message rendered beside a field (its id is the field's name plus "-error"). */
const messageBeside = (html: string, field: string) =>
  new RegExp(`id="${field}-error"[^>]*>.*?</span>\\s*([^<]+)</span>`).exec(html)?.[1]?.trim();

beforeAll(async () => {
  testApp = await startTestApp();
  const [row] = await testApp.db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("admin")));
  organisationId = row!.organisationId;
  admin = await signedInAs(testApp.app, "admin");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("an organisation's early-warning rules", () => {
  it("starts on the defaults, with item 9 shown as always on and no switch for it", async () => {
    const page = await admin.get(url);
    expect(page.statusCode).toBe(200);
    const text = words(page.body);
    expect(text).toContain("These are the default settings");
    expect(text).toContain("Always on. This rule cannot be switched off.");
    expect(page.body).not.toMatch(/name="phq9Item9/);
    expect(page.body).toMatch(/name="sleepEnabled"[^>]*checked/);
    expect(page.body).toMatch(/name="noContactDays"[^>]*value="21"/);
    // Reliable change is quoted from the measure definitions, not written into the text.
    expect(text).toContain("A rise of 6 or more on PHQ-9, or 4 or more on GAD-7");
    expect(text).toContain("The rules have not been changed");
    // Reached from the navigation like the other administration pages.
    expect(page.body).toContain(`href="${url}"`);
  });

  it("saves a change as version 1, audited with identifiers only, and the rules use it", async () => {
    await admin.get(url);
    const saved = await admin.post(
      url,
      formFrom(
        { ...defaultRuleSettings, sleepEnabled: false, noContactDays: 28 },
        { version: "0", reason: "Fewer sleep alerts while we pilot check-ins" },
      ),
    );
    expect(saved.statusCode).toBe(303);
    const page = await admin.get(saved.headers.location as string);
    const text = words(page.body);
    expect(text).toContain("The rules have been saved as version 1");
    expect(page.body).not.toMatch(/name="sleepEnabled"[^>]*checked/);
    expect(page.body).toMatch(/name="noContactDays"[^>]*value="28"/);
    expect(text).toContain("Sleep changed from the usual pattern: on to off");
    expect(text).toContain("Days without an attended contact: 21 to 28");
    expect(text).toContain("Fewer sleep alerts while we pilot check-ins");

    expect(await currentRuleSettings(testApp.db, organisationId)).toEqual({
      ...defaultRuleSettings,
      sleepEnabled: false,
      noContactDays: 28,
    });
    const events = await testApp.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.action, "monitoring_rules.update"), eq(auditEvent.organisationId, organisationId)),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcome: "succeeded",
      subjectType: "organisation",
      subjectId: organisationId,
      detail: { version: 1, changed: "sleepEnabled,noContactDays" },
    });
    // The admin's reason is words, not an identifier: it stays out of the audit trail.
    expect(JSON.stringify(events[0])).not.toContain("pilot");
  });

  it("a second save based on the old version is refused with the saved version beside the form", async () => {
    await admin.get(url);
    const second = await admin.post(
      url,
      formFrom(
        { ...defaultRuleSettings, sleepEnabled: false, noContactDays: 28, jobEndingDays: 30 },
        { version: "1" },
      ),
    );
    expect(second.statusCode).toBe(303);
    const stale = await admin.post(
      url,
      formFrom({ ...defaultRuleSettings, missedAppointmentsCount: 5 }, { version: "1" }),
    );
    expect(stale.statusCode).toBe(409);
    const text = words(stale.body);
    expect(text).toContain("Someone else changed this while you were editing");
    expect(text).toContain("Version 2, saved by");
    // What they typed is still in the form.
    expect(stale.body).toMatch(/name="missedAppointmentsCount"[^>]*value="5"/);
    expect((await currentRuleSettings(testApp.db, organisationId)).missedAppointmentsCount).toBe(2);
  });

  it("the history shows both versions, newest first, with who saved them", async () => {
    const page = await admin.get(url);
    const text = words(page.body);
    const rows = [...page.body.matchAll(/<tr class="nhsuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    const versions = rows.map(
      (row) => /<td[^>]*>(?:<span[^>]*>[^<]*<\/span>)?\s*(\d+)\s*<\/td>/.exec(row)?.[1],
    );
    expect(versions.filter(Boolean)).toEqual(["2", "1"]);
    expect(text).toContain("Days since the job ended: 14 to 30");
    const [adminRow] = await testApp.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("admin")));
    expect(text.split(adminRow!.fullName).length - 1).toBeGreaterThanOrEqual(2);
  });

  it("bad input gets a message beside each field and nothing is saved", async () => {
    await admin.get(url);
    const bad = await admin.post(
      url,
      formFrom(
        { ...defaultRuleSettings, noContactDays: 0, missedAppointmentsCount: 2.5 },
        { version: "2", sleepHoursChange: "lots", reason: "x".repeat(1001) },
      ),
    );
    expect(bad.statusCode).toBe(400);
    const text = words(bad.body);
    expect(text).toContain("There is a problem");
    expect(messageBeside(bad.body, "sleepHoursChange")).toBe("Enter a change in sleep from 0.5 to 6 hours");
    expect(messageBeside(bad.body, "noContactDays")).toBe(
      "Enter a number of days from 7 to 120, as a whole number",
    );
    expect(messageBeside(bad.body, "missedAppointmentsCount")).toBe(
      "Enter a number of missed appointments from 2 to 10, as a whole number",
    );
    expect(messageBeside(bad.body, "reason")).toBe("Enter 1000 characters or fewer");
    expect(bad.body).toContain('href="#noContactDays"');
    expect(bad.body).toMatch(/name="sleepHoursChange"[^>]*value="lots"/);
    expect((await currentRuleSettings(testApp.db, organisationId)).jobEndingDays).toBe(30);
  });

  it("is refused to someone who does not administer the organisation", async () => {
    for (const role of ["team_leader", "clinician", "manager"] as const) {
      const client = await signedInAs(testApp.app, role);
      const page = await client.get(url);
      expect(page.statusCode).toBe(403);
      const post = await client.post(url, formFrom(defaultRuleSettings, { version: "2" }));
      expect(post.statusCode).toBe(403);
      expect(page.body).not.toContain("Early-warning rules</h1>");
    }
    expect((await currentRuleSettings(testApp.db, organisationId)).jobEndingDays).toBe(30);
  });
});
