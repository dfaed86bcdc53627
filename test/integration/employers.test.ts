import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  employer,
  employerContact,
  employerContactPerson,
  employerDisclosure,
  jobApplication,
  jobOpportunity,
} from "../../src/features/employment/schema";
import { auditEvent } from "../../src/platform/audit/table";
import {
  demoStaff,
  signedInAs,
  startTestApp,
  type TestApp,
  type TestClient,
  typedDate,
} from "../support/app";
import { addEmployer as addEmployer_, employerContactFields, idFrom, todayIn } from "../support/employers";
import { createTestParticipant } from "../support/participants";

let testApp: TestApp;
let specialist: TestClient;
let specialistId: string;
let organisationId: string;

const today = () => todayIn(testApp);
const addEmployer = (name: string, sector?: string) => addEmployer_(specialist, name, sector);
const contactForm = (extra: Record<string, string> = {}) => employerContactFields(today(), extra);

beforeAll(async () => {
  testApp = await startTestApp();
  specialist = await signedInAs(testApp.app, "employment_specialist");
  const row = await demoStaff(testApp, "employment_specialist");
  specialistId = row.id;
  organisationId = row.organisationId;
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

describe("the demo", () => {
  it("gives every organisation 8 to 12 employers with people, and 15 to 25 vacancies, mostly open", async () => {
    const employers = await testApp.db.select().from(employer);
    const people = await testApp.db.select().from(employerContactPerson);
    const vacancies = await testApp.db.select().from(jobOpportunity);
    const organisations = new Set(employers.map((row) => row.organisationId));
    expect(organisations.size).toBe(15);
    for (const organisation of organisations) {
      const theirs = employers.filter((row) => row.organisationId === organisation);
      expect(theirs.length).toBeGreaterThanOrEqual(8);
      expect(theirs.length).toBeLessThanOrEqual(12);
      expect(people.filter((row) => row.organisationId === organisation).length).toBe(theirs.length);
      const offered = vacancies.filter((row) => row.organisationId === organisation);
      expect(offered.length).toBeGreaterThanOrEqual(15);
      expect(offered.length).toBeLessThanOrEqual(25);
      expect(offered.filter((row) => row.status === "open").length).toBeGreaterThan(offered.length / 2);
    }
  });
});

describe("employers", () => {
  it("lists the organisation's employers, searches by name and says when nothing matches", async () => {
    const list = await specialist.get("/employers");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Greenway Bakery");
    const searched = await specialist.get("/employers?q=bakery");
    expect(searched.body).toContain("Greenway Bakery");
    expect(searched.body).not.toContain("Parcelpoint Logistics");
    const bySector = await specialist.get("/employers?sector=transport_and_logistics");
    expect(bySector.body).toContain("Parcelpoint Logistics");
    expect(bySector.body).not.toContain("Greenway Bakery");
    const none = await specialist.get("/employers?q=nothing-like-this");
    expect(none.body).toContain("No employers match this search.");
  });

  it("says what is missing beside each field, and saves a complete employer", async () => {
    await specialist.get("/employers/new");
    const refused = await specialist.post("/employers", { name: " ", sector: "" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Enter the employer's name");
    expect(refused.body).toContain("Choose the employer's sector");
    const id = await addEmployer("Canalside Books");
    const page = await specialist.get(`/employers/${id}?notice=saved`);
    expect(page.body).toContain("Canalside Books");
    expect(page.body).toContain("Main shop, B5 6RT");
    expect(page.body).toContain("The employer has been saved.");
  });

  it("refuses a stale edit with 409 and shows both versions", async () => {
    const id = await addEmployer("Moorside Motors", "transport_and_logistics");
    await specialist.get(`/employers/${id}/edit`);
    const first = await specialist.post(`/employers/${id}/edit`, {
      version: "1",
      name: "Moorside Motors Ltd",
      sector: "transport_and_logistics",
    });
    expect(first.statusCode).toBe(302);
    await specialist.get(`/employers/${id}/edit`);
    const stale = await specialist.post(`/employers/${id}/edit`, {
      version: "1",
      name: "Moorside Garage",
      sector: "transport_and_logistics",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("Someone else changed this while you were editing");
    expect(stale.body).toContain("Moorside Motors Ltd");
    expect(stale.body).toContain('value="Moorside Garage"');
    const [saved] = await testApp.db.select().from(employer).where(eq(employer.id, id));
    expect(saved!.name).toBe("Moorside Motors Ltd");
  });

  it("adds a contact person and marks one who has left, who is then no longer offered", async () => {
    const id = await addEmployer("Lakeside Hotel", "hospitality_and_food");
    await specialist.get(`/employers/${id}/people/new`);
    const bad = await specialist.post(`/employers/${id}/people`, { name: "Jo Bell", email: "not-an-email" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter an email address in the correct format");
    await specialist.post(`/employers/${id}/people`, { name: "Jo Bell", jobRole: "Head of housekeeping" });
    const [person] = await testApp.db
      .select()
      .from(employerContactPerson)
      .where(eq(employerContactPerson.employerId, id));
    expect((await specialist.get(`/employers/${id}/contacts/new`)).body).toContain(
      "Jo Bell, Head of housekeeping",
    );
    await specialist.get(`/employers/${id}`);
    const archived = await specialist.post(`/employers/${id}/people/${person!.id}/archive`);
    expect(archived.headers.location).toBe(`/employers/${id}?notice=archived`);
    expect((await specialist.get(`/employers/${id}`)).body).toContain("Left");
    expect((await specialist.get(`/employers/${id}/contacts/new`)).body).not.toContain("Jo Bell");
  });

  it("logs an employer contact into the relationship history, refusing one in the future", async () => {
    const id = await addEmployer("Hilltop Dairy", "agriculture_and_environment");
    await specialist.get(`/employers/${id}/contacts/new`);
    const future = await specialist.post(
      `/employers/${id}/contacts`,
      contactForm({ ...typedDate("occurredOn", "2199-01-01") }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain("The date of the contact must be today or in the past");
    const saved = await specialist.post(`/employers/${id}/contacts`, contactForm());
    expect(saved.headers.location).toBe(`/employers/${id}?notice=contact`);
    const page = await specialist.get(`/employers/${id}`);
    expect(page.body).toContain("Talked about a 16-hour role on the tills.");
    expect(page.body).toContain("Logged by Priya Shah");
  });
});

describe("job opportunities", () => {
  it("checks the postcode district and pay, and shows pay below the wage floor", async () => {
    const id = await addEmployer("Corner Café", "hospitality_and_food");
    await specialist.get(`/employers/${id}/opportunities/new`);
    const base = {
      title: "Barista",
      jobType: "café work",
      hoursPerWeek: "16",
      location: "Corner Café, Digbeth",
    };
    const bad = await specialist.post(`/employers/${id}/opportunities`, {
      ...base,
      hourlyPay: "about ten",
      postcodeDistrict: "Birmingham",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the pay an hour in pounds and pence, like 12.71");
    expect(bad.body).toContain("Enter the first part of a UK postcode, like B15");
    const saved = await specialist.post(`/employers/${id}/opportunities`, {
      ...base,
      hourlyPay: "11.00",
      postcodeDistrict: "b5 6rt",
      shifts: ["early_mornings", "weekends"],
    });
    expect(saved.statusCode).toBe(302);
    const opportunityId = idFrom(saved.headers.location);
    const [row] = await testApp.db.select().from(jobOpportunity).where(eq(jobOpportunity.id, opportunityId));
    expect(row).toMatchObject({
      hourlyPayPence: 1100,
      postcodeDistrict: "B5",
      shifts: ["early_mornings", "weekends"],
    });
    const page = await specialist.get(`/opportunities/${opportunityId}`);
    expect(page.body).toContain("would not count as a competitive job");
    const list = await specialist.get("/opportunities?q=barista");
    expect(list.body).toContain("Barista");
    expect(list.body).toContain("Corner Café");
  });

  it("refuses a stale edit, and closes and reopens an opportunity", async () => {
    const [open] = await testApp.db
      .select()
      .from(jobOpportunity)
      .where(and(eq(jobOpportunity.organisationId, organisationId), eq(jobOpportunity.status, "open")))
      .limit(1);
    const url = `/opportunities/${open!.id}`;
    const form = {
      version: String(open!.version),
      title: "Renamed role",
      hoursPerWeek: "20",
      hourlyPay: "13.00",
      location: "Somewhere",
      homeBased: "yes",
    };
    await specialist.get(`${url}/edit`);
    expect((await specialist.post(`${url}/edit`, form)).statusCode).toBe(302);
    await specialist.get(`${url}/edit`);
    const stale = await specialist.post(`${url}/edit`, { ...form, title: "Another name" });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("Renamed role");
    await specialist.get(url);
    await specialist.post(`${url}/status`, { status: "closed" });
    expect((await specialist.get("/opportunities?status=closed&q=Renamed")).body).toContain("Renamed role");
    expect((await specialist.get("/opportunities?status=open&q=Renamed")).body).toContain(
      "No job opportunities match this search.",
    );
  });
});

describe("merging duplicates", () => {
  it("moves people, contacts, opportunities and participants' work to the kept employer, and audits it", async () => {
    const kept = await addEmployer("Fairfield Foods");
    const duplicate = await addEmployer("Fairfield Foods Ltd");
    await specialist.get(`/employers/${duplicate}/people/new`);
    await specialist.post(`/employers/${duplicate}/people`, { name: "Sunita Patel" });
    await specialist.get(`/employers/${duplicate}/contacts/new`);
    await specialist.post(`/employers/${duplicate}/contacts`, contactForm());
    await specialist.get(`/employers/${duplicate}/opportunities/new`);
    await specialist.post(`/employers/${duplicate}/opportunities`, {
      title: "Packer",
      hoursPerWeek: "20",
      hourlyPay: "12.71",
      location: "Factory",
      postcodeDistrict: "B70",
    });
    const person = await createTestParticipant(testApp, { stage: "job_seeking" });
    const now = testApp.clock.now();
    await testApp.db.insert(employerDisclosure).values({
      organisationId,
      participantId: person.id,
      employerId: duplicate,
      choice: "support_from_service",
      recordedAt: now,
    });
    await testApp.db.insert(jobApplication).values({
      organisationId,
      participantId: person.id,
      employerId: duplicate,
      title: "Packer",
      status: "applied",
      recordedBy: specialistId,
      createdAt: now,
      updatedAt: now,
    });

    await specialist.get(`/employers/${kept}/merge`);
    const merged = await specialist.post(`/employers/${kept}/merge`, { duplicateId: duplicate });
    expect(merged.headers.location).toBe(`/employers/${kept}?notice=merged`);

    const page = await specialist.get(`/employers/${kept}`);
    expect(page.body).toContain("Sunita Patel");
    expect(page.body).toContain("Talked about a 16-hour role on the tills.");
    expect(page.body).toContain("Packer");
    for (const table of [
      employerContactPerson,
      employerContact,
      jobOpportunity,
      employerDisclosure,
      jobApplication,
    ]) {
      expect(await testApp.db.select().from(table).where(eq(table.employerId, duplicate))).toEqual([]);
    }
    const [gone] = await testApp.db.select().from(employer).where(eq(employer.id, duplicate));
    expect(gone!.mergedInto).toBe(kept);
    expect((await specialist.get("/employers?q=Fairfield")).body).not.toContain("Fairfield Foods Ltd");
    expect((await specialist.get(`/employers/${duplicate}`)).statusCode).toBe(404);
    const [event] = await testApp.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "employer.merge"), eq(auditEvent.subjectId, kept)));
    expect(event!.detail).toMatchObject({
      mergedEmployerId: duplicate,
      job_application: 1,
      employer_disclosure: 1,
    });
  });
});
