import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PARTICIPANT_SIGN_IN, DEMO_PASSWORD } from "../../src/demo/seed";
import { appointment, contact } from "../../src/features/contacts/schema";
import { participantAlert } from "../../src/features/monitoring/schema";
import { staffAccount } from "../../src/platform/directory/schema";
import { demoEmail, signedInAs, startTestApp, type TestApp, TestClient, typedDate } from "../support/app";
import { createTestParticipant } from "../support/participants";
import { acceptCode, inviteByCode, words } from "../support/portal";

let testApp: TestApp;
let specialist: TestClient;
let robinSelf: TestClient;
const ids: Record<string, string> = {};
const DAY = 86_400_000;

const ukDate = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(instant);
const listUrl = (id = ids.robin!) => `/participants/${id}/appointments`;

async function invitedAndAccepted(inviter: TestClient, participantId: string, signInName: string) {
  const { code } = await inviteByCode(inviter, participantId);
  const { person, accepted } = await acceptCode(testApp.app, code, signInName);
  expect(accepted.statusCode).toBe(302);
  return person;
}

async function appointmentCount(participantId = ids.robin!) {
  const [row] = await testApp.db
    .select({ total: count() })
    .from(appointment)
    .where(eq(appointment.participantId, participantId));
  return row!.total;
}

/** A booked appointment that has already started, as if booked last week. */
async function pastAppointment(participantId: string, organisationId: string, daysAgo: number) {
  const now = testApp.clock.now().getTime();
  const [row] = await testApp.db
    .insert(appointment)
    .values({
      organisationId,
      participantId,
      startsAt: new Date(now - daysAgo * DAY),
      durationMinutes: 30,
      method: "face_to_face",
      withStaffId: ids.specialist!,
      location: "Community hub",
      createdBy: ids.specialist!,
      createdAt: new Date(now - (daysAgo + 7) * DAY),
    })
    .returning();
  return row!;
}

const inFiveDays = () => ukDate(new Date(testApp.clock.now().getTime() + 5 * DAY));

beforeAll(async () => {
  testApp = await startTestApp();
  const [staff] = await testApp.db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("employment_specialist")));
  ids.specialist = staff!.id;
  ids.specialistFirstName = staff!.fullName.split(" ")[0]!;
  const robin = await createTestParticipant(testApp, { stage: "job_seeking", givenName: "Robin" });
  const other = await createTestParticipant(testApp, { stage: "job_seeking", givenName: "Morgan" });
  Object.assign(ids, { robin: robin.id, other: other.id, organisation: robin.organisationId });
  const inviter = await signedInAs(testApp.app, "employment_specialist");
  robinSelf = await invitedAndAccepted(inviter, robin.id, "robin.appointments");
}, 120_000);

beforeEach(async () => {
  specialist = await signedInAs(testApp.app, "employment_specialist");
});

afterAll(async () => {
  await testApp?.close();
});

