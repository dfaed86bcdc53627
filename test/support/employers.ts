import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { employer } from "../../src/features/employment/schema";
import { calendarDateAt } from "../../src/platform/clock";
import { signedInAs, type TestApp, type TestClient, typedDate } from "./app";

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

/** Employers of the demo organisation for tests that need some, added through the form in order. */
export async function createTestEmployers(testApp: TestApp, names: string[]) {
  const client = await signedInAs(testApp.app, "employment_specialist");
  const added: { id: string; name: string; organisationId: string }[] = [];
  for (const name of names) {
    const id = await addEmployer(client, name);
    const [row] = await testApp.db
      .select({ id: employer.id, name: employer.name, organisationId: employer.organisationId })
      .from(employer)
      .where(eq(employer.id, id));
    added.push(row!);
  }
  return added;
}

export const employerContactFields = (today: string, extra: Record<string, string> = {}) => ({
  ...typedDate("occurredOn", today),
  contactType: "job_development",
  faceToFace: "yes",
  withWhom: "Maria Lopes",
  outcome: "Talked about a 16-hour role on the tills.",
  nextStep: "Send the vacancy details",
  ...typedDate("nextStepDue", today),
  ...extra,
});
