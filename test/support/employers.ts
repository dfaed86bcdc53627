import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { employer } from "../../src/features/employment/schema";
import { calendarDateAt } from "../../src/platform/clock";
import { staffAccount } from "../../src/platform/directory/schema";
import { demoEmail, type TestApp, type TestClient } from "./app";

/** A few employers of the demo organisation, until the employers' own pages add them. */
export async function createTestEmployers(testApp: TestApp, names: string[]) {
  const [specialist] = await testApp.db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("employment_specialist")));
  const now = testApp.clock.now();
  return testApp.db
    .insert(employer)
    .values(
      names.map((name) => ({
        organisationId: specialist!.organisationId,
        name,
        sector: "retail" as const,
        createdBy: specialist!.id,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: employer.id, name: employer.name, organisationId: employer.organisationId });
}

// What the employer tests share: adding an employer through its form, and an employer contact's fields.

export const todayIn = (testApp: TestApp) => calendarDateAt(testApp.clock.now());

export const idFrom = (location: unknown) =>
  /\/(employers|opportunities)\/([0-9a-f-]{36})/.exec(String(location))![2]!;

/** Adds an employer through the form, as a specialist would, and gives back its identifier. */
export async function addEmployer(client: TestClient, name: string, sector = "retail") {
  await client.get("/employers/new");
  const response = await client.post("/employers", {
    name,
    sector,
    size: "small",
    locations: "Main shop, B5 6RT",
  });
  expect(response.statusCode).toBe(302);
  return idFrom(response.headers.location);
}

export const employerContactFields = (today: string, extra: Record<string, string> = {}) => ({
  occurredOn: today,
  contactType: "job_development",
  faceToFace: "yes",
  withWhom: "Maria Lopes",
  outcome: "Talked about a 16-hour role on the tills.",
  nextStep: "Send the vacancy details",
  nextStepDue: today,
  ...extra,
});
