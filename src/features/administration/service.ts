import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../platform/access/policy";
import { type AuditAction, type AuditDetail, recordAuditEvent } from "../../platform/audit/service";
import type { Clock } from "../../platform/clock";
import type { Database, Executor, Transaction } from "../../platform/db";
import { organisation, region, staffAccount, team, teamMembership } from "../../platform/directory/schema";
import { type EditOutcome, notFound, type Saved, saved, stale } from "../../platform/outcome";
import type { OrganisationListQuery, TeamListQuery } from "./schema";
import { PAGE_SIZE } from "./schema";

/** A name (or an email) someone else already has: the database's unique rule refused it. */
export type Duplicate = { kind: "duplicate" };
export const duplicate: Duplicate = { kind: "duplicate" };

/** A directory edit, made against the version it was based on: the outcome family, or a duplicate. */
export type DirectoryEdit<Row> = EditOutcome<Row> | Duplicate;
/** A new directory record: saved, or its name is taken. */
export type DirectoryCreate<Row> = Saved<Row> | Duplicate;

export type AdminRequest = { actor: Actor; ipAddress: string };

/** Runs an admin change and its audit event in one transaction: no event, no change. */
export async function auditedChange<Result>(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  event: { action: AuditAction; subjectType: string; organisationId?: string | null },
  work: (
    tx: Transaction,
  ) => Promise<{ result: Result; subjectId?: string; detail?: AuditDetail; audit: boolean }>,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const outcome = await work(tx);
    if (outcome.audit) {
      await recordAuditEvent(tx, clock, {
        actor: { id: request.actor.staffId, role: request.actor.role },
        action: event.action,
        subject: outcome.subjectId ? { type: event.subjectType, id: outcome.subjectId } : undefined,
        organisationId: event.organisationId ?? null,
        ipAddress: request.ipAddress,
        outcome: "succeeded",
        detail: outcome.detail,
      });
    }
    return outcome.result;
  });
}

export const isUniqueViolation = (error: unknown): boolean => {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
};

