import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contact } from "../../src/features/contacts/schema";
import { employerContact, employerDisclosure } from "../../src/features/employment/schema";
import { consentRecord } from "../../src/features/participants/schema";
import {
  demoStaff,
  signedInAs,
  startTestApp,
  type TestApp,
  type TestClient,
  typedDate,
} from "../support/app";
import { addEmployer as addEmployer_, employerContactFields, todayIn } from "../support/employers";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;
let specialist: TestClient;
let organisationId: string;

const today = () => todayIn(testApp);
const addEmployer = (name: string, sector?: string) => addEmployer_(specialist, name, sector);
const contactForm = (extra: Record<string, string> = {}) => employerContactFields(today(), extra);

async function giveEmployerConsent(participantId: string) {
  testApp.clock.advance(60_000);
  await testApp.db.insert(consentRecord).values({
    organisationId,
    participantId,
    purpose: "contact_employers",
    decision: "given",
    scope: [],
    method: "verbal",
    recordedAt: testApp.clock.now(),
  });
}

/** The count the specialist's page shows for this week. */
async function thisWeeksCount(client: TestClient) {
  const page = await client.get("/employer-contacts");
  expect(page.statusCode).toBe(200);
  return Number(/This week: (\d+) face-to-face employer contacts/.exec(page.body)![1]);
}

beforeAll(async () => {
  testApp = await startTestApp();
  specialist = await signedInAs(testApp.app, "employment_specialist");
  const row = await demoStaff(testApp, "employment_specialist");
  organisationId = row.organisationId;
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("employer contacts about a participant", () => {
  it("is refused, writing nothing, while the person has not agreed to employers being contacted", async () => {
    const person = await createTestParticipant(testApp, { stage: "job_seeking" });
    const employerId = await addEmployer("Quayside Stores");
    const url = `/participants/${person.id}/work/employer-contacts`;
    const form = await specialist.get(`${url}/new?employer=${employerId}`);
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain("has not agreed to employers being contacted on their behalf");
    const posted = await specialist.post(url, { ...contactForm(), employerId, durationMinutes: "30" });
    expect(posted.statusCode).toBe(403);
    expect(
      await testApp.db.select().from(employerContact).where(eq(employerContact.participantId, person.id)),
    ).toEqual([]);
    expect(await testApp.db.select().from(contact).where(eq(contact.participantId, person.id))).toEqual([]);
  });

  it("shows the disclosure choice, saves it with a contact on their record, counted once this week", async () => {
    const before = await thisWeeksCount(specialist);
    const person = await createTestParticipant(testApp, { stage: "job_seeking", givenName: "Ottoline" });
    await giveEmployerConsent(person.id);
    const employerId = await addEmployer("Westbrook Garden Supplies");
    await testApp.db.insert(employerDisclosure).values({
      organisationId,
      participantId: person.id,
      employerId,
      choice: "condition",
      wording: "that I may need time off for appointments",
      recordedAt: testApp.clock.now(),
    });
    const url = `/participants/${person.id}/work/employer-contacts`;
    const form = await specialist.get(`${url}/new?employer=${employerId}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("What Westbrook Garden Supplies may be told");
    expect(form.body).toContain("that I may need time off for appointments");
    const missing = await specialist.post(url, { employerId, ...typedDate("occurredOn", today()) });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Enter what happened");
    const saved = await specialist.post(url, { ...contactForm(), employerId, durationMinutes: "30" });
    expect(saved.headers.location).toBe(`/participants/${person.id}/work?notice=employerContact`);

    const [logged] = await testApp.db
      .select()
      .from(employerContact)
      .where(eq(employerContact.participantId, person.id));
    const [recorded] = await testApp.db.select().from(contact).where(eq(contact.participantId, person.id));
    expect(logged!.participantContactId).toBe(recorded!.id);
    expect(recorded).toMatchObject({
      withWhom: "employer",
      method: "face_to_face",
      faceToFaceEmployerContact: true,
    });
    const contacts = await specialist.get(`/participants/${person.id}/contacts`);
    expect(contacts.body).toContain("Westbrook Garden Supplies");
    const timeline = await specialist.get(`/participants/${person.id}/timeline`);
    expect(timeline.body).toContain("Face-to-face meeting with an employer");

    // The employer's history says only that it was on someone's behalf, and links to their record.
    const history = await specialist.get(`/employers/${employerId}`);
    expect(history.body).toContain("On behalf of a participant");
    expect(history.body).toContain(`/participants/${person.id}/work`);
    expect(history.body).not.toContain("Ottoline");
    expect(history.body).not.toContain("Talked about a 16-hour role on the tills.");

    // One logged face to face with no participant, and a face-to-face employer contact recorded
    // straight on the record: with the one above, three more this week.
    await specialist.get(`/employers/${employerId}/contacts/new`);
    await specialist.post(`/employers/${employerId}/contacts`, contactForm());
    await specialist.get(`/employers/${employerId}/contacts/new`);
    await specialist.post(`/employers/${employerId}/contacts`, contactForm({ faceToFace: "no" }));
    await specialist.get(`/participants/${person.id}/contacts/new`);
    const direct = await specialist.post(`/participants/${person.id}/contacts`, {
      ...typedDate("date", today()),
      time: "00:00",
      method: "face_to_face",
      withWhom: "employer",
      durationMinutes: "20",
      attendance: "attended",
      noteKind: "employment",
      note: "Dropped in to the garden centre with them.",
    });
    expect(direct.statusCode).toBe(302);
    expect(await thisWeeksCount(specialist)).toBe(before + 3);
  });

  it("is refused on the contacts page too when recorded as a contact with an employer", async () => {
    const person = await createTestParticipant(testApp, { stage: "job_seeking" });
    await specialist.get(`/participants/${person.id}/contacts/new`);
    const refused = await specialist.post(`/participants/${person.id}/contacts`, {
      ...typedDate("date", today()),
      time: "00:00",
      method: "phone",
      withWhom: "employer",
      durationMinutes: "10",
      attendance: "attended",
      noteKind: "employment",
      note: "Rang the manager.",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("has not agreed to employers being contacted on their behalf");
    expect(refused.body).toContain('id="withWhom-error"');
    const api = await specialist.request("POST", `/api/v1/participants/${person.id}/contacts`, {
      occurredAt: new Date(testApp.clock.now().getTime() - 120_000).toISOString(),
      method: "phone",
      withWhom: "employer",
      durationMinutes: 10,
      attendance: "attended",
      noteKind: "employment",
      note: "Rang the manager.",
    });
    expect(api.statusCode).toBe(422);
    expect(api.json().detail).toContain("has not agreed to employers being contacted");
    expect(await testApp.db.select().from(contact).where(eq(contact.participantId, person.id))).toEqual([]);
  });
});

describe("who may see employers", () => {
  it("refuses peer workers, clinicians and managers", async () => {
    for (const role of ["peer_worker", "clinician", "manager"] as const) {
      const client = await signedInAs(testApp.app, role);
      for (const url of ["/employers", "/employer-contacts", "/opportunities"])
        expect((await client.get(url)).statusCode, `${role} ${url}`).toBe(403);
    }
  });

  it("shows a team leader each team member's count this week, beside the target and what it is", async () => {
    const leader = await signedInAs(testApp.app, "team_leader");
    const page = await leader.get("/employer-contacts");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Your team this week");
    expect(page.body).toContain("Priya Shah");
    expect(page.body).toContain("widely used IPS figure, not a verified standard");
    expect(page.body).toContain("The target is 6 a week.");
    expect(page.body).toContain('role="img" aria-label="Bar chart of face-to-face employer contacts');
  });
});
