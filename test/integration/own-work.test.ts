import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employerDisclosure } from "../../src/features/employment/schema";
import { consentRecord } from "../../src/features/participants/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { calendarDateAt } from "../../src/platform/clock";
import {
  demoStaff,
  signedInAs,
  startTestApp,
  type TestApp,
  type TestClient,
  typedDate,
} from "../support/app";
import { createTestEmployers } from "../support/employers";
import { createTestParticipant } from "../support/participants";
import { acceptCode, inviteByCode, words } from "../support/portal";

// "My work": the person sees their jobs and what each employer may be told, and changes that
// themselves; only employers they are connected to, and never anyone else's.

let testApp: TestApp;
let specialist: TestClient;
let person: TestClient;
let participantId: string;
let bakeryId: string;
let depotId: string;

beforeAll(async () => {
  testApp = await startTestApp();
  specialist = await signedInAs(testApp.app, "employment_specialist");
  const created = await createTestParticipant(testApp, { stage: "job_seeking", givenName: "Mina" });
  participantId = created.id;
  const me = await demoStaff(testApp, "employment_specialist");
  await testApp.db.insert(consentRecord).values({
    organisationId: created.organisationId,
    participantId,
    purpose: "contact_employers",
    decision: "given",
    method: "verbal",
    recordedBy: me.id,
    recordedAt: testApp.clock.now(),
  });
  const employers = await createTestEmployers(testApp, ["Crumb Bakery", "Eastside Depot"]);
  bakeryId = employers[0]!.id;
  depotId = employers[1]!.id;
  // The specialist records, with the person, an application and a job start at the bakery.
  const base = `/participants/${participantId}/work`;
  await specialist.get(`${base}/applications/new`);
  const applied = await specialist.post(`${base}/applications`, {
    employerId: bakeryId,
    title: "Bakery assistant",
    status: "applied",
    ...typedDate("appliedOn", calendarDateAt(testApp.clock.now())),
  });
  expect(applied.statusCode).toBe(302);
  const { code } = await inviteByCode(specialist, participantId);
  ({ person } = await acceptCode(testApp.app, code, "mina.own.work"));
  await person.get("/my");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("my work", () => {
  it("shows the person their application and what the employer may be told, in their words", async () => {
    const page = await person.get("/my/work");
    expect(page.statusCode).toBe(200);
    const text = words(page.body);
    expect(text).toContain("Bakery assistant at Crumb Bakery");
    expect(text).toContain("Applied");
    expect(text).toContain("You have agreed that your team may contact employers for you.");
    expect(text).toContain("You have not chosen yet, so they are told nothing.");
    expect(text).toContain("Nothing about your health or this service");
    // An employer the person has no connection with is never listed on their pages.
    expect(text).not.toContain("Eastside Depot");
    expect(page.body).toContain('href="/my/work"');
  });

  it("lets the person choose what the employer may be told, asking for the words when it is their condition", async () => {
    const form = await person.get(`/my/work/employers/${bakeryId}`);
    expect(form.statusCode).toBe(200);
    expect(words(form.body)).toContain("What may Crumb Bakery be told?");
    const missing = await person.post(`/my/work/employers/${bakeryId}`, { choice: "condition", wording: "" });
    expect(missing.statusCode).toBe(400);
    expect(words(missing.body)).toContain("Write the words your employer may be told about your condition");
    const none = await testApp.db
      .select()
      .from(employerDisclosure)
      .where(eq(employerDisclosure.participantId, participantId));
    expect(none).toEqual([]);

    const saved = await person.post(`/my/work/employers/${bakeryId}`, {
      choice: "condition",
      wording: "I have anxiety and may need short breaks",
    });
    expect(saved.statusCode).toBe(302);
    expect(saved.headers.location).toBe("/my/work?notice=disclosure");
    const [row] = await testApp.db
      .select()
      .from(employerDisclosure)
      .where(eq(employerDisclosure.participantId, participantId))
      .orderBy(desc(employerDisclosure.recordedAt));
    expect(row).toMatchObject({ employerId: bakeryId, choice: "condition", recordedBy: null });
    const page = words((await person.get("/my/work?notice=disclosure")).body);
    expect(page).toContain("Your choice has been saved.");
    expect(page).toContain("Your condition, in these words: “I have anxiety and may need short breaks”");

    // Staff see the person's own choice in force on the Work tab.
    const tab = words((await specialist.get(`/participants/${participantId}/work`)).body);
    expect(tab).toContain("I have anxiety and may need short breaks");
    // The person's own change is audited as theirs, through their own door.
    const audited = await testApp.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, participantId), eq(auditEvent.action, "participant.write")));
    expect(audited.map((event: typeof auditEvent.$inferSelect) => event.actorRole)).toContain("participant");
  });

  it("answers 404 for an employer the person is not connected to, and writes nothing", async () => {
    expect((await person.get(`/my/work/employers/${depotId}`)).statusCode).toBe(404);
    const refused = await person.post(`/my/work/employers/${depotId}`, { choice: "nothing" });
    expect(refused.statusCode).toBe(404);
    const rows = await testApp.db
      .select()
      .from(employerDisclosure)
      .where(
        and(eq(employerDisclosure.participantId, participantId), eq(employerDisclosure.employerId, depotId)),
      );
    expect(rows).toEqual([]);
  });
});

describe("the person's own changes, as staff see them", () => {
  it("names the person themselves in the disclosure history and the access log, never a missing member of staff", async () => {
    const tab = words((await specialist.get(`/participants/${participantId}/work`)).body);
    const history = tab.slice(tab.indexOf("Recorded by"));
    expect(history).toContain('<td class="nhsuk-table__cell">The person themselves</td>');
    const leader = await signedInAs(testApp.app, "team_leader");
    const log = words((await leader.get(`/participants/${participantId}/access-log`)).body);
    expect(log).toContain("The person themselves, on their own pages");
    expect(log).not.toContain("Someone no longer in the directory");
    // On their own "who has seen my record", nobody is a missing member of staff either.
    const own = words((await person.get("/my/record-access")).body);
    expect(own).not.toContain("Someone no longer in the directory");
  });

  it("tells the person the limit when their words are too long, not that they are missing", async () => {
    const tooLong = await person.post(`/my/work/employers/${bakeryId}`, {
      choice: "condition",
      wording: "I need breaks. ".repeat(40),
    });
    expect(tooLong.statusCode).toBe(400);
    const text = words(tooLong.body);
    expect(text).toContain("Enter 500 characters or fewer");
    expect(text).not.toContain("Write the words your employer may be told about your condition");
  });
});
