import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoEmployers, seedDemoReturnToWork } from "../../src/demo/employment/return-to-work";
import { employer, returnToWorkPlan, sicknessAbsence } from "../../src/features/employment/schema";
import { consentRecord, participant } from "../../src/features/participants/schema";
import { demoStaff, signedInAs, startTestApp, type TestApp } from "../support/app";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("the demo's return-to-work seed", () => {
  it("gives people off sick an absence from their employer and one a four-week phased return", async () => {
    const { db, clock } = testApp;
    const specialist = await demoStaff(testApp, "employment_specialist");
    const offSick = await createTestParticipant(testApp, { stage: "engaged" });
    const consented = await createTestParticipant(testApp, { stage: "engaged" });
    const unemployed = await createTestParticipant(testApp, { stage: "engaged" });
    await db
      .update(participant)
      .set({ workSituation: "employed_off_sick", employerName: "Royal Mail", absenceStartDate: "2026-01-05" })
      .where(inArray(participant.id, [offSick.id, consented.id]));
    await db.insert(consentRecord).values({
      organisationId: consented.organisationId,
      participantId: consented.id,
      purpose: "contact_employers",
      decision: "given",
      scope: [],
      method: "written",
      recordedAt: clock.now(),
    });
    const now = clock.now();
    for (const name of ["Greggs", "Royal Mail"])
      await db.insert(employer).values({
        organisationId: offSick.organisationId,
        name,
        sector: "retail",
        createdBy: specialist!.id,
        createdAt: now,
        updatedAt: now,
      });
    const people = [offSick, consented, unemployed].map((person) => ({
      ...person,
      specialistId: specialist!.id,
    }));
    const count = await db.transaction(async (tx) =>
      seedDemoReturnToWork(tx, clock, people, await demoEmployers(tx)),
    );
    expect(count).toBe(2);
    const absences = await db
      .select({
        participantId: sicknessAbsence.participantId,
        employerName: employer.name,
        startedOn: sicknessAbsence.startedOn,
      })
      .from(sicknessAbsence)
      .innerJoin(employer, eq(employer.id, sicknessAbsence.employerId))
      .where(
        inArray(
          sicknessAbsence.participantId,
          people.map((person) => person.id),
        ),
      );
    expect(absences.map((row) => row.employerName)).toEqual(["Royal Mail", "Royal Mail"]);
    expect(absences.every((row) => row.startedOn === "2026-01-05")).toBe(true);
    const plans = await db
      .select()
      .from(returnToWorkPlan)
      .where(eq(returnToWorkPlan.participantId, consented.id));
    expect(plans).toHaveLength(1);
    expect(plans[0]!.phasedReturn.map((week) => week.hours)).toEqual([8, 16, 24, 30]);
    expect(plans[0]!.participantAgreed).toBe(true);
    // Only someone who consented to employers being contacted has a plan agreed with one.
    expect(
      await db.select().from(returnToWorkPlan).where(eq(returnToWorkPlan.participantId, offSick.id)),
    ).toEqual([]);

    const client = await signedInAs(testApp.app, "employment_specialist");
    const page = await client.get(`/participants/${consented.id}/return-to-work/plans/${plans[0]!.id}/print`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Sam Green, store manager");
  });
});
