import { and, asc, count, desc, eq, getTableName, ilike, inArray, isNull, ne, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/access/policy";
import { recordAuditEvent } from "../../../platform/audit/service";
import type { Clock } from "../../../platform/clock";
import type { Database, Executor } from "../../../platform/db/index";
import { staffAccount } from "../../../platform/directory/schema";
import { type EditOutcome, type NotFound, notFound, saved, stale } from "../../../platform/outcome";
import { returnToWorkPlan, sicknessAbsence } from "../return-to-work/schema";
import { employerDisclosure, job, jobApplication } from "../work/schema";
import { EMPLOYERS_PAGE_SIZE, type EmployerForm, type EmployerListQuery, type PersonForm } from "./forms";
import { type EmployerRow, employer, employerContact, employerContactPerson, jobOpportunity } from "./schema";

// Employers belong to the organisation: every query is scoped to the reader's organisation, and a
// duplicate merged away is left out of lists and pages.

const live = (organisationId: string) =>
  and(eq(employer.organisationId, organisationId), isNull(employer.mergedInto));

/** Characters that mean "any" to LIKE are searched for as themselves. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

export async function listEmployers(executor: Executor, organisationId: string, query: EmployerListQuery) {
  const where = and(
    live(organisationId),
    query.q ? ilike(employer.name, likePattern(query.q)) : undefined,
    query.sector ? eq(employer.sector, query.sector) : undefined,
    query.size ? eq(employer.size, query.size) : undefined,
  );
  const [counted] = await executor.select({ total: count() }).from(employer).where(where);
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / EMPLOYERS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await executor
    .select()
    .from(employer)
    .where(where)
    .orderBy(
      ...(query.sort === "recent" ? [desc(employer.updatedAt)] : []),
      asc(employer.name),
      asc(employer.id),
    )
    .limit(EMPLOYERS_PAGE_SIZE)
    .offset((page - 1) * EMPLOYERS_PAGE_SIZE);
  return { rows, total, page, pageCount };
}

export async function findEmployer(
  executor: Executor,
  organisationId: string,
  employerId: string,
): Promise<EmployerRow | undefined> {
  const [row] = await executor
    .select()
    .from(employer)
    .where(and(live(organisationId), eq(employer.id, employerId)));
  return row;
}

export async function createEmployer(executor: Executor, clock: Clock, actor: Actor, form: EmployerForm) {
  const now = clock.now();
  const [row] = await executor
    .insert(employer)
    .values({
      ...form,
      size: form.size ?? null,
      organisationId: actor.organisationId,
      createdBy: actor.staffId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/** Saves only over the version the editor started from: a stale form never overwrites. */
export async function updateEmployer(
  executor: Executor,
  clock: Clock,
  actor: Actor,
  employerId: string,
  version: number,
  form: EmployerForm,
): Promise<EditOutcome<EmployerRow>> {
  const [updated] = await executor
    .update(employer)
    .set({ ...form, size: form.size ?? null, updatedAt: clock.now(), version: version + 1 })
    .where(and(live(actor.organisationId), eq(employer.id, employerId), eq(employer.version, version)))
    .returning();
  if (updated) return saved(updated);
  const current = await findEmployer(executor, actor.organisationId, employerId);
  return current ? stale(current) : notFound;
}

export function employerPeople(executor: Executor, employerId: string) {
  return executor
    .select()
    .from(employerContactPerson)
    .where(eq(employerContactPerson.employerId, employerId))
    .orderBy(asc(employerContactPerson.archivedAt), asc(employerContactPerson.name));
}

export async function addPerson(
  executor: Executor,
  clock: Clock,
  found: EmployerRow,
  form: PersonForm,
): Promise<void> {
  await executor.insert(employerContactPerson).values({
    organisationId: found.organisationId,
    employerId: found.id,
    name: form.name,
    jobRole: form.jobRole,
    phone: form.phone ?? null,
    email: form.email ?? null,
    createdAt: clock.now(),
  });
}

/** Someone who has left stays on the contacts they were part of, but is no longer offered. */
export async function archivePerson(executor: Executor, clock: Clock, found: EmployerRow, personId: string) {
  const archived = await executor
    .update(employerContactPerson)
    .set({ archivedAt: clock.now() })
    .where(
      and(
        eq(employerContactPerson.id, personId),
        eq(employerContactPerson.employerId, found.id),
        isNull(employerContactPerson.archivedAt),
      ),
    )
    .returning({ id: employerContactPerson.id });
  return archived.length > 0;
}

/** The employer's relationship history: every contact logged with it, newest first, with who logged it. */
export function relationshipHistory(executor: Executor, employerId: string) {
  return executor
    .select({
      id: employerContact.id,
      occurredOn: employerContact.occurredOn,
      contactType: employerContact.contactType,
      faceToFace: employerContact.faceToFace,
      withWhom: employerContact.withWhom,
      personName: employerContactPerson.name,
      outcome: employerContact.outcome,
      nextStep: employerContact.nextStep,
      nextStepDue: employerContact.nextStepDue,
      participantId: employerContact.participantId,
      recordedByName: staffAccount.fullName,
    })
    .from(employerContact)
    .innerJoin(staffAccount, eq(staffAccount.id, employerContact.recordedBy))
    .leftJoin(employerContactPerson, eq(employerContactPerson.id, employerContact.contactPersonId))
    .where(eq(employerContact.employerId, employerId))
    .orderBy(desc(employerContact.occurredOn), desc(employerContact.recordedAt));
}
export type HistoryRow = Awaited<ReturnType<typeof relationshipHistory>>[number];

/** The organisation's other employers, for choosing the duplicate to merge into this one. */
export function mergeCandidates(executor: Executor, kept: EmployerRow) {
  return executor
    .select({ id: employer.id, name: employer.name })
    .from(employer)
    .where(and(live(kept.organisationId), ne(employer.id, kept.id)))
    .orderBy(asc(employer.name));
}

/** Tables whose rows point at an employer, moved by a merge; participant rows only by their key. */
const pointingAtEmployer = [
  employerContactPerson,
  employerContact,
  jobOpportunity,
  employerDisclosure,
  jobApplication,
  job,
  sicknessAbsence,
  returnToWorkPlan,
] as const;

export type MergeOutcome = { kind: "merged"; moved: Record<string, number> } | NotFound;

/**
 * Merges a duplicate into the employer kept: everything that pointed at the duplicate points at
 * the kept one, in one transaction with its audit event (identifiers and counts only), and the
 * duplicate keeps its row with `merged_into` so old references still resolve.
 */
export function mergeEmployers(
  db: Database,
  clock: Clock,
  actor: Actor,
  keptId: string,
  duplicateId: string,
  ipAddress: string | null,
): Promise<MergeOutcome> {
  return db.transaction(async (tx) => {
    if (keptId === duplicateId) return notFound;
    const both = await tx
      .select({ id: employer.id })
      .from(employer)
      .where(and(live(actor.organisationId), inArray(employer.id, [keptId, duplicateId])))
      .for("update");
    if (both.length !== 2) return notFound;
    const moved: Record<string, number> = {};
    for (const table of pointingAtEmployer) {
      const rows = await tx
        .update(table)
        .set({ employerId: keptId })
        .where(eq(table.employerId, duplicateId) as SQL)
        .returning({ id: table.id });
      moved[getTableName(table)] = rows.length;
    }
    const now = clock.now();
    await tx.update(employer).set({ mergedInto: keptId, updatedAt: now }).where(eq(employer.id, duplicateId));
    await tx.update(employer).set({ updatedAt: now }).where(eq(employer.id, keptId));
    await recordAuditEvent(tx, clock, {
      actor: { id: actor.staffId, role: actor.role },
      action: "employer.merge",
      subject: { type: "employer", id: keptId },
      organisationId: actor.organisationId,
      ipAddress,
      outcome: "succeeded",
      detail: { mergedEmployerId: duplicateId, ...moved },
    });
    return { kind: "merged" as const, moved };
  });
}
