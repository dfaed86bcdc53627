import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contact, contactAddendum } from "../../src/features/contacts/schema";
import { lastContactDates } from "../../src/features/contacts/service";
import { consentRecord } from "../../src/features/participants/schema";
import { staffAccount } from "../../src/platform/directory/schema";
import { demoEmail, signedInAs, startTestApp, type TestApp, TestClient, typedDate } from "../support/app";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;
let specialist: TestClient;
let clinician: TestClient;
let peerWorker: TestClient;
let participantId: string;
let organisationId: string;
let clinicianId: string;

const CLINICAL_TEXT = "Sertraline increased to 100mg; low mood since the bereavement.";
const EMPLOYER_TEXT = "Met the bakery manager in person about a 16-hour role.";

const contactsUrl = () => `/participants/${participantId}/contacts`;
const apiUrl = () => `/api/v1/participants/${participantId}/contacts`;

/** Today's date in the UK and a time an hour ago, as the form wants them. */
function pastFormTime() {
  const instant = new Date(testApp.clock.now().getTime() - 3_600_000);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((item) => item.type === type)!.value;
  return {
    ...typedDate("date", `${part("year")}-${part("month")}-${part("day")}`),
    time: `${part("hour")}:${part("minute")}`,
  };
}

async function contactCount() {
  const [row] = await testApp.db
    .select({ total: count() })
    .from(contact)
    .where(eq(contact.participantId, participantId));
  return row!.total;
}

async function recordConsent(decision: "given" | "withdrawn") {
  testApp.clock.advance(60_000);
  await testApp.db.insert(consentRecord).values({
    organisationId,
    participantId,
    purpose: "share_health_information",
    decision,
    scope: decision === "given" ? ["clinical_notes"] : [],
    method: "verbal",
    recordedAt: testApp.clock.now(),
  });
}

beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp;
  const [_peer] = await db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("peer_worker")));
  const [doctor] = await db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("clinician")));
  clinicianId = doctor!.id;
  // A new participant whose care team holds the demo specialist, clinician and peer worker, with
  // no contacts yet, so every contact here is one this test made.
  const shared = await createTestParticipant(testApp, { stage: "engaged" });
  participantId = shared.id;
  organisationId = shared.organisationId;
  // They agree to employers being contacted, so a contact with an employer may be recorded.
  await db.insert(consentRecord).values({
    organisationId,
    participantId,
    purpose: "contact_employers",
    decision: "given",
    scope: [],
    method: "verbal",
    recordedAt: testApp.clock.now(),
  });
  specialist = await signedInAs(testApp.app, "employment_specialist");
  clinician = await signedInAs(testApp.app, "clinician");
  peerWorker = await signedInAs(testApp.app, "peer_worker");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("recording contacts", () => {
  it("starts with an empty, friendly list", async () => {
    const page = await specialist.get(contactsUrl());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("No contacts have been recorded yet.");
    expect(page.body).toContain('aria-current="page"');
  });

  it("lets the specialist record a face-to-face employer contact, counted for IPS", async () => {
    await specialist.get(`${contactsUrl()}/new`);
    const response = await specialist.post(contactsUrl(), {
      ...pastFormTime(),
      method: "face_to_face",
      withWhom: "employer",
      durationMinutes: "45",
      attendance: "attended",
      noteKind: "employment",
      note: EMPLOYER_TEXT,
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`${contactsUrl()}?notice=saved`);
    const page = await specialist.get(String(response.headers.location));
    expect(page.body).toContain("The contact has been saved.");
    expect(page.body).toContain(EMPLOYER_TEXT);
    expect(page.body).toContain("Face-to-face employer contact");
    const [saved] = await testApp.db.select().from(contact).where(eq(contact.participantId, participantId));
    expect(saved?.faceToFaceEmployerContact).toBe(true);
  });

  it("lets the clinician record a clinical note", async () => {
    await clinician.get(`${contactsUrl()}/new`);
    testApp.clock.advance(60_000);
    const response = await clinician.post(contactsUrl(), {
      ...pastFormTime(),
      method: "video",
      withWhom: "participant",
      durationMinutes: "30",
      attendance: "attended",
      noteKind: "clinical",
      note: CLINICAL_TEXT,
    });
    expect(response.statusCode).toBe(302);
    const page = await clinician.get(contactsUrl());
    expect(page.body).toContain(CLINICAL_TEXT);
    expect(await contactCount()).toBe(2);
  });

  it("does not let an employment specialist record a clinical note, on the form or the API", async () => {
    const form = await specialist.get(`${contactsUrl()}/new`);
    expect(form.body).not.toContain('value="clinical"');
    const response = await specialist.post(contactsUrl(), {
      ...pastFormTime(),
      method: "phone",
      withWhom: "participant",
      durationMinutes: "10",
      attendance: "attended",
      noteKind: "clinical",
      note: "An attempt at a clinical note",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Only clinicians and team leaders can record clinical notes");
    expect(response.body).toContain('href="#noteKind"');
    const api = await specialist.request("POST", apiUrl(), {
      occurredAt: new Date(testApp.clock.now().getTime() - 60_000).toISOString(),
      method: "phone",
      withWhom: "participant",
      durationMinutes: 10,
      attendance: "attended",
      noteKind: "clinical",
      note: "An attempt at a clinical note",
    });
    expect(api.statusCode).toBe(403);
    expect(api.json().detail).toContain("Only clinicians and team leaders can record clinical notes");
    expect(await contactCount()).toBe(2);
  });

  it("refuses bad input with a message beside each field, and writes nothing", async () => {
    await specialist.get(`${contactsUrl()}/new`);
    const empty = await specialist.post(contactsUrl(), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("There is a problem");
    expect(empty.body).toContain("Enter the date of the contact");
    expect(empty.body).toContain("Enter a note about the contact");
    const future = new Date(testApp.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const bad = await specialist.post(contactsUrl(), {
      ...typedDate("date", future),
      time: "10:00",
      method: "phone",
      withWhom: "participant",
      durationMinutes: "601",
      attendance: "attended",
      noteKind: "employment",
      note: "x".repeat(5001),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("The date and time of the contact must not be in the future");
    expect(bad.body).toContain("Enter a duration between 1 and 600 minutes");
    expect(bad.body).toContain("Enter 5000 characters or fewer");
    // What was typed stays in the form.
    expect(bad.body).toContain('value="601"');
    const api = await specialist.request("POST", apiUrl(), {
      occurredAt: "yesterday",
      method: "carrier pigeon",
      withWhom: "participant",
      durationMinutes: 0,
      attendance: "attended",
      noteKind: "employment",
      note: "",
    });
    expect(api.statusCode).toBe(400);
    const pointers = (api.json().errors as { pointer: string }[]).map((error) => error.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/occurredAt", "/method", "/durationMinutes", "/note"]));
    expect(await contactCount()).toBe(2);
  });

  it("records a contact over the API", async () => {
    const response = await specialist.request("POST", apiUrl(), {
      occurredAt: new Date(testApp.clock.now().getTime() - 120_000).toISOString(),
      method: "phone",
      withWhom: "participant",
      durationMinutes: 15,
      attendance: "did_not_attend",
      noteKind: "employment",
      note: "Planned call not answered; texted to rearrange.",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await contactCount()).toBe(3);
  });
});

describe("who sees a clinical note", () => {
  it("shows the specialist that a clinical contact happened, but not its text, and why", async () => {
    const page = await specialist.get(contactsUrl());
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(CLINICAL_TEXT);
    expect(page.body).toContain("Video call with the participant");
    expect(page.body).toContain("Clinical note: not shown to you");
    expect(page.body).toContain("Dr Tom Okafor");
    const api = await specialist.get(apiUrl());
    const clinical = (
      api.json().items as { noteKind: string; note: string | null; noteWithheld: string }[]
    ).find((item) => item.noteKind === "clinical");
    expect(clinical).toMatchObject({ note: null, noteWithheld: "no_consent" });
    expect(api.body).not.toContain(CLINICAL_TEXT);
    const [row] = await testApp.db
      .select({ id: contact.id })
      .from(contact)
      .where(and(eq(contact.participantId, participantId), eq(contact.noteKind, "clinical")));
    const detail = await specialist.get(`${contactsUrl()}/${row!.id}`);
    expect(detail.body).not.toContain(CLINICAL_TEXT);
    expect(detail.body).toContain("has not agreed to share clinical notes");
  });

  it("shows the specialist the text once the participant consents, and stops at once on withdrawal", async () => {
    await recordConsent("given");
    const shared = await specialist.get(contactsUrl());
    expect(shared.body).toContain(CLINICAL_TEXT);
    await recordConsent("withdrawn");
    const withdrawn = await specialist.get(contactsUrl());
    expect(withdrawn.body).not.toContain(CLINICAL_TEXT);
    expect(withdrawn.body).toContain("Clinical note: not shown to you");
  });

  it("never shows a peer worker the clinical text, even while it is shared", async () => {
    await recordConsent("given");
    const page = await peerWorker.get(contactsUrl());
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(CLINICAL_TEXT);
    expect(page.body).toContain(EMPLOYER_TEXT);
    const api = await peerWorker.get(`${apiUrl()}?noteKind=clinical`);
    expect(api.json().items).toEqual([expect.objectContaining({ note: null, noteWithheld: "role" })]);
    await recordConsent("withdrawn");
  });

  it("filters by kind of note, with whom and how", async () => {
    const clinicalOnly = await clinician.get(`${contactsUrl()}?noteKind=clinical`);
    expect(clinicalOnly.body).toContain(CLINICAL_TEXT);
    expect(clinicalOnly.body).not.toContain(EMPLOYER_TEXT);
    const employers = await clinician.get(`${contactsUrl()}?withWhom=employer&method=face_to_face`);
    expect(employers.body).toContain(EMPLOYER_TEXT);
    expect(employers.body).not.toContain(CLINICAL_TEXT);
    expect(employers.body).toContain("1 result");
    const none = await clinician.get(`${contactsUrl()}?withWhom=family_or_carer`);
    expect(none.body).toContain("No contacts match these filters.");
  });
});

describe("addenda", () => {
  it("appends a correction with its own author and time, leaving the note as it was", async () => {
    const [row] = await testApp.db
      .select({ id: contact.id })
      .from(contact)
      .where(and(eq(contact.participantId, participantId), eq(contact.noteKind, "clinical")));
    const url = `${contactsUrl()}/${row!.id}`;
    await clinician.get(url);
    const empty = await clinician.post(`${url}/addenda`, { text: " " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Enter the addendum");
    testApp.clock.advance(5 * 60_000);
    const saved = await clinician.post(`${url}/addenda`, {
      text: "Correction: the dose is 50mg, not 100mg.",
    });
    expect(saved.statusCode).toBe(302);
    const page = await clinician.get(String(saved.headers.location));
    expect(page.body).toContain("The addendum has been added to the note.");
    expect(page.body).toContain(CLINICAL_TEXT);
    expect(page.body).toContain("Correction: the dose is 50mg, not 100mg.");
    expect(page.body).toMatch(/Recorded by Dr Tom Okafor on/);
    const [original] = await testApp.db.select().from(contact).where(eq(contact.id, row!.id));
    expect(original?.note).toBe(CLINICAL_TEXT);
    const [addendum] = await testApp.db
      .select()
      .from(contactAddendum)
      .where(eq(contactAddendum.contactId, row!.id));
    expect(addendum?.recordedBy).toBe(clinicianId);

    // The specialist, without consent, sees neither the note nor its correction, and cannot add one.
    const specialistView = await specialist.get(url);
    expect(specialistView.body).not.toContain("Correction: the dose");
    const refused = await specialist.post(`${url}/addenda`, { text: "Trying to add to a clinical note" });
    expect(refused.statusCode).toBe(403);
    const [{ total }] = (await testApp.db
      .select({ total: count() })
      .from(contactAddendum)
      .where(eq(contactAddendum.contactId, row!.id))) as [{ total: number }];
    expect(total).toBe(1);
  });

  it("gives a 404 for a contact that is not on this record", async () => {
    const response = await clinician.get(`${contactsUrl()}/00000000-0000-4000-8000-000000000000`);
    expect(response.statusCode).toBe(404);
  });
});

describe("refusals and the caseload helper", () => {
  it("refuses a clinician from another organisation", async () => {
    const outsider = new TestClient(testApp.app);
    await outsider.signIn("clinician.2@black.country.demo.tandem.example");
    expect((await outsider.get(contactsUrl())).statusCode).toBe(403);
    expect((await outsider.get(apiUrl())).statusCode).toBe(403);
  });

  it("gives the last contact with the participant that took place", async () => {
    const dates = await lastContactDates(testApp.db, [participantId]);
    const [latest] = await testApp.db
      .select({ occurredAt: contact.occurredAt })
      .from(contact)
      .where(
        and(
          eq(contact.participantId, participantId),
          eq(contact.withWhom, "participant"),
          eq(contact.attendance, "attended"),
        ),
      );
    expect(dates.get(participantId)).toEqual(latest!.occurredAt);
  });
});

describe("pagination", () => {
  it("shows 25 contacts a page, newest first, with a link to the next page", async () => {
    const before = await contactCount();
    const now = testApp.clock.now().getTime();
    await testApp.db.insert(contact).values(
      Array.from({ length: 30 }, (_, index) => ({
        organisationId,
        participantId,
        occurredAt: new Date(now - (index + 1) * 86_400_000 * 10),
        method: "message" as const,
        withWhom: "participant" as const,
        durationMinutes: 5,
        attendance: "attended" as const,
        noteKind: "employment" as const,
        note: `Older message number ${index + 1}.`,
        faceToFaceEmployerContact: false,
        recordedBy: clinicianId,
        recordedAt: new Date(now - (index + 1) * 86_400_000 * 10),
      })),
    );
    const total = before + 30;
    const first = await clinician.get(contactsUrl());
    const rowCount = (html: string) =>
      (html.split('<tbody class="nhsuk-table__body">')[1] ?? "").split('<tr class="nhsuk-table__row">')
        .length - 1;
    expect(rowCount(first.body)).toBe(25);
    expect(first.body).toContain(`${total} results`);
    expect(first.body).toContain(`href="${contactsUrl()}?page=2"`);
    const second = await clinician.get(`${contactsUrl()}?page=2`);
    expect(rowCount(second.body)).toBe(total - 25);
    expect(second.body).toContain("Older message number 30.");
    expect(second.body).not.toContain("Older message number 1.");
    const pastTheEnd = await clinician.get(`${contactsUrl()}?page=9`);
    expect(rowCount(pastTheEnd.body)).toBe(total - 25);
  });
});
