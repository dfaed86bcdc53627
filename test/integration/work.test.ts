import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  employerDisclosure,
  job,
  jobApplication,
  jobOpportunity,
} from "../../src/features/employment/schema";
import { consentRecord } from "../../src/features/participants/schema";
import { planAction } from "../../src/features/plans/schema";
import { demoStaff, signedInAs, type TestApp, type TestClient, typedDate } from "../support/app";
import { dayFromToday as dayFromToday_, jobStartFields, startWorkTest } from "../support/work";

let testApp: TestApp;
let specialist: TestClient;
let person: { id: string; organisationId: string };
let bakery: { id: string; name: string };

const dayFromToday = (days: number) => dayFromToday_(testApp, days);
const work = () => `/participants/${person.id}/work`;
const jobStart = (overrides: Record<string, string> = {}) => jobStartFields(testApp, bakery.id, overrides);

beforeAll(async () => {
  ({ testApp, person, bakery } = await startWorkTest());
}, 120_000);

beforeEach(async () => {
  specialist = await signedInAs(testApp.app, "employment_specialist");
});

afterAll(async () => {
  await testApp?.close();
});

describe("the Work tab", () => {
  it("shows empty states and says plainly when the person has not agreed to employers being contacted", async () => {
    const page = await specialist.get(work());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("has not agreed that the service may contact employers");
    expect(page.body).toContain(`href="/participants/${person.id}/consent"`);
    expect(page.body).not.toContain("Log an employer contact about this person");
    expect(page.body).toContain("No current job.");
    expect(page.body).toContain("No applications recorded yet.");
    expect(page.body).toContain("not connected to any employer yet");
    expect(page.body).toContain(`href="/participants/${person.id}/work/suggestions"`);
    expect(page.body).toContain(`href="/participants/${person.id}/return-to-work"`);

    await testApp.db.insert(consentRecord).values({
      organisationId: person.organisationId,
      participantId: person.id,
      purpose: "contact_employers",
      decision: "given",
      method: "written",
      recordedAt: testApp.clock.now(),
    });
    const consented = await specialist.get(work());
    expect(consented.body).toContain("has agreed that the service may contact employers");
    expect(consented.body).toContain(`href="/participants/${person.id}/work/employer-contacts/new"`);
  });

  it("is refused to a role without access to the record, and nothing is written", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    expect((await admin.get(work())).statusCode).toBe(403);
    expect((await admin.post(`${work()}/jobs`, jobStart())).statusCode).toBe(403);
    expect(
      (await admin.post(`${work()}/disclosures`, { employerId: bakery.id, choice: "nothing" })).statusCode,
    ).toBe(403);
    expect(await testApp.db.select().from(job).where(eq(job.participantId, person.id))).toHaveLength(0);
  });
});

