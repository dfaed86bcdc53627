import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { mfaRecoveryCode, staffInvitation } from "../../platform/auth/schema";
import { queueFactorChangeNotice } from "../../platform/auth/second-factor-notice";
import { endAllSessionsOf } from "../../platform/auth/sessions";
import type { Clock } from "../../platform/clock";
import type { Database, Executor, Transaction } from "../../platform/db";
import { organisation, staffAccount, team, teamMembership } from "../../platform/directory/schema";
import { notFound, saved, stale } from "../../platform/outcome";
import type { MessageKey } from "../../platform/web/i18n";
import { type InvitationDelivery, type IssuedInvitation, issueInvitation } from "./invitations";
import { PAGE_SIZE, type StaffInvite, type StaffListQuery, type StaffUpdate } from "./schema";
import {
  type AdminRequest,
  auditedChange,
  changedFields,
  type DirectoryEdit,
  type Duplicate,
  duplicate,
  escapeLike,
  isUniqueViolation,
} from "./service";

const sortOrders = {
  name: [asc(sql`lower(${staffAccount.fullName})`)],
  email: [asc(sql`lower(${staffAccount.email})`)],
  role: [asc(staffAccount.role), asc(sql`lower(${staffAccount.fullName})`)],
  last_sign_in: [sql`${staffAccount.lastSignInAt} desc nulls last`],
} as const;

function staffFilter(query: StaffListQuery): SQL | undefined {
  const text = query.q ? `%${escapeLike(query.q)}%` : undefined;
  return and(
    text ? or(ilike(staffAccount.fullName, text), ilike(staffAccount.email, text)) : undefined,
    query.role ? eq(staffAccount.role, query.role) : undefined,
    query.status ? eq(staffAccount.status, query.status) : undefined,
    query.organisationId ? eq(staffAccount.organisationId, query.organisationId) : undefined,
  );
}

export async function listStaff(executor: Executor, query: StaffListQuery) {
  const where = staffFilter(query);
  const rows = await executor
    .select({
      id: staffAccount.id,
      fullName: staffAccount.fullName,
      email: staffAccount.email,
      role: staffAccount.role,
      profession: staffAccount.profession,
      status: staffAccount.status,
      lastSignInAt: staffAccount.lastSignInAt,
      organisationName: organisation.name,
    })
    .from(staffAccount)
    .innerJoin(organisation, eq(organisation.id, staffAccount.organisationId))
    .where(where)
    .orderBy(...sortOrders[query.sort], asc(staffAccount.id))
    .limit(PAGE_SIZE)
    .offset((query.page - 1) * PAGE_SIZE);
  const [total] = await executor.select({ count: count() }).from(staffAccount).where(where);
  return { rows, total: total?.count ?? 0 };
}

export async function findStaff(executor: Executor, id: string) {
  const [row] = await executor
    .select({ staff: staffAccount, organisationName: organisation.name })
    .from(staffAccount)
    .innerJoin(organisation, eq(organisation.id, staffAccount.organisationId))
    .where(eq(staffAccount.id, id));
  if (!row) return undefined;
  const teams = await executor
    .select({ id: team.id, name: team.name })
    .from(teamMembership)
    .innerJoin(team, eq(team.id, teamMembership.teamId))
    .where(eq(teamMembership.staffId, id))
    .orderBy(asc(team.name));
  const [pendingInvitation] = await executor
    .select({ expiresAt: staffInvitation.expiresAt })
    .from(staffInvitation)
    .where(and(eq(staffInvitation.staffId, id), isNull(staffInvitation.usedAt)))
    .orderBy(desc(staffInvitation.createdAt))
    .limit(1);
  const { passwordHash: _password, mfaSecret: _secret, ...safe } = row.staff;
  return { ...safe, organisationName: row.organisationName, teams, pendingInvitation };
}

/** Every team chosen exists and is in the staff member's own organisation: never another's. */
async function teamsAreIn(tx: Transaction, teamIds: string[], organisationId: string): Promise<boolean> {
  if (teamIds.length === 0) return true;
  const [found] = await tx
    .select({ count: count() })
    .from(team)
    .where(and(inArray(team.id, teamIds), eq(team.organisationId, organisationId)));
  return (found?.count ?? 0) === new Set(teamIds).size;
}

async function replaceMemberships(tx: Transaction, clock: Clock, staffId: string, teamIds: string[]) {
  await tx.delete(teamMembership).where(eq(teamMembership.staffId, staffId));
  const unique = [...new Set(teamIds)];
  if (unique.length > 0) {
    await tx
      .insert(teamMembership)
      .values(unique.map((teamId) => ({ teamId, staffId, createdAt: clock.now() })));
  }
}

/** A team chosen that does not exist, or is in another organisation. */
type UnknownTeam = { kind: "unknown_team" };

export type InviteOutcome =
  | { kind: "invited"; staffId: string; invitation: IssuedInvitation }
  | Duplicate
  | UnknownTeam;

