import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employer, job, jobApplication, jobOpportunity } from "../../src/features/employment/schema";
import { followAlong } from "../../src/features/monitoring/schema";
import { participant } from "../../src/features/participants/schema";
import { demoStaff, startTestApp, type TestApp } from "../support/app";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("the demo's work records", () => {
  it("gives everyone in work a competitive job that their follow-along starts from, and some job seekers applications", async () => {
    const { db } = testApp;
    const specialist = await demoStaff(testApp, "employment_specialist");
    // The demo seed (run by startTestApp) recorded the jobs; nothing is seeded again here.
    const people = await db
      .select({ id: participant.id, organisationId: participant.organisationId, stage: participant.stage })
      .from(participant)
      .where(eq(participant.organisationId, specialist.organisationId));

    const inWork = people.filter((person) => person.stage === "in_work");
    expect(inWork.length).toBeGreaterThan(0);
    for (const person of inWork) {
      const jobs = await db.select().from(job).where(eq(job.participantId, person.id));
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.competitive).toBe(true);
      const support = await db
        .select()
        .from(followAlong)
        .where(and(eq(followAlong.participantId, person.id), eq(followAlong.status, "active")));
      expect(support).toHaveLength(1);
      expect(support[0]!.jobStartedOn).toBe(jobs[0]!.startedOn);
    }
    const applications = await db.select().from(jobApplication);
    expect(applications.length).toBeGreaterThan(0);
    const ended = await db.select().from(job).where(isNotNull(job.endedOn));
    expect(ended).toHaveLength(1);
    expect(ended[0]!.endReason).toBe("temporary_ended");
  });
});

describe("the demo's vacancies", () => {
  it("are at their employer's site: each vacancy's postcode district is the one in its employer's locations", async () => {
    const rows = await testApp.db
      .select({
        district: jobOpportunity.postcodeDistrict,
        homeBased: jobOpportunity.homeBased,
        location: jobOpportunity.location,
        locations: employer.locations,
      })
      .from(jobOpportunity)
      .innerJoin(employer, eq(employer.id, jobOpportunity.employerId));
    const onSite = rows.filter((row) => !row.homeBased);
    expect(onSite.length).toBeGreaterThan(0);
    for (const row of onSite) {
      expect(row.locations).toContain(`${row.location}, ${row.district}`);
    }
  });
});
