import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { withSystemAccess } from "../../../platform/access/system";
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db";
import { staffAccount, teamMembership } from "../../../platform/directory/schema";
import { participant } from "../../participants/schema";
import type { RaisedAlert } from "../rules/evaluation";
import { queueAlertEmails } from "./notifications";
import { participantAlert } from "./schema";

/**
 * Urgent alerts nobody has acknowledged in time go to the team leaders of the person's team as
 * well: a safety alert is never left with one person who is away.
 */
export async function escalateUrgentAlerts(
  db: Database,
  clock: Clock,
  afterMinutes: number,
): Promise<RaisedAlert[]> {
  const now = clock.now();
  const due = await db
    .select({
      id: participantAlert.id,
      participantId: participantAlert.participantId,
      organisationId: participantAlert.organisationId,
      routedTo: participantAlert.routedTo,
      teamId: participant.teamId,
    })
    .from(participantAlert)
    .innerJoin(participant, eq(participant.id, participantAlert.participantId))
    .where(
      and(
        eq(participantAlert.status, "open"),
        eq(participantAlert.severity, "urgent"),
        isNull(participantAlert.escalatedAt),
        lt(participantAlert.raisedAt, new Date(now.getTime() - afterMinutes * 60_000)),
      ),
    )
    .limit(500);
  if (due.length === 0) return [];
  return withSystemAccess(db, clock, { what: "alert_escalation", organisationId: null }, async (tx) => {
    const teamIds = [...new Set(due.map((alert) => alert.teamId))];
    const leaders = await tx
      .selectDistinct({ staffId: staffAccount.id, teamId: teamMembership.teamId })
      .from(staffAccount)
      .innerJoin(teamMembership, eq(teamMembership.staffId, staffAccount.id))
      .where(
        and(
          inArray(teamMembership.teamId, teamIds),
          eq(staffAccount.role, "team_leader"),
          eq(staffAccount.status, "active"),
        ),
      );
    const escalated: RaisedAlert[] = [];
    for (const alert of due) {
      const added = leaders
        .filter((leader) => leader.teamId === alert.teamId && !alert.routedTo.includes(leader.staffId))
        .map((leader) => leader.staffId);
      // Guarded on escalated_at so two nodes never escalate (and email) the same alert twice.
      const [updated] = await tx
        .update(participantAlert)
        .set({
          escalatedAt: now,
          routedTo: [...alert.routedTo, ...added],
          version: sql`${participantAlert.version} + 1`,
        })
        .where(and(eq(participantAlert.id, alert.id), isNull(participantAlert.escalatedAt)))
        .returning({ id: participantAlert.id });
      if (updated) escalated.push({ ...alert, routedTo: added });
    }
    await queueAlertEmails(tx, clock, escalated, "escalated");
    return { result: escalated, participantIds: escalated.map((alert) => alert.participantId) };
  });
}
