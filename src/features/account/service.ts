import { asc, eq } from "drizzle-orm";
import { unusedRecoveryCodeCount } from "../../platform/auth/service";
import type { Executor } from "../../platform/db";
import { organisation, staffAccount, team, teamMembership } from "../../platform/directory/schema";

/** Everything the account page shows about the signed-in person. */
export async function accountOverview(executor: Executor, staffId: string) {
  const [row] = await executor
    .select({ staff: staffAccount, organisationName: organisation.name })
    .from(staffAccount)
    .innerJoin(organisation, eq(organisation.id, staffAccount.organisationId))
    .where(eq(staffAccount.id, staffId));
  if (!row) return undefined;
  const teams = await executor
    .select({ name: team.name })
    .from(teamMembership)
    .innerJoin(team, eq(team.id, teamMembership.teamId))
    .where(eq(teamMembership.staffId, staffId))
    .orderBy(asc(team.name));
  return {
    fullName: row.staff.fullName,
    email: row.staff.email,
    role: row.staff.role,
    profession: row.staff.profession,
    organisationName: row.organisationName,
    teamNames: teams.map((membership) => membership.name),
    mfaEnrolledAt: row.staff.mfaEnrolledAt,
    recoveryCodesLeft: row.staff.mfaEnrolledAt ? await unusedRecoveryCodeCount(executor, staffId) : 0,
    lastSignInAt: row.staff.lastSignInAt,
  };
}
