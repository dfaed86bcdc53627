import { calendarDateAt } from "../../src/platform/clock";
import { startTestApp, type TestApp, typedDate } from "./app";
import { createTestEmployers } from "./employers";
import { createTestParticipant } from "./participants";

// What the Work tab's tests share: a job-seeking person, two employers, and a job start's fields.

export type WorkTest = {
  testApp: TestApp;
  person: { id: string; organisationId: string };
  bakery: { id: string; name: string };
  depot: { id: string; name: string };
};

/** A test app with one job-seeking person and two employers, a bakery and a depot. */
export async function startWorkTest(): Promise<WorkTest> {
  const testApp = await startTestApp();
  const person = await createTestParticipant(testApp, { stage: "job_seeking" });
  const [bakery, depot] = await createTestEmployers(testApp, ["Crumb & Co Bakery", "Northside Depot"]);
  return { testApp, person, bakery: bakery!, depot: depot! };
}

/** The calendar date this many days (of 24 hours) from the test clock's now. */
export const dayFromToday = (testApp: TestApp, days: number) =>
  calendarDateAt(new Date(testApp.clock.now().getTime() + days * 86_400_000));

/** A job start as the form posts it: a competitive 16-hour job that started a fortnight ago. */
export const jobStartFields = (
  testApp: TestApp,
  employerId: string,
  overrides: Record<string, string> = {},
) => ({
  employerId,
  title: "Bakery assistant",
  ...typedDate("startedOn", dayFromToday(testApp, -14)),
  hoursPerWeek: "16",
  hourlyPayPence: "12.71",
  contractType: "permanent",
  openLabourMarket: "yes",
  timeLimitedByService: "no",
  ...overrides,
});