export async function inviteStaff(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  form: StaffInvite,
  delivery: InvitationDelivery,
): Promise<InviteOutcome> {
  try {
    return await auditedChange<InviteOutcome>(
      db,
      clock,
      request,
      { action: "staff.invite", subjectType: "staff", organisationId: form.organisationId },
      async (tx) => {
        if (!(await teamsAreIn(tx, form.teamIds, form.organisationId)))
          return { result: { kind: "unknown_team" as const }, audit: false };
        const now = clock.now();
        const [created] = await tx
          .insert(staffAccount)
          .values({
            email: form.email,
            fullName: form.fullName,
            role: form.role,
            profession: form.profession,
            organisationId: form.organisationId,
            status: "invited",
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: staffAccount.id, email: staffAccount.email });
        await replaceMemberships(tx, clock, created!.id, form.teamIds);
        const invitation = await issueInvitation(
          tx,
          clock,
          { ...created!, organisationId: form.organisationId },
          delivery,
        );
        return {
          result: { kind: "invited" as const, staffId: created!.id, invitation },
          subjectId: created!.id,
          detail: { role: form.role, teams: form.teamIds.length },
          audit: true,
        };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

type StaffRow = NonNullable<Awaited<ReturnType<typeof findStaff>>>;

export async function updateStaff(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  id: string,
  form: StaffUpdate,
): Promise<DirectoryEdit<StaffRow> | UnknownTeam> {
  return auditedChange<DirectoryEdit<StaffRow> | UnknownTeam>(
    db,
    clock,
    request,
    { action: "staff.update", subjectType: "staff", organisationId: form.organisationId },
    async (tx) => {
      const before = await findStaff(tx, id);
      if (!before) return { result: notFound, audit: false };
      if (!(await teamsAreIn(tx, form.teamIds, form.organisationId)))
        return { result: { kind: "unknown_team" as const }, audit: false };
      const { version, teamIds, ...fields } = form;
      const [row] = await tx
        .update(staffAccount)
        .set({ ...fields, updatedAt: clock.now(), version: sql`${staffAccount.version} + 1` })
        .where(and(eq(staffAccount.id, id), eq(staffAccount.version, version)))
        .returning({ id: staffAccount.id });
      if (!row) return { result: stale(before), audit: false };
      await replaceMemberships(tx, clock, id, teamIds);
      const teamsChanged =
        JSON.stringify([...teamIds].sort()) !==
        JSON.stringify(before.teams.map((member) => member.id).sort());
      const after = (await findStaff(tx, id))!;
      const changed = [changedFields(before, fields), teamsChanged ? "teams" : ""].filter(Boolean).join(",");
      return {
        result: saved(after),
        subjectId: id,
        detail: { changed },
        audit: true,
      };
    },
  );
}

export type StatusOutcome =
  | { kind: "done"; invitation?: IssuedInvitation }
  | { kind: "not_found" }
  | { kind: "not_allowed"; why: MessageKey };

export type StatusChange = "deactivate" | "reactivate" | "reset_second_factor" | "reissue_invitation";

/**
 * Deactivating ends every session at once (an API token stops working because its owner is no
 * longer active); resetting the second factor makes the person enrol again at next sign-in.
 */
export async function changeStaffStatus(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  id: string,
  change: StatusChange,
  delivery: InvitationDelivery,
): Promise<StatusOutcome> {
  return auditedChange<StatusOutcome>(
    db,
    clock,
    request,
    { action: `staff.${change}`, subjectType: "staff" },
    async (tx) => {
      const [staff] = await tx.select().from(staffAccount).where(eq(staffAccount.id, id)).for("update");
      if (!staff) return { result: { kind: "not_found" as const }, audit: false };
      const refuse = (why: MessageKey) => ({ result: { kind: "not_allowed" as const, why }, audit: false });
      const bump = { updatedAt: clock.now(), version: sql`${staffAccount.version} + 1` };
      switch (change) {
        case "deactivate":
          if (id === request.actor.staffId) return refuse("validation.staff.notSelf");
          if (staff.status === "deactivated") return refuse("validation.staff.alreadyDeactivated");
          await tx
            .update(staffAccount)
            .set({ status: "deactivated", ...bump })
            .where(eq(staffAccount.id, id));
          await endAllSessionsOf(tx, id);
          break;
        case "reactivate":
          if (staff.status !== "deactivated") return refuse("validation.staff.notDeactivated");
          await tx
            .update(staffAccount)
            .set({ status: staff.passwordHash ? "active" : "invited", ...bump })
            .where(eq(staffAccount.id, id));
          break;
        case "reset_second_factor":
          if (!staff.mfaEnrolledAt) return refuse("validation.staff.noSecondFactor");
          await tx
            .update(staffAccount)
            .set({ mfaSecret: null, mfaEnrolledAt: null, mfaLastStep: null, ...bump })
            .where(eq(staffAccount.id, id));
          await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.staffId, id));
          await endAllSessionsOf(tx, id);
          // Removing someone's second factor is a change they must hear about, as when they make
          // it themselves (decision 46): if it was not asked for, they tell someone at once.
          await queueFactorChangeNotice(tx, clock, {
            organisationId: staff.organisationId,
            to: staff.email,
            change: "reset_by_administrator",
            audience: "staff",
          });
          break;
        case "reissue_invitation": {
          if (staff.status !== "invited") return refuse("validation.staff.notInvited");
          const invitation = await issueInvitation(tx, clock, staff, delivery);
          return { result: { kind: "done" as const, invitation }, subjectId: id, audit: true };
        }
      }
      return { result: { kind: "done" as const }, subjectId: id, audit: true };
    },
  );
}
