import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vocationalProfile } from "../../src/features/assessments/schema";
import {
  jobTypeWordsOf,
  type MatchProfile,
  matchOpportunity,
  rankOpportunities,
} from "../../src/features/employment/matching/rules";
import { matchScoreSql, suggestable } from "../../src/features/employment/matching/service";
import { employer, jobOpportunity, shiftPatterns } from "../../src/features/employment/schema";
import { findUkPostcode } from "../../src/features/employment/shared/postcode";
import { consentRecord } from "../../src/features/participants/schema";
import { auditEvent } from "../../src/platform/audit/table";
import { calendarDateAt } from "../../src/platform/clock";
import { organisation } from "../../src/platform/directory/schema";
import { demoStaff, signedInAs, startTestApp, type TestApp, type TestClient } from "../support/app";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;
let specialist: TestClient;
let participantId: string;
let organisationId: string;
let otherOrganisationId: string;
let specialistId: string;
let ownEmployerId: string;

const suggestionsUrl = (id = participantId) => `/participants/${id}/work/suggestions`;
/** The page's text with HTML's escapes undone, so sentences read as the user reads them. */
const readable = (html: string) =>
  html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

async function addEmployer(orgId: string, name: string) {
  const now = testApp.clock.now();
  const [row] = await testApp.db
    .insert(employer)
    .values({
      organisationId: orgId,
      name,
      sector: "retail",
      createdBy: specialistId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!.id;
}

type OpportunityValues = Partial<typeof jobOpportunity.$inferInsert> & { title: string };
async function addOpportunities(orgId: string, employerId: string, list: OpportunityValues[]) {
  const now = testApp.clock.now();
  return testApp.db
    .insert(jobOpportunity)
    .values(
      list.map((values) => ({
        organisationId: orgId,
        employerId,
        hoursPerWeek: 20,
        hourlyPayPence: 1300,
        location: "Digbeth, Birmingham",
        createdBy: specialistId,
        createdAt: now,
        updatedAt: now,
        ...values,
      })),
    )
    .returning({ id: jobOpportunity.id, title: jobOpportunity.title });
}

beforeAll(async () => {
  testApp = await startTestApp();
  const { db, clock } = testApp;
  const me = await demoStaff(testApp, "employment_specialist");
  specialistId = me.id;
  // The demo's own vacancies (in every organisation) are closed, so each test sees only its own.
  await db.update(jobOpportunity).set({ status: "closed" });
  const person = await createTestParticipant(testApp, { stage: "engaged" });
  participantId = person.id;
  organisationId = person.organisationId;
  const [other] = await db.select().from(organisation).where(ne(organisation.id, organisationId)).limit(1);
  otherOrganisationId = other!.id;
  await db.execute(
    sql`update participant set address = '4 Elm Road, Edgbaston, Birmingham b15 2tt' where id = ${participantId}`,
  );
  await db.insert(vocationalProfile).values({
    organisationId,
    participantId,
    preferredJobTypes: "Warehouse work, or a kitchen job",
    hoursPerWeek: 20,
    shifts: ["weekday_daytime"],
    travelMiles: 5,
    disclosurePreference: "support_from_service",
    startedAt: clock.now(),
    startedBy: specialistId,
    updatedAt: clock.now(),
    updatedBy: specialistId,
  });
  await db.insert(consentRecord).values({
    organisationId,
    participantId,
    purpose: "contact_employers",
    decision: "given",
    method: "verbal",
    recordedAt: clock.now(),
  });
  ownEmployerId = await addEmployer(organisationId, "Digbeth Stores");
  const today = calendarDateAt(clock.now());
  const yesterday = calendarDateAt(new Date(clock.now().getTime() - 86_400_000));
  await addOpportunities(organisationId, ownEmployerId, [
    {
      title: "Warehouse operative",
      jobType: "warehouse",
      shifts: ["weekday_daytime"],
      postcodeDistrict: "B15",
    },
    {
      title: "Kitchen porter",
      jobType: "kitchen",
      hoursPerWeek: 30,
      hourlyPayPence: 1100,
      shifts: ["evenings"],
      postcodeDistrict: "B1",
    },
    { title: "Stockroom assistant closing today", postcodeDistrict: "B15", closesOn: today },
    { title: "Closed warehouse vacancy", jobType: "warehouse", status: "closed", postcodeDistrict: "B15" },
    {
      title: "Expired warehouse vacancy",
      jobType: "warehouse",
      closesOn: yesterday,
      postcodeDistrict: "B15",
    },
  ]);
  await addOpportunities(otherOrganisationId, await addEmployer(otherOrganisationId, "Elsewhere Ltd"), [
    { title: "Another service's warehouse job", jobType: "warehouse", postcodeDistrict: "B15" },
  ]);
  specialist = await signedInAs(testApp.app, "employment_specialist");
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("job suggestions for a participant", () => {
  it("ranks open opportunities by fit, with the reasons, the person's choices and links to act on", async () => {
    const page = await specialist.get(suggestionsUrl());
    expect(page.statusCode).toBe(200);
    const body = readable(page.body);
    expect(body).toContain("Tandem never applies for a job on anyone's behalf");
    expect(body).toContain("That I have support from the service");
    expect(body).toMatch(/Consent to contact employers<\/dt>\s*<dd[^>]*>Given/);
    expect(body).toContain("B15");
    expect(body.indexOf("Warehouse operative")).toBeLessThan(body.indexOf("Kitchen porter"));
    expect(body).toContain("Job type: matches what they are looking for (warehouse).");
    expect(body).toContain("Travel: in their own postcode district (B15), probably close (approximate).");
    expect(body).toContain("Hours: 30 a week, more than the 20 they want.");
    expect(body).toContain("Shifts: none they could work (evenings).");
    expect(body).toContain("would not count as a competitive job");
    expect(body).toContain("Stockroom assistant closing today");
    const [warehouse] = await testApp.db
      .select({ id: jobOpportunity.id })
      .from(jobOpportunity)
      .where(
        and(eq(jobOpportunity.title, "Warehouse operative"), eq(jobOpportunity.employerId, ownEmployerId)),
      );
    expect(body).toContain(`href="/opportunities/${warehouse!.id}"`);
    expect(body).toContain(
      `href="/participants/${participantId}/work/applications/new?opportunity=${warehouse!.id}"`,
    );
  });

  it("never suggests a closed opportunity, one past its closing date, or another organisation's", async () => {
    const body = readable((await specialist.get(suggestionsUrl())).body);
    expect(body).not.toContain("Closed warehouse vacancy");
    expect(body).not.toContain("Expired warehouse vacancy");
    expect(body).not.toContain("Another service's warehouse job");
    expect(body).toContain("3 results");
  });

  it("records who looked, through the door", async () => {
    await specialist.get(suggestionsUrl());
    const events = await testApp.db
      .select({ detail: auditEvent.detail, outcome: auditEvent.outcome })
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, participantId), eq(auditEvent.action, "participant.read")));
    expect(
      events.some((event) => event.detail.what === "job_matching" && event.outcome === "succeeded"),
    ).toBe(true);
  });

  it("refuses a role without access to participant records", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const page = await admin.get(suggestionsUrl());
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain("Warehouse operative");
  });

  it("points to the vocational profile when the person has none yet", async () => {
    const newcomer = await createTestParticipant(testApp, { stage: "engaged" });
    const page = await specialist.get(suggestionsUrl(newcomer.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("has no vocational profile yet");
    expect(page.body).toContain(`href="/participants/${newcomer.id}/assessments/vocational-profile"`);
    expect(page.body).not.toContain("Warehouse operative");
  });

  it("shows 20 a page, best first, and the rest on the next page", async () => {
    const extra = Array.from({ length: 20 }, (_, index) => ({
      title: `Van driver ${index + 1}`,
      jobType: "driving",
      postcodeDistrict: "LS1",
    }));
    const added = await addOpportunities(organisationId, ownEmployerId, extra);
    const first = (await specialist.get(suggestionsUrl())).body;
    expect(first).toContain("23 results");
    expect(first).toContain("Warehouse operative");
    expect(first).toContain(`${suggestionsUrl()}?page=2`);
    const second = (await specialist.get(`${suggestionsUrl()}?page=2`)).body;
    expect(second).not.toContain("Warehouse operative");
    expect((second.match(/Van driver \d+/g) ?? []).length).toBeGreaterThan(0);
    await testApp.db.delete(jobOpportunity).where(
      sql`${jobOpportunity.id} in (${sql.join(
        added.map((row) => sql`${row.id}::uuid`),
        sql`, `,
      )})`,
    );
  });

  it("says so when there are no open opportunities", async () => {
    await testApp.db
      .update(jobOpportunity)
      .set({ status: "closed" })
      .where(eq(jobOpportunity.organisationId, organisationId));
    const body = (await specialist.get(suggestionsUrl())).body;
    expect(body).toContain("There are no open job opportunities at the moment.");
    expect(body).not.toContain("Warehouse operative");
  });
});

// The database ranks with matchScoreSql; the page explains with matchOpportunity. They must agree
// on every opportunity, however its words, districts, hours and shifts are written.
describe("the database's score and the pure rule agree", () => {
  const text = fc.stringMatching(/^[A-Za-z0-9 ÉéßÄ_'\-/,.]{0,24}$/);
  const words = fc.constantFrom(
    "warehouse",
    "Care",
    "KITCHEN",
    "retail",
    "driver",
    "admin",
    "café",
    "e-commerce",
  );
  const title = fc
    .tuple(fc.array(words, { maxLength: 3 }), text)
    .map(([list, rest]) => `${list.join(" ")} ${rest}`);
  const district = fc.oneof(
    fc.constantFrom("B15", "b15", "B 15", "B1", "BS1", "M1", "sw1a", "", "12", "É1"),
    fc.stringMatching(/^[A-Za-z0-9 ]{0,5}$/),
  );
  const opportunity = fc.record({
    title: title.map((value) => value.trim() || "Job"),
    jobType: text,
    hoursPerWeek: fc.integer({ min: 0, max: 999 }).map((tenths) => tenths / 10),
    hourlyPayPence: fc.integer({ min: 900, max: 2000 }),
    shifts: fc.uniqueArray(fc.constantFrom(...shiftPatterns)),
    postcodeDistrict: fc.option(district),
    homeBased: fc.boolean(),
    createdAt: fc.integer({ min: 0, max: 1_000_000 }).map((ms) => new Date(Date.UTC(2026, 9, 1) + ms * 1000)),
  });
  const profile: fc.Arbitrary<MatchProfile> = fc.record({
    jobTypeWords: fc.oneof(
      fc
        .tuple(fc.array(words, { maxLength: 4 }), text)
        .map(([list, rest]) => jobTypeWordsOf(`${list.join(", ")} ${rest}`)),
      // Words not made by jobTypeWordsOf (capitals, spaces, symbols): neither finds them.
      fc.array(fc.constantFrom("Care", "care work", "warehouse", "café", "", "%"), { maxLength: 3 }),
    ),
    hoursPerWeek: fc.option(fc.integer({ min: 0, max: 80 })),
    shifts: fc.uniqueArray(fc.constantFrom(...shiftPatterns)),
    travelMiles: fc.option(fc.integer({ min: 0, max: 30 })),
    postcode: fc.constantFrom("B15 2TT", "M1 1AE", "SW1A 1AA", "").map((code) => findUkPostcode(code)),
  });

  it("scores and orders 300 random opportunities the same way, for random profiles", async () => {
    const [third] = await testApp.db
      .select()
      .from(organisation)
      .where(and(ne(organisation.id, organisationId), ne(organisation.id, otherOrganisationId)))
      .limit(1);
    const employerId = await addEmployer(third!.id, "Random Employer");
    const generated = fc.sample(opportunity, { numRuns: 300, seed: 5 });
    const now = testApp.clock.now();
    const stored = await testApp.db
      .insert(jobOpportunity)
      .values(
        generated.map((values) => ({
          ...values,
          organisationId: third!.id,
          employerId,
          location: "Somewhere",
          createdBy: specialistId,
          updatedAt: now,
        })),
      )
      .returning();
    const floor = 1271;
    await fc.assert(
      fc.asyncProperty(profile, async (criteria) => {
        const score = matchScoreSql(criteria, floor);
        const fromDatabase = await testApp.db
          .select({ id: jobOpportunity.id, score })
          .from(jobOpportunity)
          .where(suggestable(third!.id, calendarDateAt(now)))
          .orderBy(desc(score), desc(jobOpportunity.createdAt), asc(jobOpportunity.id));
        const pure = rankOpportunities(criteria, stored, floor);
        const pureScores = new Map(
          stored.map((row) => [row.id, matchOpportunity(criteria, row, floor).score]),
        );
        for (const row of fromDatabase)
          expect({ id: row.id, score: row.score }).toEqual({ id: row.id, score: pureScores.get(row.id) });
        expect(fromDatabase.map((row) => row.id)).toEqual(pure.map((row) => row.id));
      }),
      { numRuns: 40 },
    );
  });
});
