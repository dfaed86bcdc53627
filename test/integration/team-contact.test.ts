import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent } from "../../src/platform/audit/table";
import { team } from "../../src/platform/directory/schema";
import { signedInAs, startTestApp, type TestApp, type TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";

// A team's phone and email: set by an admin on the team form, refused beside the field when they
// are not a UK number or an email address, and printed on the plan of each person the team supports.

let testApp: TestApp;
let admin: TestClient;
let specialist: TestClient;
let participantId: string;
let teamId: string;

/** Rendered HTML escapes apostrophes; compare the words a person reads. */
const words = (html: string) => html.replaceAll("&#39;", "'").replaceAll("&amp;", "&");

async function stored() {
  const [row] = await testApp.db.select().from(team).where(eq(team.id, teamId));
  return row!;
}

/** The team form as an admin would send it: the team as stored, with these changes. */
async function saveTeam(changes: Record<string, string>) {
  const current = await stored();
  await admin.get(`/admin/teams/${teamId}`);
  return admin.post(`/admin/teams/${teamId}`, {
    name: current.name,
    kind: current.kind,
    organisationId: current.organisationId,
    phone: current.phone ?? "",
    email: current.email ?? "",
    ...(current.active ? { active: "yes" } : {}),
    version: String(current.version),
    ...changes,
  });
}

async function printedPlan() {
  const response = await specialist.get(`/participants/${participantId}/plan/print`);
  expect(response.statusCode).toBe(200);
  return words(response.body);
}

beforeAll(async () => {
  testApp = await startTestApp();
  const created = await createTestParticipant(testApp, { stage: "engaged" });
  participantId = created.id;
  teamId = created.teamId;
  admin = await signedInAs(testApp.app, "admin");
  specialist = await signedInAs(testApp.app, "employment_specialist");
  await specialist.get(`/participants/${participantId}/plan`);
  expect((await specialist.post(`/participants/${participantId}/plan`)).statusCode).toBe(302);
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("a team's contact on the team form", () => {
  it("refuses a phone number and an email that are not one, beside each field, with 400 and nothing saved", async () => {
    const before = await stored();
    const refused = await saveTeam({ phone: "ring 0800", email: "ips team at example" });
    expect(refused.statusCode).toBe(400);
    const body = words(refused.body);
    expect(body).toContain("nhsuk-error-summary");
    expect(body).toMatch(
      /id="phone-error"[^>]*>[\s\S]*?Enter a UK phone number in the correct format, like 01632 960 001/,
    );
    expect(body).toMatch(
      /id="email-error"[^>]*>[\s\S]*?Enter an email address in the correct format, like team@example.nhs.uk/,
    );
    // What was typed stays in the fields to correct.
    expect(body).toContain('value="ring 0800"');
    expect(await stored()).toEqual(before);
  });

  it("saves a UK number and an email, shows them on the teams list, and audits the change as a team edit", async () => {
    const before = await stored();
    const saved = await saveTeam({ phone: " 020  7946 0123 ", email: "IPS.Contact@Example.NHS.uk" });
    expect(saved.statusCode).toBe(302);
    const after = await stored();
    expect(after).toMatchObject({
      phone: "020 7946 0123",
      email: "ips.contact@example.nhs.uk",
      version: before.version + 1,
    });
    const [event] = await testApp.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "team.update"), eq(auditEvent.subjectId, teamId)))
      .orderBy(desc(auditEvent.occurredAt))
      .limit(1);
    expect(event?.detail).toMatchObject({ changed: "phone,email" });

    const list = words((await admin.get(`/admin/teams?organisationId=${after.organisationId}`)).body);
    expect(list).toContain("020 7946 0123");
    expect(list).toContain("ips.contact@example.nhs.uk");
    const form = await admin.get(`/admin/teams/${teamId}`);
    expect(form.body).toContain('value="020 7946 0123"');
    expect(form.body).toContain('value="ips.contact@example.nhs.uk"');
  });

  it("shows the team's phone and email on the printed plan, with the crisis information and no note for admins", async () => {
    await saveTeam({ phone: "020 7946 0123", email: "ips.contact@example.nhs.uk" });
    const current = await stored();
    const body = await printedPlan();
    expect(body).toContain(`My employment support team: ${current.name},`);
    expect(body).toContain("Phone: 020 7946 0123");
    expect(body).toContain("Email: ips.contact@example.nhs.uk");
    expect(body).not.toContain("has not given a phone number");
    expect(body).toContain("Where to get help now");
    expect(body).toContain("NHS 111");
    // The person reads this on paper: nothing about a screen only an administrator sees.
    expect(body).not.toContain("administrator can replace");
  });

  it("says plainly on the printed plan when the team has given neither, and still shows where to get help", async () => {
    const cleared = await saveTeam({ phone: "", email: "" });
    expect(cleared.statusCode).toBe(302);
    expect(await stored()).toMatchObject({ phone: null, email: null });
    const body = await printedPlan();
    expect(body).toContain("My team has not given a phone number or email address yet.");
    expect(body).not.toContain("Phone:");
    expect(body).not.toContain("Email:");
    expect(body).toContain("Where to get help now");
    expect(body).toContain("116 123");
    expect(body).not.toContain("administrator can replace");
    const list = words(
      (await admin.get(`/admin/teams?organisationId=${(await stored()).organisationId}`)).body,
    );
    expect(list).toContain("None given");
  });

  it("lists each team's contact in the API", async () => {
    await saveTeam({ phone: "01632 960 555" });
    const response = await admin.request(
      "GET",
      `/api/v1/teams?organisationId=${(await stored()).organisationId}`,
    );
    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: { id: string; phone: string | null; email: string | null }[] })
      .items;
    expect(items.find((item) => item.id === teamId)).toMatchObject({ phone: "01632 960 555", email: null });
  });
});

describe("the demo teams", () => {
  it("have fictional contacts from Ofcom's drama range and the demo's reserved domain, and the GP practices none", async () => {
    const teams = await testApp.db.select().from(team);
    const ips = teams.filter((row) => row.kind === "ips_team" && row.id !== teamId);
    expect(ips.length).toBeGreaterThan(0);
    for (const row of ips) {
      expect(row.phone).toMatch(/^01632 960 \d{3}$/);
      expect(row.email).toMatch(/@[a-z.-]+\.demo\.tandem\.example$/);
    }
    for (const row of teams.filter((row) => row.kind === "gp_practice")) {
      expect(row).toMatchObject({ phone: null, email: null });
    }
  });
});
