import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assessmentResponse } from "../../src/features/assessments/schema";
import { contact } from "../../src/features/contacts/schema";
import { escalateUrgentAlerts } from "../../src/features/monitoring/alerts/escalation";
import { sweepEarlyWarnings } from "../../src/features/monitoring/rules/sweep";
import { checkIn, participantAlert } from "../../src/features/monitoring/schema";
import { participant } from "../../src/features/participants/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { staffAccount } from "../../src/platform/directory/schema";
import { outboundEmail } from "../../src/platform/mail/schema";
import { demoEmail, signedInAs, startTestApp, type TestApp, type TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;
let specialist: TestClient;
let clinician: TestClient;
let peerWorker: TestClient;
let teamLeader: TestClient;
let person: { id: string; organisationId: string };

const DAY = 86_400_000;
const checkInsUrl = (id = person.id) => `/participants/${id}/check-ins`;

async function checkInCount(participantId = person.id) {
  const [row] = await testApp.db
    .select({ total: count() })
    .from(checkIn)
    .where(eq(checkIn.participantId, participantId));
  return row!.total;
}

function alertsOf(participantId: string) {
  return testApp.db.select().from(participantAlert).where(eq(participantAlert.participantId, participantId));
}

/** A settled month: 28 nights of about 7.5 hours' sleep, in bed around 23:00, a day apart. */
async function settledMonth(participantId: string, organisationId: string) {
  const now = testApp.clock.now().getTime();
  const rows = Array.from({ length: 28 }, (_, index) => ({
    organisationId,
    participantId,
    recordedAt: new Date(now - (35 - index) * DAY + 3_600_000),
    source: "participant" as const,
    sleepHours: index % 2 === 0 ? 7.5 : 7.0,
    bedtime: index % 2 === 0 ? "23:00" : "23:15",
    wakeTime: "07:00",
    mood: 6,
    stress: 4,
    energy: 6,
  }));
  await testApp.db.insert(checkIn).values(rows);
}

/** Goes through every question of the check-in form as staff, answering what is given. */
async function fillCheckIn(client: TestClient, answers: Record<string, string>, participantId = person.id) {
  const url = `${checkInsUrl(participantId)}/new`;
  await client.get(url);
  let carried: Record<string, string> = {};
  for (const step of ["sleep", "mood", "stress", "energy"]) {
    const fields = step === "sleep" ? ["sleepHours", "bedtime", "wakeTime"] : [step];
    const given = Object.fromEntries(
      fields.filter((field) => answers[field]).map((field) => [field, answers[field]!]),
    );
    const page = await client.post(url, { ...carried, ...given, step, go: "next" });
    expect(page.statusCode).toBe(200);
    carried = { ...carried, ...given };
  }
  return client.post(url, { ...carried, step: "check", go: "save" });
}

beforeAll(async () => {
  testApp = await startTestApp();
  person = await createTestParticipant(testApp, { stage: "job_seeking", withPeerWorker: true });
}, 120_000);

// Sessions time out when the clock moves on by days: a test after such a move starts freshly
// signed in. (Only then: sign-in is rate-limited per address in real time.)
let signedInAt = Number.NEGATIVE_INFINITY;
beforeEach(async () => {
  if (testApp.clock.now().getTime() - signedInAt < 10 * 60_000) return;
  specialist = await signedInAs(testApp.app, "employment_specialist");
  clinician = await signedInAs(testApp.app, "clinician");
  peerWorker = await signedInAs(testApp.app, "peer_worker");
  teamLeader = await signedInAs(testApp.app, "team_leader");
  signedInAt = testApp.clock.now().getTime();
});

afterAll(async () => {
  await testApp?.close();
});

describe("check-ins, one question a page", () => {
  it("starts with an empty list and the first question", async () => {
    const list = await specialist.get(checkInsUrl());
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("No check-ins yet.");
    const first = await specialist.get(`${checkInsUrl()}/new`);
    expect(first.body).toContain("How did you sleep last night?");
    expect(first.body).toContain("Question 1 of 4");
  });

  it("answers a wrong value beside its field, keeps what was typed, and carries answers forward", async () => {
    const url = `${checkInsUrl()}/new`;
    const bad = await specialist.post(url, {
      step: "sleep",
      go: "next",
      sleepHours: "lots",
      bedtime: "25:99",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("There is a problem");
    expect(bad.body).toContain("Enter hours of sleep as a number from 0 to 24");
    expect(bad.body).toContain("Enter the time you went to bed, for example 23:30");
    expect(bad.body).toContain('value="lots"');
    const mood = await specialist.post(url, {
      step: "sleep",
      go: "next",
      sleepHours: "6.5",
      bedtime: "11:45pm",
    });
    expect(mood.statusCode).toBe(200);
    expect(mood.body).toContain("How has your mood been today?");
    expect(mood.body).toContain('name="sleepHours" value="6.5"');
    // Back returns to the sleep question with the answers kept.
    const back = await specialist.post(url, {
      step: "mood",
      go: "back",
      sleepHours: "6.5",
      bedtime: "11:45pm",
    });
    expect(back.body).toContain("How did you sleep last night?");
    expect(back.body).toContain('value="11:45pm"');
    expect(await checkInCount()).toBe(0);
  });

  it("will not save a check-in with nothing answered, nor a tampered answer", async () => {
    const url = `${checkInsUrl()}/new`;
    const empty = await specialist.post(url, { step: "check", go: "save" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Answer at least one question before saving the check-in.");
    const tampered = await specialist.post(url, { step: "check", go: "save", sleepHours: "7", mood: "11" });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain("Choose a number from 0 to 10 for mood");
    expect(await checkInCount()).toBe(0);
  });

  it("shows the answers to check, with a way to change each, then saves", async () => {
    const url = `${checkInsUrl()}/new`;
    const check = await specialist.post(url, {
      step: "energy",
      go: "next",
      sleepHours: "7",
      mood: "6",
      energy: "5",
    });
    expect(check.body).toContain("Check your answers");
    expect(check.body).toContain("6 out of 10");
    expect(check.body).toContain('name="go" value="sleep"');
    const saved = await specialist.post(url, {
      step: "check",
      go: "save",
      sleepHours: "7",
      mood: "6",
      energy: "5",
    });
    expect(saved.statusCode).toBe(303);
    const list = await specialist.get(String(saved.headers.location));
    expect(list.body).toContain("Check-in saved.");
    expect(list.body).toContain("7 h");
    // On a phone the list stacks (NHS.UK responsive table) rather than scrolling sideways unseen:
    // each value carries its column heading, and nothing sits in a sideways-scrolling box.
    expect(list.body).toContain('class="nhsuk-table-responsive"');
    expect(list.body).toMatch(/nhsuk-table-responsive__heading" aria-hidden="true">Sleep[^<]*<\/span>7 h/);
    expect(list.body).not.toMatch(/app-table-scroll[^>]*>\s*<table[^>]*>\s*<caption[^>]*>Check-ins/);
    const [row] = await testApp.db.select().from(checkIn).where(eq(checkIn.participantId, person.id));
    expect(row).toMatchObject({ source: "staff", sleepHours: 7, mood: 6, energy: 5, stress: null });
  });

  it("refuses a role without write access to the record the form, and others' records entirely", async () => {
    const other = await createTestParticipant(testApp, { stage: "engaged" });
    await testApp.db.delete(checkIn).where(eq(checkIn.participantId, other.id));
    const leaderOnly = await signedInAs(testApp.app, "evaluator");
    expect((await leaderOnly.get(checkInsUrl(other.id))).statusCode).toBe(403);
  });
});

describe("sleep drifting raises an alert for the whole care team, with its evidence", () => {
  let drifting: { id: string; organisationId: string };

  it("raises one alert when a week's sleep falls well below the person's own month", async () => {
    drifting = await createTestParticipant(testApp, { stage: "in_work", withPeerWorker: true });
    await settledMonth(drifting.id, drifting.organisationId);
    const nights = [
      { sleepHours: "5", bedtime: "01:30" },
      { sleepHours: "4.5", bedtime: "02:15" },
      { sleepHours: "5", bedtime: "01:45" },
    ];
    for (const night of nights) {
      testApp.clock.advance(DAY);
      clinician = await signedInAs(testApp.app, "clinician");
      const saved = await fillCheckIn(clinician, { ...night, mood: "4" }, drifting.id);
      expect(saved.statusCode).toBe(303);
    }
    const alerts = await alertsOf(drifting.id);
    const sleep = alerts.filter((alert) => alert.rule === "sleep_destabilisation");
    expect(sleep).toHaveLength(1);
    expect(sleep[0]!.audience).toBe("both");
    const [doctor] = await testApp.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("clinician")));
    const [es] = await testApp.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("employment_specialist")));
    expect(sleep[0]!.routedTo).toEqual(expect.arrayContaining([doctor!.id, es!.id]));
    expect(sleep[0]!.evidence.checkInIds?.length).toBeGreaterThanOrEqual(2);

    specialist = await signedInAs(testApp.app, "employment_specialist");
    const page = await specialist.get(`/participants/${drifting.id}/alerts/${sleep[0]!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Sleep pattern changing");
    expect(page.body).toContain("What the rule found");
    const inbox = await specialist.get("/alerts");
    expect(inbox.body).toContain(`/participants/${drifting.id}/alerts/${sleep[0]!.id}`);

    // Each person it was routed to gets an email with a link and nothing about the person.
    const emails = await testApp.db
      .select()
      .from(outboundEmail)
      .where(eq(outboundEmail.purpose, "alert.raised"));
    const about = emails.filter((email) => email.body.includes(`/alerts/${sleep[0]!.id}`));
    expect(about.map((email) => email.recipient).sort()).toEqual(
      [demoEmail("clinician"), demoEmail("employment_specialist")].sort(),
    );
    const [named] = await testApp.db.select().from(participant).where(eq(participant.id, drifting.id));
    for (const email of about) {
      expect(email.body).not.toContain(named!.familyName);
      expect(email.subject).not.toMatch(/sleep/i);
    }
    const viaLink = await specialist.get(`/alerts/${sleep[0]!.id}`);
    expect(viaLink.statusCode).toBe(303);
    expect(viaLink.headers.location).toBe(`/participants/${drifting.id}/alerts/${sleep[0]!.id}`);
  });

  it("does not raise it again while it is open", async () => {
    testApp.clock.advance(DAY);
    clinician = await signedInAs(testApp.app, "clinician");
    await fillCheckIn(clinician, { sleepHours: "4", bedtime: "02:30" }, drifting.id);
    const sleep = (await alertsOf(drifting.id)).filter((alert) => alert.rule === "sleep_destabilisation");
    expect(sleep).toHaveLength(1);
  });

  it("asks what was done before an alert is acknowledged", async () => {
    const [alert] = (await alertsOf(drifting.id)).filter((row) => row.rule === "sleep_destabilisation");
    const url = `/participants/${drifting.id}/alerts/${alert!.id}/acknowledge`;
    await clinician.get(`/participants/${drifting.id}/alerts/${alert!.id}`);
    const missing = await clinician.post(url, { version: String(alert!.version), actionNote: "Phoned" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Choose what was done");
    const done = await clinician.post(url, {
      version: String(alert!.version),
      actionTaken: "contact",
      actionNote: "Phoned; agreed to talk about shifts with the manager.",
    });
    expect(done.statusCode).toBe(303);
    const page = await clinician.get(`/participants/${drifting.id}/alerts/${alert!.id}`);
    expect(page.body).toContain("Contact made with the person");
  });
});

describe("clinical alerts reach clinical roles only", () => {
  it("routes reliable deterioration on PHQ-9 to clinicians, never to the specialist or peer worker", async () => {
    const worsening = await createTestParticipant(testApp, { stage: "engaged", withPeerWorker: true });
    const [doctor] = await testApp.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("clinician")));
    const base = {
      organisationId: worsening.organisationId,
      participantId: worsening.id,
      instrument: "phq9" as const,
      band: "moderate",
      completionMethod: "with_participant" as const,
      recordedBy: doctor!.id,
      recordedAt: testApp.clock.now(),
    };
    const answers = (total: number) =>
      Object.fromEntries(
        Array.from({ length: 9 }, (_, index) => [
          String(index + 1),
          index < 8 ? Math.min(3, Math.max(0, total - index * 3)) : 0,
        ]),
      );
    await testApp.db.insert(assessmentResponse).values([
      {
        ...base,
        answers: answers(8),
        total: 8,
        completedAt: new Date(testApp.clock.now().getTime() - 30 * DAY),
      },
      {
        ...base,
        answers: answers(15),
        total: 15,
        completedAt: new Date(testApp.clock.now().getTime() - DAY),
      },
    ]);
    const result = await sweepEarlyWarnings(testApp.db, testApp.clock);
    expect(result).not.toBeNull();
    const [alert] = (await alertsOf(worsening.id)).filter((row) => row.rule === "reliable_deterioration");
    expect(alert).toMatchObject({ audience: "clinical", routedTo: [doctor!.id] });
    const url = `/participants/${worsening.id}/alerts/${alert!.id}`;
    expect((await clinician.get(url)).statusCode).toBe(200);
    expect((await specialist.get(url)).statusCode).toBe(404);
    expect((await peerWorker.get(url)).statusCode).toBe(404);
    expect((await specialist.get("/alerts")).body).not.toContain(alert!.id);
  });
});

describe("the sweep and escalation", () => {
  it("notices no contact while looking for work, once, and audits what it read", async () => {
    const quiet = await createTestParticipant(testApp, { stage: "job_seeking" });
    await testApp.db
      .update(participant)
      .set({ engagedAt: new Date(testApp.clock.now().getTime() - 60 * DAY) })
      .where(eq(participant.id, quiet.id));
    const [es] = await testApp.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("employment_specialist")));
    await testApp.db.insert(contact).values({
      organisationId: quiet.organisationId,
      participantId: quiet.id,
      occurredAt: new Date(testApp.clock.now().getTime() - 30 * DAY),
      method: "phone",
      withWhom: "participant",
      durationMinutes: 20,
      attendance: "attended",
      noteKind: "employment",
      note: "Talked about warehouse roles.",
      faceToFaceEmployerContact: false,
      recordedBy: es!.id,
      recordedAt: new Date(testApp.clock.now().getTime() - 30 * DAY),
    });
    const first = await sweepEarlyWarnings(testApp.db, testApp.clock);
    expect(first!.raised.some((alert) => alert.participantId === quiet.id)).toBe(true);
    const [alert] = (await alertsOf(quiet.id)).filter((row) => row.rule === "no_contact");
    expect(alert).toMatchObject({ audience: "employment", routedTo: [es!.id] });
    testApp.clock.advance(3_600_000);
    const second = await sweepEarlyWarnings(testApp.db, testApp.clock);
    expect(second!.raised.some((raised) => raised.participantId === quiet.id)).toBe(false);
    const audits = await testApp.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "participant.system")));
    expect(audits.some((event) => String(event.detail.participants).includes(quiet.id))).toBe(true);
  });

  it("passes an urgent alert nobody acknowledged to the team leader", async () => {
    const urgent = await createTestParticipant(testApp, { stage: "engaged" });
    const [doctor] = await testApp.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("clinician")));
    const [leader] = await testApp.db
      .select()
      .from(staffAccount)
      .where(eq(staffAccount.email, demoEmail("team_leader")));
    const [raised] = await testApp.db
      .insert(participantAlert)
      .values({
        organisationId: urgent.organisationId,
        participantId: urgent.id,
        rule: "phq9_item9",
        ruleKey: "response:test",
        severity: "urgent",
        audience: "clinical",
        evidence: {},
        routedTo: [doctor!.id],
        raisedAt: testApp.clock.now(),
      })
      .returning();
    const ids = async () =>
      (await escalateUrgentAlerts(testApp.db, testApp.clock, 60)).map((alert) => alert.id);
    expect(await ids()).not.toContain(raised!.id);
    testApp.clock.advance(61 * 60_000);
    expect(await ids()).toContain(raised!.id);
    // Once only: a second run (or a second node) never escalates it again.
    expect(await ids()).not.toContain(raised!.id);
    teamLeader = await signedInAs(testApp.app, "team_leader");
    const [after] = await testApp.db
      .select()
      .from(participantAlert)
      .where(eq(participantAlert.id, raised!.id));
    expect(after!.routedTo[0]).toBe(doctor!.id);
    expect(after!.routedTo).toContain(leader!.id);
    const page = await teamLeader.get(`/participants/${urgent.id}/alerts/${raised!.id}`);
    expect(page.body).toContain("Passed to the team leader");
  });
});

describe("the alerts inbox count", () => {
  it("shows how many alerts wait, beside Alerts in the navigation", async () => {
    const page = await clinician.get("/");
    const count = /Alerts<span class="app-nav-count"> \((\d+) open\)/.exec(page.body);
    const inbox = await clinician.get("/alerts");
    const rows = inbox.body.match(/\/alerts\/[0-9a-f-]{36}"/g) ?? [];
    expect(count).not.toBeNull();
    expect(Number(count![1])).toBe(rows.length);
  });
});

describe("the person's own early-warning sign as a rule", () => {
  it("fires when check-ins match the rule agreed on the sign, and says which sign", async () => {
    const own = await createTestParticipant(testApp, { stage: "engaged" });
    const plan = `/participants/${own.id}/plan`;
    await specialist.post(plan, {});
    const noField = await specialist.post(`${plan}/warning-signs`, {
      sign: "I stop sleeping properly",
      whatIWillDo: "Tell my specialist",
      whatMyTeamWillDo: "Ring me within two days",
      ruleComparison: "below",
      ruleThreshold: "6",
      ruleRunLength: "3",
    });
    expect(noField.statusCode).toBe(400);
    expect(noField.body).toContain("Choose sleep, mood, stress or energy");
    const saved = await specialist.post(`${plan}/warning-signs`, {
      sign: "I stop sleeping properly",
      whatIWillDo: "Tell my specialist",
      whatMyTeamWillDo: "Ring me within two days",
      checkInField: "sleep",
      ruleComparison: "below",
      ruleThreshold: "6",
      ruleRunLength: "3",
    });
    expect(saved.statusCode).toBe(302);
    expect((await specialist.get(plan)).body).toContain("Sleep is below 6, 3 check-ins running");
    for (const hours of ["5", "5.5", "4"]) {
      testApp.clock.advance(20 * 60_000);
      expect((await fillCheckIn(specialist, { sleepHours: hours }, own.id)).statusCode).toBe(303);
    }
    const [alert] = (await alertsOf(own.id)).filter((row) => row.rule === "personal_rule");
    expect(alert).toMatchObject({ audience: "both", status: "open" });
    const page = await specialist.get(`/participants/${own.id}/alerts/${alert!.id}`);
    expect(page.body).toContain("I stop sleeping properly");
  });
});

describe("the link in an alert email", () => {
  it("sends on only someone who may see the alert", async () => {
    const [clinical] = await testApp.db
      .select()
      .from(participantAlert)
      .where(eq(participantAlert.rule, "reliable_deterioration"));
    expect((await clinician.get(`/alerts/${clinical!.id}`)).statusCode).toBe(303);
    // The specialist is on that care team but may not see clinical alerts: no hint where it leads.
    const refused = await specialist.get(`/alerts/${clinical!.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers.location).toBeUndefined();
    expect((await specialist.get("/alerts/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });
});
