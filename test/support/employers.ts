import { eq } from "drizzle-orm";
import { employer } from "../../src/features/employment/schema";
import { staffAccount } from "../../src/platform/directory/schema";
import type { TestApp } from "./app";
import { demoEmail } from "./app";

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
