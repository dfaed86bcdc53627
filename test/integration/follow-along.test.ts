import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { contact } from "../../src/features/contacts/schema";
import { followAlong } from "../../src/features/monitoring/schema";
import { participant } from "../../src/features/participants/schema";
import { contingencyActivation, supportPlan } from "../../src/features/plans/schema";
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

let testApp: TestApp;
let specialist: TestClient;
let peerWorker: TestClient;
let person: { id: string; organisationId: string };
let employer: { id: string };

const today = () => calendarDateAt(testApp.clock.now());

beforeAll(async () => {
  testApp = await startTestApp();
  person = await createTestParticipant(testApp, { stage: "job_seeking", withPeerWorker: true });
  employer = (await createTestEmployers(testApp, ["Corner Shop"]))[0]!;
}, 120_000);

beforeEach(async () => {
  specialist = await signedInAs(testApp.app, "employment_specialist");
  peerWorker = await signedInAs(testApp.app, "peer_worker");
});

afterAll(async () => {
  await testApp?.close();
});

describe("follow-along support once in work", () => {
  const url = () => `/participants/${person.id}/follow-along`;

  it("explains that follow-along starts with a job, recorded on the Work tab", async () => {
    const page = await specialist.get(url());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Follow-along starts when the person starts a job.");
    expect(page.body).toContain(`href="/participants/${person.id}/work/jobs/new"`);
    expect(page.body).not.toContain("follow-along/start");
    expect(
      await testApp.db.select().from(followAlong).where(eq(followAlong.participantId, person.id)),
    ).toHaveLength(0);
  });

  it("moves the person into work with a contact schedule once a job start is recorded, met by contacts", async () => {
    const started = await specialist.post(`/participants/${person.id}/work/jobs`, {
      employerId: employer.id,
      title: "Shop assistant",
      ...typedDate("startedOn", today()),
      hoursPerWeek: "20",
      hourlyPayPence: "13.00",
      contractType: "permanent",
      openLabourMarket: "yes",
      timeLimitedByService: "no",
    });
    expect(started.statusCode).toBe(302);
    const [row] = await testApp.db.select().from(participant).where(eq(participant.id, person.id));
    expect(row!.stage).toBe("in_work");
    let page = await specialist.get(url());
    expect(page.body).toContain("First contact after starting");
    expect(page.body).toContain("Due now");
    const es = await demoStaff(testApp, "employment_specialist");
    await testApp.db.insert(contact).values({
      organisationId: person.organisationId,
      participantId: person.id,
      occurredAt: testApp.clock.now(),
      method: "phone",
      withWhom: "participant",
      durationMinutes: 15,
      attendance: "attended",
      noteKind: "employment",
      note: "First day went well.",
      faceToFaceEmployerContact: false,
      recordedBy: es!.id,
      recordedAt: testApp.clock.now(),
    });
    page = await specialist.get(url());
    expect(page.body).toContain("Met on");
  });

  it("is shown to the whole care team, and to nobody else", async () => {
    expect((await peerWorker.get(url())).statusCode).toBe(200);
    const admin = await signedInAs(testApp.app, "admin");
    expect((await admin.get(url())).statusCode).toBe(403);
    expect((await admin.post(`${url()}/end`, { personAsked: "yes", reason: "x" })).statusCode).toBe(403);
  });

  it("ends only at the person's request, with what they said", async () => {
    const missing = await specialist.post(`${url()}/end`, { reason: "" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Confirm that the person asked to end follow-along support");
    expect(missing.body).toContain("Enter what the person said");
    const ended = await specialist.post(`${url()}/end`, {
      personAsked: "yes",
      reason: "Settled in; will call if needed.",
    });
    expect(ended.statusCode).toBe(303);
    const page = await specialist.get(String(ended.headers.location));
    expect(page.body).toContain("Follow-along support has ended at the person's request.");
    expect(page.body).toContain("Settled in; will call if needed.");
  });
});

describe("using the contingency plan", () => {
  it("records what was offered and taken up, and refuses taking up what was not offered", async () => {
    const plan = `/participants/${person.id}/plan`;
    await specialist.post(plan, {});
    await testApp.db
      .update(supportPlan)
      .set({ contingencyAlternatives: ["clubhouse", "courses"] })
      .where(eq(supportPlan.participantId, person.id));
    const form = await specialist.get(`${plan}/contingency/use`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Nobody is simply discharged");
    expect(form.body).toMatch(/value="clubhouse"[^>]*checked/);
    const wrong = await specialist.post(`${plan}/contingency/use`, {
      offered: "clubhouse",
      takenUp: "courses",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("Only supports that were offered can be taken up");
    const none = await specialist.post(`${plan}/contingency/use`, {});
    expect(none.body).toContain("Choose at least one support that was offered");
    expect(
      await testApp.db
        .select()
        .from(contingencyActivation)
        .where(eq(contingencyActivation.participantId, person.id)),
    ).toHaveLength(0);
    const saved = await specialist.post(`${plan}/contingency/use`, {
      offered: ["clubhouse", "courses"],
      takenUp: "clubhouse",
      note: "Starts the Tuesday group.",
    });
    expect(saved.statusCode).toBe(302);
    const page = await specialist.get(`${plan}?notice=contingencyUsed`);
    expect(page.body).toContain("The use of the contingency plan has been recorded.");
    expect(page.body).toContain("Starts the Tuesday group.");
    const admin = await signedInAs(testApp.app, "admin");
    expect((await admin.get(`${plan}/contingency/use`)).statusCode).toBe(403);
  });
});
