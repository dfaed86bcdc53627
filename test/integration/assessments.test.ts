import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessmentResponse, vocationalProfile } from "../../src/features/assessments/schema";
import { timelineEntries } from "../../src/features/assessments/service";
import { participantAlert } from "../../src/features/monitoring/schema";
import { consentRecord, participant, referral } from "../../src/features/participants/schema";
import { participantAccessFactsLoader } from "../../src/features/participants/service";
import { createParticipantDoor } from "../../src/platform/access/door";
import { organisation, staffAccount } from "../../src/platform/directory/schema";
import { createTranslator } from "../../src/platform/web/i18n";
import { demoEmail, signedInAs, startTestApp, type TestApp, TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;
let clinician: TestClient;
let specialist: TestClient;
let peer: TestClient;
let participantId: string;
let organisationId: string;
let clinicianId: string;

const phq9Form = (values: number[], method = "with_participant") => ({
  ...Object.fromEntries(values.map((value, index) => [`item${index + 1}`, String(value)])),
  completionMethod: method,
});

beforeAll(async () => {
  testApp = await startTestApp();
  const { db } = testApp;
  clinician = await signedInAs(testApp.app, "clinician");
  specialist = await signedInAs(testApp.app, "employment_specialist");
  peer = await signedInAs(testApp.app, "peer_worker");
  const [_peerStaff] = await db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("peer_worker")));
  const [clinicianStaff] = await db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("clinician")));
  clinicianId = clinicianStaff!.id;
  // A new referred participant whose care team holds the demo specialist, clinician and peer worker.
  const shared = await createTestParticipant(testApp, { stage: "referred" });
  participantId = shared.id;
  organisationId = shared.organisationId;
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

const base = () => `/participants/${participantId}/assessments`;

