import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { job, jobApplication } from "../../src/features/employment/schema";
import { followAlong, participantAlert } from "../../src/features/monitoring/schema";
import { participant } from "../../src/features/participants/schema";
import { signedInAs, type TestApp, type TestClient, typedDate } from "../support/app";
import { createTestParticipant } from "../support/participants";
import { dayFromToday as dayFromToday_, jobStartFields, startWorkTest } from "../support/work";

let testApp: TestApp;
let specialist: TestClient;
let person: { id: string; organisationId: string };
let bakery: { id: string; name: string };
let depot: { id: string; name: string };

const dayFromToday = (days: number) => dayFromToday_(testApp, days);
const work = () => `/participants/${person.id}/work`;
const jobStart = (overrides: Record<string, string> = {}) => jobStartFields(testApp, bakery.id, overrides);

beforeAll(async () => {
  ({ testApp, person, bakery, depot } = await startWorkTest());
}, 120_000);

beforeEach(async () => {
  specialist = await signedInAs(testApp.app, "employment_specialist");
});

afterAll(async () => {
  await testApp?.close();
});

describe("jobs", () => {
  it("shows, before an employer is chosen, what each employer may be told", async () => {
    const form = await specialist.get(`${work()}/jobs/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("What each employer may be told");
    // Any employer the person has not chosen for is told nothing until they choose.
    expect(form.body).toMatch(/Any other employer<\/strong>: Nothing about their health or the service/);
  });

  it("checks a job start's details", async () => {
    const before = await testApp.db.select().from(job).where(eq(job.participantId, person.id));
    const bad = await specialist.post(
      `${work()}/jobs`,
      jobStart({
        ...typedDate("startedOn", dayFromToday(200)),
        hoursPerWeek: "lots",
        hourlyPayPence: "twelve",
        openLabourMarket: "",
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("The start date must be within the last 2 years or the next 3 months");
    expect(bad.body).toContain("Enter the hours a week as a number");
    expect(bad.body).toContain("Enter the pay per hour in pounds");
    expect(bad.body).toContain("Say whether the job is open to anyone");
    expect(await testApp.db.select().from(job).where(eq(job.participantId, person.id))).toHaveLength(
      before.length,
    );
  });

  it("records a competitive start at exactly the wage floor: the person is in work and follow-along runs", async () => {
    const seeker = await createTestParticipant(testApp, { stage: "job_seeking" });
    const url = `/participants/${seeker.id}/work`;
    const started = await specialist.post(`${url}/jobs`, jobStart());
    expect(started.statusCode).toBe(302);
    const page = await specialist.get(String(started.headers.location));
    expect(page.body).toContain("This counts as an IPS job start");
    expect(page.body).toContain("2 weeks and 0 days");
    expect(page.body).toContain("Nothing about their health or the service");
    const [moved] = await testApp.db.select().from(participant).where(eq(participant.id, seeker.id));
    expect(moved!.stage).toBe("in_work");
    const [support] = await testApp.db
      .select()
      .from(followAlong)
      .where(eq(followAlong.participantId, seeker.id));
    expect(support!.status).toBe("active");
    expect(support!.jobStartedOn).toBe(dayFromToday(-14));
    const [saved] = await testApp.db.select().from(job).where(eq(job.participantId, seeker.id));
    expect(saved).toMatchObject({ competitive: true, wageFloorPence: 1271, hourlyPayPence: 1271 });

    const below = await specialist.post(
      `${url}/jobs`,
      jobStart({ hourlyPayPence: "12.70", employerId: depot.id }),
    );
    const belowPage = await specialist.get(String(below.headers.location));
    expect(belowPage.body).toContain("the pay is below the wage floor of £12.71 an hour");

    const api = await specialist.get(`/api/v1/participants/${seeker.id}/jobs`);
    expect(api.statusCode).toBe(200);
    const items = (
      JSON.parse(api.body) as { items: { title: string; ipsJobStart: boolean; tenure: unknown }[] }
    ).items;
    expect(items).toHaveLength(2);
    expect(items.map((item) => item.ipsJobStart).sort()).toEqual([false, true]);
    expect(items[0]!.tenure).toEqual({ weeks: 2, days: 0 });
  });

  it("on a closed record refuses the start and writes nothing, the application included", async () => {
    const closed = await createTestParticipant(testApp, { stage: "job_seeking" });
    const url = `/participants/${closed.id}/work`;
    await specialist.post(`${url}/applications`, {
      employerId: depot.id,
      title: "Driver",
      status: "applied",
      ...typedDate("appliedOn", dayFromToday(-2)),
    });
    const [application] = await testApp.db
      .select()
      .from(jobApplication)
      .where(eq(jobApplication.participantId, closed.id));
    await testApp.db.update(participant).set({ stage: "closed" }).where(eq(participant.id, closed.id));
    const refused = await specialist.post(`${url}/jobs`, jobStart({ applicationId: application!.id }));
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("The person's record is closed");
    expect(await testApp.db.select().from(job).where(eq(job.participantId, closed.id))).toHaveLength(0);
    const [unchanged] = await testApp.db
      .select()
      .from(jobApplication)
      .where(eq(jobApplication.id, application!.id));
    expect(unchanged!.status).toBe("applied");
  });

  it("ends a job: the team is alerted at once, and without another job the person is back to looking for work", async () => {
    const worker = await createTestParticipant(testApp, { stage: "job_seeking" });
    const url = `/participants/${worker.id}/work`;
    const started = await specialist.post(`${url}/jobs`, jobStart());
    const jobUrl = String(started.headers.location).split("?")[0]!;
    const early = await specialist.post(`${jobUrl}/end`, {
      ...typedDate("endedOn", dayFromToday(-20)),
      endReason: "resigned",
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain("The job cannot end before it started");
    const noReason = await specialist.post(`${jobUrl}/end`, { ...typedDate("endedOn", dayFromToday(0)) });
    expect(noReason.body).toContain("Choose why the job ended");

    const ended = await specialist.post(`${jobUrl}/end`, {
      ...typedDate("endedOn", dayFromToday(0)),
      endReason: "dismissed",
      endNotes: "Let go after probation.",
    });
    expect(ended.statusCode).toBe(302);
    const page = await specialist.get(String(ended.headers.location));
    expect(page.body).toContain("The person is back to looking for work");
    expect(page.body).toContain("They were dismissed");
    const alerts = await testApp.db
      .select()
      .from(participantAlert)
      .where(and(eq(participantAlert.participantId, worker.id), eq(participantAlert.rule, "job_ending")));
    expect(alerts).toHaveLength(1);
    const [stage] = await testApp.db.select().from(participant).where(eq(participant.id, worker.id));
    expect(stage!.stage).toBe("job_seeking");
    const [support] = await testApp.db
      .select()
      .from(followAlong)
      .where(eq(followAlong.participantId, worker.id));
    expect(support!.status).toBe("active");

    const again = await specialist.post(`${jobUrl}/end`, {
      ...typedDate("endedOn", dayFromToday(0)),
      endReason: "resigned",
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("The end of this job has already been recorded.");

    const tab = await specialist.get(url);
    expect(tab.body).toContain("Past jobs");
    expect(tab.body).toContain("No current job.");
    const timeline = await specialist.get(`/participants/${worker.id}/timeline?category=work`);
    expect(timeline.body).toContain("Job ended: Bakery assistant at Crumb &amp; Co Bakery");
    expect(timeline.body).toContain("Started work: Bakery assistant at Crumb &amp; Co Bakery");
  });

  it("keeps the person in work while they still hold another job", async () => {
    const twoJobs = await createTestParticipant(testApp, { stage: "job_seeking" });
    const url = `/participants/${twoJobs.id}/work`;
    const first = await specialist.post(`${url}/jobs`, jobStart());
    await specialist.post(`${url}/jobs`, jobStart({ employerId: depot.id, title: "Night picker" }));
    const jobUrl = String(first.headers.location).split("?")[0]!;
    const ended = await specialist.post(`${jobUrl}/end`, {
      ...typedDate("endedOn", dayFromToday(0)),
      endReason: "moved_to_better_job",
    });
    const page = await specialist.get(String(ended.headers.location));
    expect(page.body).toContain("The end of the job has been recorded and the team has been told.");
    const [stage] = await testApp.db.select().from(participant).where(eq(participant.id, twoJobs.id));
    expect(stage!.stage).toBe("in_work");
  });
});
