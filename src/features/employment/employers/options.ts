import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index";
import { employer } from "./schema";

export type EmployerOption = { id: string; name: string };

/**
 * The organisation's employers for a form's employer choice, by name. Merged duplicates are left
 * out: their history now belongs to the employer they were merged into.
 */
export function employerOptions(executor: Executor, organisationId: string): Promise<EmployerOption[]> {
  return executor
    .select({ id: employer.id, name: employer.name })
    .from(employer)
    .where(and(eq(employer.organisationId, organisationId), isNull(employer.mergedInto)))
    .orderBy(asc(employer.name));
}

/** One employer of the organisation (not merged away), or undefined: a form's choice checked server-side. */
export async function employerOption(
  executor: Executor,
  organisationId: string,
  employerId: string,
): Promise<EmployerOption | undefined> {
  const [found] = await executor
    .select({ id: employer.id, name: employer.name })
    .from(employer)
    .where(
      and(
        eq(employer.organisationId, organisationId),
        eq(employer.id, employerId),
        isNull(employer.mergedInto),
      ),
    )
    .limit(1);
  return found;
}