describe("booking an appointment", () => {
  it("starts empty for staff and for the person", async () => {
    const list = await specialist.get(listUrl());
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("No appointments have been booked yet.");
    const own = await robinSelf.get("/my/appointments");
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain("You have no appointments booked.");
    expect(own.body).toContain('href="/my/appointments"');
  });

  it("answers a date in the past, nobody chosen and a bad time beside each field, and writes nothing", async () => {
    const form = await specialist.get(`${listUrl()}/new`);
    expect(form.body).toContain(ids.specialistFirstName);
    const yesterday = ukDate(new Date(testApp.clock.now().getTime() - DAY));
    const past = await specialist.post(listUrl(), {
      ...typedDate("date", yesterday),
      time: "10:00",
      durationMinutes: "30",
      method: "phone",
      withStaffId: ids.specialist!,
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("The appointment must be later than now");
    const bad = await specialist.post(listUrl(), {
      ...typedDate("date", inFiveDays()),
      time: "25:99",
      durationMinutes: "30",
      method: "phone",
      location: "Jobcentre café, Hill Street",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the time of the appointment, like 10:30");
    expect(bad.body).toContain("Choose who the appointment is with");
    expect(bad.body).toContain('href="#withStaffId"');
    // What was typed is kept.
    expect(words(bad.body)).toContain('value="Jobcentre café, Hill Street"');
    const stranger = await specialist.post(listUrl(), {
      ...typedDate("date", inFiveDays()),
      time: "10:00",
      durationMinutes: "30",
      method: "phone",
      withStaffId: "00000000-0000-4000-8000-000000000000",
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain("Choose someone who is on the care team now");
    expect(await appointmentCount()).toBe(0);
  });

  it("shows a booked appointment as coming up for staff and on the person's own page", async () => {
    const booked = await specialist.post(listUrl(), {
      ...typedDate("date", inFiveDays()),
      time: "10:30",
      durationMinutes: "45",
      method: "face_to_face",
      withStaffId: ids.specialist!,
      location: "Jobcentre café, Hill Street",
    });
    expect(booked.statusCode).toBe(303);
    const list = await specialist.get(booked.headers.location!);
    expect(list.body).toContain("The appointment has been booked.");
    expect(list.body).toContain("Appointments coming up, soonest first");
    expect(words(list.body)).toContain("Jobcentre café, Hill Street");
    expect(list.body).toContain("10:30");
    const own = words((await robinSelf.get("/my/appointments")).body);
    expect(own).toContain("Jobcentre café, Hill Street");
    expect(own).toContain(`With ${ids.specialistFirstName}, your employment specialist`);
    expect(own).toContain("Call or message your specialist");
    expect(own).toContain("10:30");
  });

  it("lets the service cancel an appointment ahead of time without recording a contact", async () => {
    const [row] = await testApp.db
      .select()
      .from(appointment)
      .where(eq(appointment.participantId, ids.robin!));
    const url = `${listUrl()}/${row!.id}`;
    await specialist.get(url);
    const cancelled = await specialist.post(`${url}/cancel`, {
      cancelledBy: "cancelled_by_service",
      version: String(row!.version),
    });
    expect(cancelled.statusCode).toBe(303);
    expect((await specialist.get(cancelled.headers.location!)).body).toContain("Cancelled by the service");
    const contacts = await testApp.db.select().from(contact).where(eq(contact.participantId, ids.robin!));
    expect(contacts).toEqual([]);
    expect((await robinSelf.get("/my/appointments")).body).toContain("This one is cancelled.");
  });

  it("never shows the person someone else's appointments", async () => {
    await specialist.get(`${listUrl(ids.other)}/new`);
    const booked = await specialist.post(listUrl(ids.other), {
      ...typedDate("date", inFiveDays()),
      time: "09:15",
      durationMinutes: "30",
      method: "video",
      withStaffId: ids.specialist!,
      location: "Morgan's video link at the library",
    });
    expect(booked.statusCode).toBe(303);
    const own = words((await robinSelf.get("/my/appointments")).body);
    expect(own).not.toContain("Morgan's video link at the library");
    expect(own).not.toContain("09:15");
  });
});

describe("recording what happened", () => {
  it("marks a past appointment with no outcome as outcome to record", async () => {
    await pastAppointment(ids.robin!, ids.organisation!, 10);
    const list = await specialist.get(listUrl());
    expect(list.body).toContain("Past appointments, newest first");
    expect(list.body).toContain("Outcome to record");
  });

  it("asks for a note when the person attended", async () => {
    const row = await pastAppointment(ids.robin!, ids.organisation!, 3);
    const url = `${listUrl()}/${row.id}`;
    await specialist.get(url);
    const missing = await specialist.post(`${url}/outcome`, {
      outcome: "attended",
      noteKind: "employment",
      note: "",
      version: String(row.version),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Enter a note about the appointment");
    const [still] = await testApp.db.select().from(appointment).where(eq(appointment.id, row.id));
    expect(still!.status).toBe("scheduled");
  });

  it("raises a missed-appointments alert for the employment specialist at the second no-show", async () => {
    const person = await createTestParticipant(testApp, { stage: "job_seeking", givenName: "Sam" });
    const first = await pastAppointment(person.id, person.organisationId, 12);
    const second = await pastAppointment(person.id, person.organisationId, 2);
    const missedAlerts = async () =>
      (
        await testApp.db.select().from(participantAlert).where(eq(participantAlert.participantId, person.id))
      ).filter((alert) => alert.rule === "missed_appointments");

    await specialist.get(`${listUrl(person.id)}/${first.id}`);
    const once = await specialist.post(`${listUrl(person.id)}/${first.id}/outcome`, {
      outcome: "did_not_attend",
      noteKind: "employment",
      note: "",
      version: "1",
    });
    expect(once.statusCode).toBe(303);
    expect(await missedAlerts()).toEqual([]);

    await specialist.get(`${listUrl(person.id)}/${second.id}`);
    const twice = await specialist.post(`${listUrl(person.id)}/${second.id}/outcome`, {
      outcome: "did_not_attend",
      noteKind: "employment",
      note: "Phoned twice, no answer. Sent a text offering another time.",
      version: "1",
    });
    expect(twice.statusCode).toBe(303);
    const alerts = await missedAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ audience: "employment", routedTo: [ids.specialist] });

    // Each outcome is a contact at the appointment's time, linked from the appointment.
    const contacts = await testApp.db.select().from(contact).where(eq(contact.participantId, person.id));
    expect(contacts.map((row) => row.attendance)).toEqual(["did_not_attend", "did_not_attend"]);
    const page = await specialist.get(`${listUrl(person.id)}/${second.id}`);
    expect(page.body).toContain("Did not attend");
    expect(page.body).toContain("Open the contact and its note");
    const linked = contacts.find((row) => row.occurredAt.getTime() === second.startsAt.getTime());
    expect(page.body).toContain(`/participants/${person.id}/contacts/${linked!.id}`);
    const inbox = await specialist.get("/alerts");
    expect(inbox.body).toContain(`/participants/${person.id}/alerts/${alerts[0]!.id}`);
  });

  it("refuses an outcome based on an older version with 409 and shows what was saved", async () => {
    const row = await pastAppointment(ids.robin!, ids.organisation!, 1);
    const url = `${listUrl()}/${row.id}`;
    await specialist.get(url);
    const colleague = await signedInAs(testApp.app, "employment_specialist");
    await colleague.get(url);
    const firstSave = await colleague.post(`${url}/outcome`, {
      outcome: "cancelled_by_participant",
      noteKind: "employment",
      note: "",
      version: String(row.version),
    });
    expect(firstSave.statusCode).toBe(303);
    const stale = await specialist.post(`${url}/outcome`, {
      outcome: "attended",
      noteKind: "employment",
      note: "Went through two job adverts together.",
      version: String(row.version),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("Cancelled by the participant");
    expect(words(stale.body)).toContain("Went through two job adverts together.");
    const contacts = await testApp.db.select().from(contact).where(eq(contact.participantId, ids.robin!));
    expect(contacts.map((saved) => saved.attendance)).toEqual(["cancelled_by_participant"]);
  });

  it("shows the person a missed appointment without blame", async () => {
    const row = await pastAppointment(ids.robin!, ids.organisation!, 5);
    const url = `${listUrl()}/${row.id}`;
    await specialist.get(url);
    await specialist.post(`${url}/outcome`, {
      outcome: "did_not_attend",
      noteKind: "employment",
      note: "",
      version: String(row.version),
    });
    const own = words((await robinSelf.get("/my/appointments")).body);
    expect(own).toContain("You could not make this one.");
    expect(own).not.toMatch(/did not attend/i);
  });
});

describe("who may see and book appointments", () => {
  it("refuses a role with no access to participants and a manager without an emergency grant", async () => {
    const evaluator = await signedInAs(testApp.app, "evaluator");
    expect((await evaluator.get(listUrl())).statusCode).toBe(403);
    const manager = await signedInAs(testApp.app, "manager");
    expect((await manager.get(listUrl())).statusCode).toBe(403);
    await manager.get("/");
    const before = await appointmentCount();
    const refused = await manager.post(listUrl(), {
      ...typedDate("date", inFiveDays()),
      time: "10:00",
      durationMinutes: "30",
      method: "phone",
      withStaffId: ids.specialist!,
    });
    expect(refused.statusCode).toBe(403);
    expect(await appointmentCount()).toBe(before);
  });

  it("sends a signed-out visitor to the participant sign-in", async () => {
    const visitor = new TestClient(testApp.app);
    const response = await visitor.get("/my/appointments");
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe("/my/sign-in?next=%2Fmy%2Fappointments");
  });
});

describe("the demo", () => {
  it("gives the demo participant appointments coming up and past ones, in their own words", async () => {
    const person = new TestClient(testApp.app);
    await person.get("/my/sign-in");
    const signedIn = await person.post("/my/sign-in", {
      signInName: DEMO_PARTICIPANT_SIGN_IN,
      password: DEMO_PASSWORD,
    });
    expect(signedIn.headers.location).toBe("/my");
    const own = words((await person.get("/my/appointments")).body);
    expect(own).toContain("Jobcentre café, Hill Street");
    expect(own).toContain("your employment specialist");
    expect(own).toContain("your clinician");
    expect(own).toContain("You asked to cancel this one.");
    expect(own).not.toContain("You have no appointments booked.");
  });
});
