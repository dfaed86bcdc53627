import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { job } from "../../src/features/employment/schema";
import { followAlong } from "../../src/features/monitoring/schema";
import { participant, referral } from "../../src/features/participants/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { signedInAs, startTestApp, type TestApp, TestClient, typedDate } from "../support/app";
import { createTestEmployers } from "../support/employers";
import { createTestParticipant } from "../support/participants";
import { dayFromToday, jobStartFields } from "../support/work";

// The stage model on the record and at a job start (decision 59): moves the model allows are made
// and audited; moves it refuses say why, beside the form, and write nothing.

let testApp: TestApp;
let specialist: TestClient;
let bakeryId: string;

const stageOf = async (id: string) =>
  (await testApp.db.select().from(participant).where(eq(participant.id, id)))[0]!;
const versionOf = async (id: string) => String((await stageOf(id)).version);
const activeCount = async (client: TestClient) => {
  const page = await client.get("/caseload");
  const found = /(\d+) active participants? \(looking for work or in work\)/.exec(page.body);
  expect(found, "the caseload page states the active count").not.toBeNull();
  return Number(found![1]);
};
/** Every value shown under a "Stage" label on a page: the header's and any summary list's. */
const stageLabels = (html: string) =>
  [...html.matchAll(/<dt(?: class="nhsuk-summary-list__key")?>Stage<\/dt><dd[^>]*>([^<]*)<\/dd>/g)].map(
    (match) => match[1],
  );