describe("disclosure per employer", () => {
  it("asks for the agreed words when the person chose to share their condition", async () => {
    const bad = await specialist.post(`${work()}/disclosures`, {
      employerId: bakery.id,
      choice: "condition",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the words the person agreed may be said about their condition");
    const none = await specialist.post(`${work()}/disclosures`, {});
    expect(none.body).toContain("Choose the employer");
    expect(none.body).toContain("Choose what this employer may be told");
  });

  it("keeps every choice and shows the latest as the one in force", async () => {
    expect(
      (
        await specialist.post(`${work()}/disclosures`, {
          employerId: bakery.id,
          choice: "support_from_service",
        })
      ).statusCode,
    ).toBe(302);
    testApp.clock.advance(60_000);
    const saved = await specialist.post(`${work()}/disclosures`, {
      employerId: bakery.id,
      choice: "condition",
      wording: "I have a long-term health condition that is well managed.",
    });
    expect(saved.statusCode).toBe(302);
    const page = await specialist.get(String(saved.headers.location));
    expect(page.body).toContain("The disclosure choice has been recorded.");
    expect(page.body).toContain(
      "In their words: “I have a long-term health condition that is well managed.”",
    );
    expect(page.body).toContain("That they have support from the service");
    const rows = await testApp.db
      .select()
      .from(employerDisclosure)
      .where(eq(employerDisclosure.participantId, person.id));
    expect(rows).toHaveLength(2);
  });
});

describe("applications and interviews", () => {
  let applicationId: string;

  it("prefills from a vacancy, ignores an unknown one, and shows what the employer may be told", async () => {
    const staff = await demoStaff(testApp, "employment_specialist");
    const [opportunity] = await testApp.db
      .insert(jobOpportunity)
      .values({
        organisationId: person.organisationId,
        employerId: bakery.id,
        title: "Weekend baker",
        hoursPerWeek: 12,
        hourlyPayPence: 1300,
        location: "High Street",
        createdBy: staff.id,
        createdAt: testApp.clock.now(),
        updatedAt: testApp.clock.now(),
      })
      .returning();
    const page = await specialist.get(`${work()}/applications/new?opportunity=${opportunity!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Weekend baker"');
    expect(page.body).toMatch(new RegExp(`value="${bakery.id}"[^>]*selected`));
    expect(page.body).toContain("What Crumb &amp; Co Bakery may be told");
    expect(page.body).toContain("never applies for a job on their behalf");
    const unknown = await specialist.get(
      `${work()}/applications/new?opportunity=00000000-0000-4000-8000-000000000000`,
    );
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).not.toContain('value="Weekend baker"');
  });

  it("checks the dates for sense", async () => {
    const bad = await specialist.post(`${work()}/applications`, {
      employerId: bakery.id,
      title: "Weekend baker",
      status: "interview",
      ...typedDate("appliedOn", dayFromToday(-3)),
      ...typedDate("interviewDate", dayFromToday(-5)),
      interviewTime: "10:30",
      ...typedDate("outcomeOn", dayFromToday(-1)),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("The interview cannot be before the date they applied");
    expect(bad.body).toContain("An outcome date is only for an offer");
    const missing = await specialist.post(`${work()}/applications`, {
      employerId: bakery.id,
      title: "",
      status: "applied",
    });
    expect(missing.body).toContain("Enter the job title");
    expect(missing.body).toContain("Enter the date they applied");
    expect(
      await testApp.db.select().from(jobApplication).where(eq(jobApplication.participantId, person.id)),
    ).toHaveLength(0);
  });

  it("records an application and refuses a stale edit, showing both versions", async () => {
    const saved = await specialist.post(`${work()}/applications`, {
      employerId: bakery.id,
      title: "Weekend baker",
      status: "interview",
      ...typedDate("appliedOn", dayFromToday(-3)),
      ...typedDate("interviewDate", dayFromToday(2)),
      interviewTime: "10:30",
    });
    expect(saved.statusCode).toBe(302);
    const [row] = await testApp.db
      .select()
      .from(jobApplication)
      .where(eq(jobApplication.participantId, person.id));
    applicationId = row!.id;
    expect(row!.status).toBe("interview");
    const tab = await specialist.get(work());
    expect(tab.body).toContain("Weekend baker at Crumb &amp; Co Bakery");
    const edit = await specialist.get(`${work()}/applications/${applicationId}`);
    expect(edit.body).toContain('value="10:30"');

    const form = {
      employerId: bakery.id,
      title: "Weekend baker",
      status: "interview",
      ...typedDate("appliedOn", dayFromToday(-3)),
      ...typedDate("interviewDate", dayFromToday(2)),
      interviewTime: "11:00",
      notes: "Moved to 11",
      version: "1",
    };
    expect((await specialist.post(`${work()}/applications/${applicationId}`, form)).statusCode).toBe(302);
    const stale = await specialist.post(`${work()}/applications/${applicationId}`, {
      ...form,
      notes: "Mine",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("Someone else changed this while you were editing");
    expect(stale.body).toContain("Moved to 11");
    expect(stale.body).toContain("Mine");
  });

  it("adds CV or interview preparation to the support plan, once the person has one", async () => {
    const url = `${work()}/applications/${applicationId}/plan-actions`;
    const noPlan = await specialist.post(url, {
      kind: "interview",
      owner: "participant",
      ...typedDate("dueDate", dayFromToday(1)),
    });
    expect(noPlan.statusCode).toBe(400);
    expect(noPlan.body).toContain("The person has no support plan yet");
    expect(
      await testApp.db.select().from(planAction).where(eq(planAction.participantId, person.id)),
    ).toHaveLength(0);
    await specialist.post(`/participants/${person.id}/plan`, {});
    const past = await specialist.post(url, {
      kind: "cv",
      owner: "staff",
      ...typedDate("dueDate", dayFromToday(-1)),
    });
    expect(past.body).toContain("The due date cannot be in the past");
    const added = await specialist.post(url, {
      kind: "interview",
      owner: "staff",
      ...typedDate("dueDate", dayFromToday(1)),
    });
    expect(added.statusCode).toBe(302);
    const page = await specialist.get(String(added.headers.location));
    expect(page.body).toContain("The action has been added to the support plan.");
    const [action] = await testApp.db
      .select()
      .from(planAction)
      .where(eq(planAction.participantId, person.id));
    expect(action!.description).toBe("Interview preparation: Weekend baker at Crumb & Co Bakery");
    expect(action!.ownerKind).toBe("staff");
    expect(action!.dueDate).toBe(dayFromToday(1));
  });

  it("a job start from the application moves it to an offer", async () => {
    const form = await specialist.get(`${work()}/jobs/new?application=${applicationId}`);
    expect(form.body).toContain('value="Weekend baker"');
    expect(form.body).toContain("The wage floor in force is £12.71 an hour.");
    const started = await specialist.post(
      `${work()}/jobs`,
      jobStart({ title: "Weekend baker", applicationId, hoursPerWeek: "3.5" }),
    );
    expect(started.statusCode).toBe(302);
    const page = await specialist.get(String(started.headers.location));
    expect(page.body).toContain("This does not count as an IPS job start, because:");
    expect(page.body).toContain("it is under 4 hours a week");
    const [row] = await testApp.db.select().from(jobApplication).where(eq(jobApplication.id, applicationId));
    expect(row!.status).toBe("offer");
  });
});