describe("completing a questionnaire", () => {
  it("scores a PHQ-9 from the form and shows it on the tab with its band", async () => {
    await clinician.get(`${base()}/phq9/new`);
    const saved = await clinician.post(`${base()}/phq9`, phq9Form([2, 2, 2, 1, 1, 1, 1, 1, 0, 1]));
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toMatch(new RegExp(`${base()}/phq9\\?completed=[0-9a-f-]{36}$`));
    const history = await clinician.get(String(saved.headers.location));
    expect(history.body).toContain("PHQ-9 recorded: 11 / 27, Moderate.");
    expect(history.body).not.toContain("Where to get help now");
    const tab = await clinician.get(base());
    expect(tab.body).toContain("11 / 27");
    expect(tab.body).toContain("Moderate");
  });

  it("puts a message beside each unanswered question and writes nothing", async () => {
    const before = await testApp.db.select().from(assessmentResponse);
    await clinician.get(`${base()}/gad7/new`);
    const response = await clinician.post(`${base()}/gad7`, { item1: "1", item2: "9" });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("There is a problem");
    expect(response.body).toContain("Select one of the answers shown for question 2");
    expect(response.body).toContain("Select an answer for question 7");
    expect(response.body).toContain("Select how the questionnaire was completed");
    expect(response.body).toMatch(/id="item7-error"/);
    expect(await testApp.db.select().from(assessmentResponse)).toHaveLength(before.length);
  });

  it("scores through the API and refuses bad answers with a problem document", async () => {
    const created = await clinician.request("POST", `/api/v1/participants/${participantId}/assessments`, {
      instrument: "who5",
      answers: { 1: 3, 2: 3, 3: 2, 4: 2, 5: 2 },
      completionMethod: "by_phone",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      instrument: "who5",
      total: 12,
      band: "poor_wellbeing",
      safetyAlertId: null,
    });

    const bad = await clinician.request("POST", `/api/v1/participants/${participantId}/assessments`, {
      instrument: "gad7",
      answers: { 1: 4, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 },
      completionMethod: "with_participant",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json().errors).toEqual([
      { pointer: "/answers/1", detail: "Select one of the answers shown for question 1" },
      { pointer: "/answers/7", detail: "Select an answer for question 7" },
    ]);
    const unknown = await clinician.request("POST", `/api/v1/participants/${participantId}/assessments`, {
      instrument: "phq2",
      answers: {},
      completionMethod: "with_participant",
    });
    expect(unknown.statusCode).toBe(400);

    const listed = await clinician.get(`/api/v1/participants/${participantId}/assessments`);
    const who5 = listed
      .json()
      .measures.find((measure: { instrument: string }) => measure.instrument === "who5");
    expect(who5).toMatchObject({ visible: true, count: 1 });
    expect(who5.responses[0]).toMatchObject({ total: 12, reported: 48, band: "poor_wellbeing" });
  });
});

describe("PHQ-9 item 9", () => {
  it("raises an urgent alert for the clinicians, shows crisis information, and hides it from employment staff", async () => {
    await testApp.db
      .update(organisation)
      .set({ crisisInformation: "Call the Birmingham crisis line on 0800 000 0000." })
      .where(eq(organisation.id, organisationId));
    // A later questionnaire (within the sign-in's idle time): history orders by completion time.
    testApp.clock.advance(5 * 60_000);
    await clinician.get(`${base()}/phq9/new`);
    // A low total must not hide item 9.
    const saved = await clinician.post(
      `${base()}/phq9`,
      phq9Form([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], "on_paper"),
    );
    expect(saved.statusCode).toBe(303);
    const page = await clinician.get(String(saved.headers.location));
    expect(page.body).toContain("Urgent: thoughts of being better off dead or of self-harm");
    expect(page.body).toContain("Call the Birmingham crisis line on 0800 000 0000.");

    const [alert] = await testApp.db
      .select()
      .from(participantAlert)
      .where(eq(participantAlert.participantId, participantId));
    expect(alert).toMatchObject({
      rule: "phq9_item9",
      severity: "urgent",
      audience: "clinical",
      status: "open",
    });
    expect(alert!.routedTo).toEqual([clinicianId]);
    const responseId = /completed=([0-9a-f-]{36})/.exec(String(saved.headers.location))![1];
    expect(alert!.evidence).toEqual({ assessmentResponseId: responseId });

    const clinicianAlerts = await clinician.get("/alerts");
    expect(clinicianAlerts.body).toContain(`/participants/${participantId}/alerts/${alert!.id}`);
    expect(clinicianAlerts.body).toContain("PHQ-9 question 9 answered above");
    for (const other of [specialist, peer]) {
      const list = await other.get("/alerts");
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(alert!.id);
      // Whatever else waits for them (the demo has a sleep alert), never the clinical safety alert.
      expect(list.body).not.toContain("PHQ-9 question 9");
      expect((await other.get(`/participants/${participantId}/alerts/${alert!.id}`)).statusCode).toBe(404);
      expect((await other.get(base())).body).not.toContain("alerts need attention");
    }
    expect((await clinician.get(base())).body).toContain("1 alert needs attention");
  });

  it("lets the clinician acknowledge with what was done, then resolve; a stale form gets the conflict", async () => {
    const [alert] = await testApp.db
      .select()
      .from(participantAlert)
      .where(eq(participantAlert.participantId, participantId));
    const url = `/participants/${participantId}/alerts/${alert!.id}`;
    await clinician.get(url);
    const empty = await clinician.post(`${url}/acknowledge`, { actionNote: "", version: "1" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Enter what was done");
    const done = await clinician.post(`${url}/acknowledge`, {
      actionTaken: "contact",
      actionNote: "Phoned the same day; safety plan reviewed; GP appointment tomorrow.",
      version: "1",
    });
    expect(done.statusCode).toBe(303);
    const stale = await clinician.post(`${url}/resolve`, { resolutionNote: "Seen by GP", version: "1" });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("Someone else acted on this alert");
    expect(stale.body).toContain("Phoned the same day");
    const resolved = await clinician.post(`${url}/resolve`, { resolutionNote: "Seen by GP", version: "2" });
    expect(resolved.statusCode).toBe(303);
    const [after] = await testApp.db
      .select()
      .from(participantAlert)
      .where(eq(participantAlert.id, alert!.id));
    expect(after).toMatchObject({ status: "resolved", acknowledgedBy: clinicianId, resolvedBy: clinicianId });
    expect((await clinician.get("/alerts")).body).not.toContain(alert!.id);
  });
});

describe("consent to share assessment scores", () => {
  it("refuses the employment specialist the scores and the form until the participant agrees", async () => {
    const tab = await specialist.get(base());
    expect(tab.statusCode).toBe(200);
    expect(tab.body).toContain(
      "The participant has not agreed to share assessment scores with employment staff.",
    );
    expect(tab.body).not.toContain("2 / 27");
    const form = await specialist.get(`${base()}/phq9/new`);
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain("not agreed to share assessment scores");
    const api = await specialist.request("POST", `/api/v1/participants/${participantId}/assessments`, {
      instrument: "gad7",
      answers: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 },
      completionMethod: "with_participant",
    });
    expect(api.statusCode).toBe(403);
    const listed = await specialist.get(`/api/v1/participants/${participantId}/assessments`);
    const phq = listed
      .json()
      .measures.find((measure: { instrument: string }) => measure.instrument === "phq9");
    expect(phq).toMatchObject({ visible: false, count: 2 });
    expect(phq.responses).toBeUndefined();
    expect((await peer.get(`${base()}/phq9`)).statusCode).toBe(403);
    expect((await peer.get(base())).body).toContain("seen by the clinical team");

    await testApp.db.insert(consentRecord).values({
      organisationId,
      participantId,
      purpose: "share_health_information",
      decision: "given",
      scope: ["assessment_scores"],
      method: "verbal",
      recordedAt: testApp.clock.now(),
    });
    const shared = await specialist.get(base());
    expect(shared.body).toContain("2 / 27");
    expect(shared.body).not.toContain("has not agreed to share");
    expect((await specialist.get(`${base()}/phq9/new`)).statusCode).toBe(200);
    // The peer worker's role never sees scores, whatever the consent.
    expect((await peer.get(`${base()}/phq9`)).statusCode).toBe(403);
  });

  it("refuses a clinician from another organisation", async () => {
    const outsider = new TestClient(testApp.app);
    await outsider.signIn("clinician.2@black.country.demo.tandem.example");
    expect((await outsider.get(base())).statusCode).toBe(403);
    expect((await outsider.get(`/api/v1/participants/${participantId}/assessments`)).statusCode).toBe(403);
  });
});

describe("vocational profile and capability", () => {
  const profile = {
    "job0-employer": "Royal Mail",
    "job0-role": "Sorting office operative",
    "job0-from": "2019",
    "job0-to": "2023",
    "job0-whyEnded": "Became unwell",
    skills: "Stock control",
    preferredJobTypes: "Warehouse, daytime",
    hoursPerWeek: "20",
    shifts: ["weekday_daytime", "weekends"],
    travelMiles: "5",
    barriers: ["transport", "confidence"],
    benefitsSituation: "Universal Credit",
    benefitsCounselling: "yes",
    disclosurePreference: "support_from_service",
    version: "",
  };

  it("refuses bad input beside the field and writes nothing", async () => {
    await specialist.get(`${base()}/vocational-profile`);
    const response = await specialist.post(`${base()}/vocational-profile`, {
      ...profile,
      hoursPerWeek: "lots",
      disclosurePreference: "",
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Enter hours a week as a whole number from 0 to 80");
    expect(response.body).toContain("Select what an employer may be told");
    expect(
      await testApp.db
        .select()
        .from(vocationalProfile)
        .where(eq(vocationalProfile.participantId, participantId)),
    ).toHaveLength(0);
  });

  it("starting the profile makes the participant engaged and ends the referral as engaged", async () => {
    const saved = await specialist.post(`${base()}/vocational-profile`, profile);
    expect(saved.statusCode).toBe(303);
    const [row] = await testApp.db.select().from(participant).where(eq(participant.id, participantId));
    expect(row!.stage).toBe("engaged");
    expect(row!.engagedAt).toEqual(testApp.clock.now());
    const [ended] = await testApp.db.select().from(referral).where(eq(referral.participantId, participantId));
    expect(ended).toMatchObject({ status: "engaged" });
    const tab = await specialist.get(base());
    expect(tab.body).toContain("Warehouse, daytime");
    const form = await specialist.get(`${base()}/vocational-profile`);
    expect(form.body).toContain('value="Royal Mail"');
  });

  it("a stale save gets the conflict page with both versions", async () => {
    await clinician.get(`${base()}/vocational-profile`);
    expect(
      (await clinician.post(`${base()}/vocational-profile`, { ...profile, skills: "Forklift", version: "1" }))
        .statusCode,
    ).toBe(303);
    const stale = await specialist.post(`${base()}/vocational-profile`, {
      ...profile,
      skills: "Customer service",
      version: "1",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("Someone else changed this while you were editing");
    expect(stale.body).toContain("Forklift");
    expect(stale.body).toContain("Customer service");
    const [saved] = await testApp.db
      .select()
      .from(vocationalProfile)
      .where(eq(vocationalProfile.participantId, participantId));
    expect(saved).toMatchObject({ skills: "Forklift", version: 2 });
  });

  it("records a functional capability assessment, versioned", async () => {
    const areas = [
      "mobility",
      "lifting_carrying",
      "sitting_standing",
      "stamina",
      "concentration",
      "memory",
      "social_interaction",
      "travel",
    ];
    const form = {
      ...Object.fromEntries(areas.map((area) => [`${area}Level`, "some"])),
      concentrationNotes: "Loses focus after an hour",
      adjustments: ["phased_return", "altered_hours"],
      advice: "May be fit for work with a phased return, mornings only.",
      version: "",
    };
    await clinician.get(`${base()}/capability`);
    const missing = await clinician.post(`${base()}/capability`, { ...form, memoryLevel: "" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Select a level of limitation");
    expect((await clinician.post(`${base()}/capability`, form)).statusCode).toBe(303);
    const tab = await clinician.get(base());
    expect(tab.body).toContain("May be fit for work with a phased return, mornings only.");
    expect(tab.body).toContain("Loses focus after an hour");
    const stale = await clinician.post(`${base()}/capability`, { ...form, advice: "Not yet" });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("May be fit for work with a phased return");
  });
});

describe("robustness and the other feeds", () => {
  it("answers an empty post to every form with a page, never a server error", async () => {
    await clinician.get(base());
    const [alert] = await testApp.db.select().from(participantAlert).limit(1);
    const urls = [
      `${base()}/phq9`,
      `${base()}/wsas`,
      `${base()}/capability`,
      `${base()}/vocational-profile`,
      `/participants/${participantId}/alerts/${alert!.id}/acknowledge`,
      `/participants/${participantId}/alerts/${alert!.id}/resolve`,
      `${base()}/not-a-measure`,
    ];
    for (const url of urls) {
      const response = await clinician.post(url, {});
      expect([400, 404, 409], url).toContain(response.statusCode);
    }
  });

  it("puts completed measures on the timeline, with the band only for readers who may see it", async () => {
    const door = createParticipantDoor(
      testApp.db,
      testApp.clock,
      participantAccessFactsLoader(testApp.clock),
    );
    const t = createTranslator("en-GB");
    const actorFor = async (email: string) => {
      const [staff] = await testApp.db.select().from(staffAccount).where(eq(staffAccount.email, email));
      return { staffId: staff!.id, role: staff!.role, organisationId: staff!.organisationId, teamIds: [] };
    };
    const titles = async (email: string) =>
      door.withParticipant(
        await actorFor(email),
        participantId,
        { purpose: "read", what: "timeline" },
        async (record) => (await timelineEntries(record, t)).map((entry) => entry.title),
      );
    const clinical = await titles(demoEmail("clinician"));
    expect(clinical).toEqual(
      expect.arrayContaining(["PHQ-9 completed: Moderate", "Vocational profile started"]),
    );
    const peerTitles = await titles(demoEmail("peer_worker"));
    expect(peerTitles).toContain("PHQ-9 completed");
    expect(peerTitles.join(" ")).not.toContain("Moderate");
  });

  it("gives demo participants past referral realistic histories, and exactly one item 9 alert", async () => {
    // The demo seed ran seedDemoAssessments over every seeded participant when the test app started.
    const people = await testApp.db
      .select({ id: participant.id, stage: participant.stage })
      .from(participant)
      .where(and(eq(participant.organisationId, organisationId), ne(participant.id, participantId)));
    const pastReferral = people.filter((person) => person.stage !== "referred");
    const seededIds = new Set(people.map((person) => person.id));
    const responses = (await testApp.db.select().from(assessmentResponse)).filter((row) =>
      seededIds.has(row.participantId),
    );
    expect(new Set(responses.map((row) => row.participantId)).size).toBe(pastReferral.length);
    expect(responses.filter((row) => row.instrument === "phq9")).toHaveLength(pastReferral.length * 3);
    const everyResponse = await testApp.db
      .select()
      .from(assessmentResponse)
      .where(ne(assessmentResponse.participantId, participantId));
    expect(
      everyResponse.filter((row) => row.instrument === "phq9" && Number(row.answers["9"]) > 0),
    ).toHaveLength(1);
    const item9Alerts = await testApp.db
      .select()
      .from(participantAlert)
      .where(and(eq(participantAlert.rule, "phq9_item9"), ne(participantAlert.participantId, participantId)));
    expect(item9Alerts).toHaveLength(1);
    const profiles = (await testApp.db.select().from(vocationalProfile)).filter((row) =>
      seededIds.has(row.participantId),
    );
    expect(profiles.length).toBe(pastReferral.length);
  });
});
