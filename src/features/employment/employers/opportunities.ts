import { and, asc, count, desc, eq, ilike, isNull, or } from "drizzle-orm";
import type { Actor } from "../../../platform/access/policy";
import type { Clock } from "../../../platform/clock";
import type { Executor } from "../../../platform/db/index";
import { type EditOutcome, notFound, saved, stale } from "../../../platform/outcome";
import { OPPORTUNITIES_PAGE_SIZE, type OpportunityForm, type OpportunityListQuery } from "./forms";
import { type EmployerRow, employer, type JobOpportunityRow, jobOpportunity } from "./schema";
import { likePattern } from "./service";

// Job opportunities belong to the organisation; each names its employer.

const opportunityColumns = {
  opportunity: jobOpportunity,
  employerName: employer.name,
  sector: employer.sector,
};

export async function listOpportunities(
  executor: Executor,
  organisationId: string,
  query: OpportunityListQuery,
) {
  const pattern = query.q ? likePattern(query.q) : undefined;
  const where = and(
    eq(jobOpportunity.organisationId, organisationId),
    isNull(employer.mergedInto),
    pattern
      ? or(
          ilike(jobOpportunity.title, pattern),
          ilike(jobOpportunity.jobType, pattern),
          ilike(jobOpportunity.location, pattern),
          ilike(jobOpportunity.postcodeDistrict, pattern),
        )
      : undefined,
    query.status ? eq(jobOpportunity.status, query.status) : undefined,
    query.sector ? eq(employer.sector, query.sector) : undefined,
  );
  const [counted] = await executor
    .select({ total: count() })
    .from(jobOpportunity)
    .innerJoin(employer, eq(employer.id, jobOpportunity.employerId))
    .where(where);
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / OPPORTUNITIES_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await executor
    .select(opportunityColumns)
    .from(jobOpportunity)
    .innerJoin(employer, eq(employer.id, jobOpportunity.employerId))
    .where(where)
    // Open ones first ("open" sorts after "closed"), newest first.
    .orderBy(desc(jobOpportunity.status), desc(jobOpportunity.createdAt), asc(jobOpportunity.id))
    .limit(OPPORTUNITIES_PAGE_SIZE)
    .offset((page - 1) * OPPORTUNITIES_PAGE_SIZE);
  return { rows, total, page, pageCount };
}
export type OpportunityListRow = Awaited<ReturnType<typeof listOpportunities>>["rows"][number];

export function employerOpportunities(executor: Executor, employerId: string) {
  return executor
    .select()
    .from(jobOpportunity)
    .where(eq(jobOpportunity.employerId, employerId))
    .orderBy(desc(jobOpportunity.status), desc(jobOpportunity.createdAt));
}

export async function findOpportunity(executor: Executor, organisationId: string, opportunityId: string) {
  const [row] = await executor
    .select(opportunityColumns)
    .from(jobOpportunity)
    .innerJoin(employer, eq(employer.id, jobOpportunity.employerId))
    .where(and(eq(jobOpportunity.organisationId, organisationId), eq(jobOpportunity.id, opportunityId)));
  return row;
}

export async function createOpportunity(
  executor: Executor,
  clock: Clock,
  actor: Actor,
  found: EmployerRow,
  form: OpportunityForm,
) {
  const now = clock.now();
  const [row] = await executor
    .insert(jobOpportunity)
    .values({
      ...form,
      closesOn: form.closesOn ?? null,
      organisationId: found.organisationId,
      employerId: found.id,
      createdBy: actor.staffId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: jobOpportunity.id });
  return row!.id;
}

/** Saves only over the version the editor started from. */
export async function updateOpportunity(
  executor: Executor,
  clock: Clock,
  actor: Actor,
  opportunityId: string,
  version: number,
  form: OpportunityForm,
): Promise<EditOutcome<JobOpportunityRow>> {
  const [updated] = await executor
    .update(jobOpportunity)
    .set({ ...form, closesOn: form.closesOn ?? null, updatedAt: clock.now(), version: version + 1 })
    .where(
      and(
        eq(jobOpportunity.organisationId, actor.organisationId),
        eq(jobOpportunity.id, opportunityId),
        eq(jobOpportunity.version, version),
      ),
    )
    .returning();
  if (updated) return saved(updated);
  const current = await findOpportunity(executor, actor.organisationId, opportunityId);
  return current ? stale(current.opportunity) : notFound;
}

/** Opening or closing is a small change of its own: it moves the version on like any edit. */
export async function setOpportunityStatus(
  executor: Executor,
  clock: Clock,
  actor: Actor,
  opportunityId: string,
  status: "open" | "closed",
) {
  const found = await findOpportunity(executor, actor.organisationId, opportunityId);
  if (!found) return false;
  await executor
    .update(jobOpportunity)
    .set({ status, updatedAt: clock.now(), version: found.opportunity.version + 1 })
    .where(eq(jobOpportunity.id, opportunityId));
  return true;
}
