import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { consentRecord, emergencyAccessGrant } from "../../src/features/participants/schema";
import { participantAccessLog } from "../../src/features/timeline/service";
import { hashPassword } from "../../src/platform/auth/passwords";
import { staffAccount } from "../../src/platform/directory/schema";
import { signedInAs, startTestApp, type TestApp, TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;
let specialist: TestClient;
let clinician: TestClient;
let teamLeader: TestClient;
let participantId: string;
let organisationId: string;

const timelineUrl = () => `/participants/${participantId}/timeline`;
const accessLogUrl = () => `/participants/${participantId}/access-log`;

/** The text of each timeline entry's title, in the order the page shows them. */
const titles = (html: string) =>
  [...html.matchAll(/<h2 class="nhsuk-heading-xs app-timeline__title">(?:<a [^>]*>)?([^<]*)/g)].map(
    (match) => match[1],
  );

/** The access log table's body rows, as HTML. */
const logRows = (html: string) =>
  (html.split('<tbody class="nhsuk-table__body">')[1] ?? "").split('<tr class="nhsuk-table__row">').slice(1);

beforeAll(async () => {
  testApp = await startTestApp();
  const shared = await createTestParticipant(testApp, { stage: "referred" });
  participantId = shared.id;
  organisationId = shared.organisationId;
  specialist = await signedInAs(testApp.app, "employment_specialist");
  clinician = await signedInAs(testApp.app, "clinician");
  teamLeader = await signedInAs(testApp.app, "team_leader");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("the participant timeline", () => {
  it("shows the care team joining, then a contact and a consent change, newest first", async () => {
    testApp.clock.advance(60_000);
    const contact = await clinician.request("POST", `/api/v1/participants/${participantId}/contacts`, {
      occurredAt: new Date(testApp.clock.now().getTime() - 30_000).toISOString(),
      method: "phone",
      withWhom: "participant",
      durationMinutes: 20,
      attendance: "attended",
      noteKind: "clinical",
      note: "Discussed sleep and the new medication dose.",
    });
    expect(contact.statusCode).toBe(201);
    testApp.clock.advance(60_000);
    await testApp.db.insert(consentRecord).values({
      organisationId,
      participantId,
      purpose: "contact_employers",
      decision: "given",
      method: "written",
      recordedAt: testApp.clock.now(),
    });

    const page = await specialist.get(timelineUrl());
    expect(page.statusCode).toBe(200);
    const order = titles(page.body);
    expect(order[0]).toBe("Consent given: contacting employers on their behalf");
    expect(order[1]).toBe("Phone call with the participant");
    expect(order.slice(2)).toEqual(
      expect.arrayContaining([
        "Priya Shah joined the care team as lead employment specialist",
        "Dr Tom Okafor joined the care team as clinician",
      ]),
    );
    // The specialist has no consent to see clinical notes: the contact shows, its text does not.
    expect(page.body).not.toContain("Discussed sleep");
    expect(page.body).toContain("Clinical note: not shown to you");
    expect((await clinician.get(timelineUrl())).body).toContain("Discussed sleep");
  });

  it("filters by category with a GET form", async () => {
    const page = await specialist.get(`${timelineUrl()}?category=consent&category=not-a-category`);
    expect(page.statusCode).toBe(200);
    expect(titles(page.body)).toEqual(["Consent given: contacting employers on their behalf"]);
    expect(page.body).toMatch(/value="consent" checked/);
    const none = await specialist.get(`${timelineUrl()}?category=alert`);
    expect(none.body).toContain("Nothing on the timeline matches these filters.");
  });

  it("refuses someone outside the organisation", async () => {
    const outsider = new TestClient(testApp.app);
    await outsider.signIn("clinician.2@black.country.demo.tandem.example");
    expect((await outsider.get(timelineUrl())).statusCode).toBe(403);
  });
});

describe("the access log", () => {
  it("is refused to an employment specialist, and its tab is not offered", async () => {
    expect((await specialist.get(accessLogUrl())).statusCode).toBe(403);
    expect((await specialist.get(timelineUrl())).body).not.toContain(accessLogUrl());
    expect((await teamLeader.get(timelineUrl())).body).toContain(accessLogUrl());
  });

  it("lists who opened the record, with roles, what and basis, refusals included", async () => {
    const page = await teamLeader.get(accessLogUrl());
    expect(page.statusCode).toBe(200);
    const rows = logRows(page.body);
    // Newest first: the team leader's own look at the log heads it.
    expect(rows[0]).toContain("Aisha Karim");
    expect(rows[0]).toContain("access log");
    expect(rows[0]).toContain("Team leader");
    const specialistRead = rows.find((row) => row.includes("Priya Shah") && row.includes("timeline"));
    expect(specialistRead).toContain("Employment specialist");
    expect(specialistRead).toContain("On the care team");
    expect(
      rows.some((row) => row.includes("Dr Tom Okafor") && row.includes("Changed") && row.includes("contact")),
    ).toBe(true);
    const refused = rows.find((row) => row.includes("Refused"));
    expect(refused).toContain("participant belongs to another organisation");
    expect(refused).toContain("Clinician");
  });

  it("marks an emergency opening, with the reason given for it", async () => {
    const [sameOrganisation] = await testApp.db
      .insert(staffAccount)
      .values({
        email: "duty.psychiatrist@demo.tandem.example",
        fullName: "Dr Duty Psychiatrist",
        role: "clinician",
        profession: "psychiatrist",
        organisationId,
        status: "active",
        passwordHash: await hashPassword(DEMO_PASSWORD),
        createdAt: testApp.clock.now(),
        updatedAt: testApp.clock.now(),
      })
      .returning();
    await testApp.db.insert(emergencyAccessGrant).values({
      organisationId,
      participantId,
      staffId: sameOrganisation!.id,
      reason: "Crisis call out of hours; care team unreachable",
      grantedAt: testApp.clock.now(),
      expiresAt: new Date(testApp.clock.now().getTime() + 3_600_000),
    });
    const duty = new TestClient(testApp.app);
    expect((await duty.signIn("duty.psychiatrist@demo.tandem.example")).statusCode).toBe(302);
    testApp.clock.advance(1000);
    expect((await duty.get(timelineUrl())).statusCode).toBe(200);

    const page = await teamLeader.get(accessLogUrl());
    const row = logRows(page.body).find((cells) => cells.includes("Dr Duty Psychiatrist"));
    expect(row).toContain('nhsuk-tag--orange">Emergency access');
    expect(row).toContain("Crisis call out of hours; care team unreachable");
  });

  it("pages through the whole log by keyset, newest first", async () => {
    const first = await participantAccessLog(testApp.db, participantId, { limit: 3 });
    expect(first.entries).toHaveLength(3);
    expect(first.nextCursor).toBeDefined();
    const all = [...first.entries];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await participantAccessLog(testApp.db, participantId, { before: cursor, limit: 3 });
      all.push(...next.entries);
      cursor = next.nextCursor;
    }
    const everything = await participantAccessLog(testApp.db, participantId, { limit: 1000 });
    expect(all.map((entry) => entry.id)).toEqual(everything.entries.map((entry) => entry.id));
    for (let index = 1; index < all.length; index++) {
      expect(all[index - 1]!.at.getTime()).toBeGreaterThanOrEqual(all[index]!.at.getTime());
    }
    const link = await teamLeader.get(`${accessLogUrl()}?before=${encodeURIComponent(first.nextCursor!)}`);
    expect(link.statusCode).toBe(200);
    expect(link.body).toContain("Back to the newest entries");
  });
});
