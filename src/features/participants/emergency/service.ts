import { and, eq, isNull } from "drizzle-orm";
import type { ParticipantList } from "../../../platform/access/door";
import type { Actor } from "../../../platform/access/policy";
import { recordAuditEvent } from "../../../platform/audit/service";
import type { Clock } from "../../../platform/clock";
import type { Database } from "../../../platform/db";
import { team } from "../../../platform/directory/schema";
import { announce } from "../../../platform/record-events";
import { normaliseName } from "../duplicates/rules";
import { emergencyAccessGrant, participant } from "../schema";

/**
 * Break-glass: grants this person time-limited access to one record, with their reason. The grant
 * and its audit event are written together; the open that follows is marked "emergency" in the
 * access log. The record must be in the person's own organisation.
 */
export async function grantEmergencyAccess(
  db: Database,
  clock: Clock,
  actor: Actor,
  participantId: string,
  reason: string,
  ipAddress: string,
  minutes: number,
): Promise<{ kind: "granted"; expiresAt: Date } | { kind: "not_found" }> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: participant.id, organisationId: participant.organisationId, teamId: participant.teamId })
      .from(participant)
      .where(and(eq(participant.id, participantId), eq(participant.organisationId, actor.organisationId)));
    if (!target) return { kind: "not_found" as const };
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    const [grant] = await tx
      .insert(emergencyAccessGrant)
      .values({
        organisationId: target.organisationId,
        participantId,
        staffId: actor.staffId,
        reason,
        grantedAt: now,
        expiresAt,
      })
      .returning({ id: emergencyAccessGrant.id });
    await announce({ tx, organisationId: target.organisationId, participantId }, "emergency_access_granted", {
      grantId: grant!.id,
      teamId: target.teamId,
      now,
    });
    await recordAuditEvent(tx, clock, {
      actor: { id: actor.staffId, role: actor.role },
      action: "participant.emergency_access",
      subject: { type: "participant", id: participantId },
      organisationId: target.organisationId,
      ipAddress,
      outcome: "succeeded",
      // The reason is in the person's words about a participant, so it stays with the grant, behind
      // the door, and reaches the record's access log from there; admins read the audit trail and
      // must not read it (decision 61).
      detail: { teamId: target.teamId, minutes, grantId: grant!.id },
    });
    return { kind: "granted" as const, expiresAt };
  });
}

export type EmergencySearch = {
  nhsNumber?: string;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
};

/** Exact matches only: an NHS number, or full name and date of birth. Nothing partial is ever listed. */
export async function emergencySearch(list: ParticipantList, search: EmergencySearch) {
  if (list.reach.kind !== "emergency_search") return { result: [], shownIds: [] };
  const { organisationId } = list.reach;
  const byNumber = Boolean(search.nhsNumber);
  const byName = Boolean(search.givenName && search.familyName && search.dateOfBirth);
  if (!byNumber && !byName) return { result: [], shownIds: [] };
  const rows = await list.tx
    .select({
      id: participant.id,
      givenName: participant.givenName,
      familyName: participant.familyName,
      dateOfBirth: participant.dateOfBirth,
      nhsNumber: participant.nhsNumber,
      teamName: team.name,
    })
    .from(participant)
    .innerJoin(team, eq(team.id, participant.teamId))
    .where(
      and(
        eq(participant.organisationId, organisationId),
        isNull(participant.mergedIntoId),
        byNumber
          ? eq(participant.nhsNumber, search.nhsNumber!)
          : eq(participant.dateOfBirth, search.dateOfBirth!),
      ),
    )
    .limit(20);
  const matches = byNumber
    ? rows
    : rows.filter(
        (row) =>
          normaliseName(row.givenName) === normaliseName(search.givenName!) &&
          normaliseName(row.familyName) === normaliseName(search.familyName!),
      );
  return { result: matches, shownIds: matches.map((row) => row.id) };
}