/** Which fields an edit changed, by name, for the audit event (values of staff fields are not secret). */
export function changedFields<Row extends Record<string, unknown>>(before: Row, after: Partial<Row>): string {
  return Object.keys(after)
    .filter((key) => key !== "version" && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .join(",");
}

// Regions

export function listRegions(executor: Executor) {
  return executor
    .select({
      id: region.id,
      name: region.name,
      version: region.version,
      // A join, not a correlated subquery: without a join Drizzle writes columns unqualified, and
      // "id" inside a subquery on organisation meant the organisation's own id, so every count was 0.
      organisationCount: count(organisation.id),
    })
    .from(region)
    .leftJoin(organisation, eq(organisation.regionId, region.id))
    .groupBy(region.id)
    .orderBy(asc(region.name));
}

export async function findRegion(executor: Executor, id: string) {
  const [row] = await executor.select().from(region).where(eq(region.id, id));
  return row;
}

export async function createRegion(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  form: { name: string },
): Promise<DirectoryCreate<typeof region.$inferSelect>> {
  try {
    return await auditedChange(
      db,
      clock,
      request,
      { action: "region.create", subjectType: "region" },
      async (tx) => {
        const [row] = await tx.insert(region).values({ name: form.name, createdAt: clock.now() }).returning();
        return { result: saved(row!), subjectId: row!.id, audit: true };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

export async function updateRegion(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  id: string,
  form: { name: string; version: number },
): Promise<DirectoryEdit<typeof region.$inferSelect>> {
  try {
    return await auditedChange<DirectoryEdit<typeof region.$inferSelect>>(
      db,
      clock,
      request,
      { action: "region.update", subjectType: "region" },
      async (tx) => {
        const before = await findRegion(tx, id);
        if (!before) return { result: notFound, audit: false };
        const [row] = await tx
          .update(region)
          .set({ name: form.name, version: sql`${region.version} + 1` })
          .where(and(eq(region.id, id), eq(region.version, form.version)))
          .returning();
        if (!row) return { result: stale(before), audit: false };
        return {
          result: saved(row),
          subjectId: id,
          detail: { changed: changedFields(before, form) },
          audit: true,
        };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

// Organisations

function organisationFilter(query: OrganisationListQuery): SQL | undefined {
  return and(
    query.q ? ilike(organisation.name, `%${escapeLike(query.q)}%`) : undefined,
    query.regionId ? eq(organisation.regionId, query.regionId) : undefined,
  );
}

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

export async function listOrganisations(executor: Executor, query: OrganisationListQuery) {
  const where = organisationFilter(query);
  const rows = await executor
    .select({
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      active: organisation.active,
      requireMfa: organisation.requireMfa,
      regionName: region.name,
      teamCount: sql<number>`(select count(*)::int from ${team} where ${team.organisationId} = ${organisation.id})`,
      staffCount: sql<number>`(select count(*)::int from ${staffAccount} where ${staffAccount.organisationId} = ${organisation.id})`,
    })
    .from(organisation)
    .innerJoin(region, eq(region.id, organisation.regionId))
    .where(where)
    .orderBy(asc(organisation.name))
    .limit(PAGE_SIZE)
    .offset((query.page - 1) * PAGE_SIZE);
  const [total] = await executor.select({ count: count() }).from(organisation).where(where);
  return { rows, total: total?.count ?? 0 };
}

export async function findOrganisation(executor: Executor, id: string) {
  const [row] = await executor.select().from(organisation).where(eq(organisation.id, id));
  return row;
}

export function allOrganisations(executor: Executor) {
  return executor
    .select({ id: organisation.id, name: organisation.name, regionId: organisation.regionId })
    .from(organisation)
    .orderBy(asc(organisation.name));
}

type OrganisationFields = {
  name: string;
  kind: (typeof organisation.$inferInsert)["kind"];
  regionId: string;
  requireMfa: boolean;
  showStaffNamesToParticipants: boolean;
  crisisInformation: string | null;
};

export async function createOrganisation(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  form: OrganisationFields,
): Promise<DirectoryCreate<typeof organisation.$inferSelect>> {
  try {
    return await auditedChange(
      db,
      clock,
      request,
      { action: "organisation.create", subjectType: "organisation" },
      async (tx) => {
        const [row] = await tx
          .insert(organisation)
          .values({ ...form, createdAt: clock.now() })
          .returning();
        return { result: saved(row!), subjectId: row!.id, audit: true };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

export async function updateOrganisation(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  id: string,
  form: OrganisationFields & { active: boolean; version: number },
): Promise<DirectoryEdit<typeof organisation.$inferSelect>> {
  try {
    return await auditedChange<DirectoryEdit<typeof organisation.$inferSelect>>(
      db,
      clock,
      request,
      { action: "organisation.update", subjectType: "organisation", organisationId: id },
      async (tx) => {
        const before = await findOrganisation(tx, id);
        if (!before) return { result: notFound, audit: false };
        const { version, ...fields } = form;
        const [row] = await tx
          .update(organisation)
          .set({ ...fields, version: sql`${organisation.version} + 1` })
          .where(and(eq(organisation.id, id), eq(organisation.version, version)))
          .returning();
        if (!row) return { result: stale(before), audit: false };
        return {
          result: saved(row),
          subjectId: id,
          detail: { changed: changedFields(before, fields) },
          audit: true,
        };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

// Teams

function teamFilter(query: TeamListQuery): SQL | undefined {
  return and(
    query.q
      ? or(ilike(team.name, `%${escapeLike(query.q)}%`), ilike(organisation.name, `%${escapeLike(query.q)}%`))
      : undefined,
    query.organisationId ? eq(team.organisationId, query.organisationId) : undefined,
  );
}

export async function listTeams(executor: Executor, query: TeamListQuery) {
  const where = teamFilter(query);
  const rows = await executor
    .select({
      id: team.id,
      name: team.name,
      kind: team.kind,
      phone: team.phone,
      email: team.email,
      active: team.active,
      organisationName: organisation.name,
      memberCount: sql<number>`(select count(*)::int from ${teamMembership} where ${teamMembership.teamId} = ${team.id})`,
    })
    .from(team)
    .innerJoin(organisation, eq(organisation.id, team.organisationId))
    .where(where)
    .orderBy(asc(organisation.name), asc(team.name))
    .limit(PAGE_SIZE)
    .offset((query.page - 1) * PAGE_SIZE);
  const [total] = await executor
    .select({ count: count() })
    .from(team)
    .innerJoin(organisation, eq(organisation.id, team.organisationId))
    .where(where);
  return { rows, total: total?.count ?? 0 };
}

export async function findTeam(executor: Executor, id: string) {
  const [row] = await executor.select().from(team).where(eq(team.id, id));
  return row;
}

/** The active teams of one organisation: a staff member joins teams of their own organisation only. */
export function teamsOf(executor: Executor, organisationId: string) {
  return executor
    .select({
      id: team.id,
      name: team.name,
      organisationId: team.organisationId,
      organisationName: organisation.name,
    })
    .from(team)
    .innerJoin(organisation, eq(organisation.id, team.organisationId))
    .where(and(eq(team.active, true), eq(team.organisationId, organisationId)))
    .orderBy(asc(team.name));
}

type TeamFields = {
  name: string;
  kind: (typeof team.$inferInsert)["kind"];
  organisationId: string;
  phone: string | null;
  email: string | null;
};

export async function createTeam(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  form: TeamFields,
): Promise<DirectoryCreate<typeof team.$inferSelect>> {
  try {
    return await auditedChange(
      db,
      clock,
      request,
      { action: "team.create", subjectType: "team", organisationId: form.organisationId },
      async (tx) => {
        const [row] = await tx
          .insert(team)
          .values({ ...form, createdAt: clock.now() })
          .returning();
        return { result: saved(row!), subjectId: row!.id, audit: true };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

export async function updateTeam(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  id: string,
  form: TeamFields & { active: boolean; version: number },
): Promise<DirectoryEdit<typeof team.$inferSelect>> {
  try {
    return await auditedChange<DirectoryEdit<typeof team.$inferSelect>>(
      db,
      clock,
      request,
      { action: "team.update", subjectType: "team", organisationId: form.organisationId },
      async (tx) => {
        const before = await findTeam(tx, id);
        if (!before) return { result: notFound, audit: false };
        const { version, ...fields } = form;
        const [row] = await tx
          .update(team)
          .set({ ...fields, version: sql`${team.version} + 1` })
          .where(and(eq(team.id, id), eq(team.version, version)))
          .returning();
        if (!row) return { result: stale(before), audit: false };
        return {
          result: saved(row),
          subjectId: id,
          detail: { changed: changedFields(before, fields) },
          audit: true,
        };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

export {
  type SettingChange,
  type SettingsSave,
  saveSettingsVersion,
  settingChanges,
  withChanges,
} from "./versioned-settings";