beforeAll(async () => {
  testApp = await startTestApp();
  specialist = await signedInAs(testApp.app, "employment_specialist");
  bakeryId = (await createTestEmployers(testApp, ["Stage Street Bakery"]))[0]!.id;
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("moving someone to looking for work from their record", () => {
  it("asks to confirm, moves an engaged person, audits it, and the caseload count includes them", async () => {
    const person = await createTestParticipant(testApp, { stage: "engaged", givenName: "Leona" });
    const record = `/participants/${person.id}`;
    const before = await activeCount(specialist);

    const page = await specialist.get(record);
    expect(page.body).toContain("Move to looking for work");
    const version = await versionOf(person.id);
    const asked = await specialist.post(`${record}/participation`, { change: "look_for_work", version });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain("Move Leona to looking for work?");
    expect(asked.body).toContain("count towards the active caseload");
    expect((await stageOf(person.id)).stage).toBe("engaged");

    const moved = await specialist.post(`${record}/participation`, {
      change: "look_for_work",
      version,
      confirmed: "yes",
    });
    expect(moved.statusCode).toBe(302);
    expect(moved.headers.location).toBe(`${record}?notice=lookingForWork`);
    const after = await stageOf(person.id);
    expect(after.stage).toBe("job_seeking");
    expect(after.version).toBe(Number(version) + 1);
    expect(await activeCount(specialist)).toBe(before + 1);
    const shown = await specialist.get(String(moved.headers.location));
    expect(shown.body).toContain("They are now looking for work, and count towards the active caseload.");
    expect(stageLabels(shown.body)).toEqual(["Looking for work", "Looking for work"]);

    const audited = await testApp.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "participant.write"), eq(auditEvent.subjectId, person.id)));
    expect(audited.map((event) => (event.detail as { what?: string }).what)).toContain("participation");

    // A second post of the same form is stale: nothing changes.
    const stale = await specialist.post(`${record}/participation`, {
      change: "pause",
      version,
      confirmed: "yes",
    });
    expect(stale.headers.location).toBe(record);
    expect((await stageOf(person.id)).stage).toBe("job_seeking");
  });

  it("refuses it without consent to take part, saying so beside the buttons, and offers no such button", async () => {
    const person = await createTestParticipant(testApp, { stage: "engaged", consentToTakePart: false });
    const record = `/participants/${person.id}`;
    expect((await specialist.get(record)).body).not.toContain("Move to looking for work");
    const refused = await specialist.post(`${record}/participation`, {
      change: "look_for_work",
      version: await versionOf(person.id),
      confirmed: "yes",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('href="#change"');
    expect(refused.body).toMatch(/id="change-error">.*Record their consent to take part first/s);
    expect((await stageOf(person.id)).stage).toBe("engaged");
  });

  it("gives 403 to a role the model does not let make the move, and to a role without write access", async () => {
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    const record = `/participants/${person.id}`;
    const form = { change: "look_for_work", version: await versionOf(person.id), confirmed: "yes" };
    const peer = await signedInAs(testApp.app, "peer_worker");
    expect((await peer.get(record)).body).not.toContain("Move to looking for work");
    const byPeer = await peer.post(`${record}/participation`, form);
    expect(byPeer.statusCode).toBe(403);
    expect(byPeer.body).toContain("Only their employment specialist or a team leader can move them");
    const manager = await signedInAs(testApp.app, "manager");
    expect((await manager.post(`${record}/participation`, form)).statusCode).toBe(403);
    expect((await stageOf(person.id)).stage).toBe("engaged");

    const leader = await signedInAs(testApp.app, "team_leader");
    const byLeader = await leader.post(`${record}/participation`, form);
    expect(byLeader.statusCode).toBe(302);
    expect((await stageOf(person.id)).stage).toBe("job_seeking");
  });

  it("refuses another organisation's specialist at the door", async () => {
    const person = await createTestParticipant(testApp, { stage: "engaged" });
    const outsider = new TestClient(testApp.app);
    await outsider.signIn("specialist.2a@black.country.demo.tandem.example");
    const refused = await outsider.post(`/participants/${person.id}/participation`, {
      change: "look_for_work",
      version: await versionOf(person.id),
      confirmed: "yes",
    });
    expect(refused.statusCode).toBe(403);
    expect((await stageOf(person.id)).stage).toBe("engaged");
  });
});

describe("a job start cannot skip the journey", () => {
  const nothingWritten = async (id: string) => {
    expect(await testApp.db.select().from(job).where(eq(job.participantId, id))).toHaveLength(0);
    expect(await testApp.db.select().from(followAlong).where(eq(followAlong.participantId, id))).toHaveLength(
      0,
    );
  };

  it("on a referral just taken on, asks for consent first, then engagement, writing nothing", async () => {
    const person = await createTestParticipant(testApp, { stage: "referred" });
    const url = `/participants/${person.id}/work/jobs`;
    // Said before the form is filled in, and again beside it if it is sent anyway.
    const form = await specialist.get(`${url}/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("A job start cannot be recorded yet");
    expect(form.body).toContain("Record their consent to take part first");
    const refused = await specialist.post(url, jobStartFields(testApp, bakeryId));
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toMatch(/id="startedOn-error">.*Record their consent to take part first/s);
    await nothingWritten(person.id);
    expect((await stageOf(person.id)).stage).toBe("referred");
    const [open] = await testApp.db.select().from(referral).where(eq(referral.participantId, person.id));
    expect(open!.status).toBe("open");

    await specialist.post(`/participants/${person.id}/consent`, {
      purpose: "employment_support",
      decision: "given",
      method: "verbal",
    });
    const notEngaged = await specialist.post(url, jobStartFields(testApp, bakeryId));
    expect(notEngaged.statusCode).toBe(409);
    expect(notEngaged.body).toContain("They are not engaged yet: start their vocational profile");
    await nothingWritten(person.id);
  });

  it("refuses a paused person's job start until support resumes", async () => {
    const person = await createTestParticipant(testApp, { stage: "job_seeking" });
    const record = `/participants/${person.id}`;
    await specialist.post(`${record}/participation`, {
      change: "pause",
      version: await versionOf(person.id),
    });
    expect((await stageOf(person.id)).stage).toBe("paused");
    const refused = await specialist.post(`${record}/work/jobs`, jobStartFields(testApp, bakeryId));
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("This person's support is paused: resume it first");
    await nothingWritten(person.id);
    expect((await stageOf(person.id)).stage).toBe("paused");

    await specialist.post(`${record}/participation`, {
      change: "resume",
      version: await versionOf(person.id),
    });
    expect((await specialist.get(`${record}/work/jobs/new`)).body).not.toContain("cannot be recorded yet");
    const started = await specialist.post(`${record}/work/jobs`, jobStartFields(testApp, bakeryId));
    expect(started.statusCode).toBe(302);
    expect((await stageOf(person.id)).stage).toBe("in_work");
  });

  it("a job ending during a pause keeps the pause, and support resumes to looking for work", async () => {
    const person = await createTestParticipant(testApp, { stage: "job_seeking" });
    const record = `/participants/${person.id}`;
    const started = await specialist.post(`${record}/work/jobs`, jobStartFields(testApp, bakeryId));
    const jobUrl = String(started.headers.location).split("?")[0]!;
    await specialist.post(`${record}/participation`, {
      change: "pause",
      version: await versionOf(person.id),
    });
    const ended = await specialist.post(`${jobUrl}/end`, {
      ...typedDate("endedOn", dayFromToday(testApp, -14)),
      endReason: "resigned",
    });
    expect(ended.statusCode).toBe(302);
    expect(await stageOf(person.id)).toMatchObject({ stage: "paused", stageBeforePause: "job_seeking" });
    await specialist.post(`${record}/participation`, {
      change: "resume",
      version: await versionOf(person.id),
    });
    expect((await stageOf(person.id)).stage).toBe("job_seeking");
  });
});

describe("one label for the stage", () => {
  it("the header and the referral tab show the same stage; the referral's outcome has its own name", async () => {
    const person = await createTestParticipant(testApp, { stage: "job_seeking" });
    const page = await specialist.get(`/participants/${person.id}/referral`);
    expect(page.statusCode).toBe(200);
    expect(stageLabels(page.body)).toEqual(["Looking for work", "Looking for work"]);
    expect(page.body).toContain("Taken up: the person engaged");
  });
});
