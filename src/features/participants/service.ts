import { and, eq, isNull } from "drizzle-orm";
import type { ParticipantRecord } from "../../platform/access/door";
import type { ParticipantAccessFacts } from "../../platform/access/policy";
import type { Transaction } from "../../platform/db";
import { careTeamMember, participant } from "./schema";

/** Read live on every open, so a change to the care team takes effect on the next request. */
export async function loadParticipantAccessFacts(
  tx: Transaction,
  _actor: unknown,
  participantId: string,
): Promise<ParticipantAccessFacts | undefined> {
  const [row] = await tx
    .select({ id: participant.id, organisationId: participant.organisationId, teamId: participant.teamId })
    .from(participant)
    .where(eq(participant.id, participantId))
    .limit(1);
  if (!row) return undefined;
  const members = await tx
    .select({ staffId: careTeamMember.staffId })
    .from(careTeamMember)
    .where(and(eq(careTeamMember.participantId, participantId), isNull(careTeamMember.removedAt)));
  return {
    participantId: row.id,
    organisationId: row.organisationId,
    teamId: row.teamId,
    careTeamStaffIds: members.map((member) => member.staffId),
    // Emergency access grants arrive with the participant journey; none exist before then.
    emergencyGrantActive: false,
  };
}

export async function participantSummary(record: ParticipantRecord) {
  const [row] = await record.tx.select().from(participant).where(eq(participant.id, record.participantId));
  const careTeam = await record.tx
    .select({
      staffId: careTeamMember.staffId,
      careTeamRole: careTeamMember.careTeamRole,
      responsibility: careTeamMember.responsibility,
    })
    .from(careTeamMember)
    .where(and(eq(careTeamMember.participantId, record.participantId), isNull(careTeamMember.removedAt)));
  return row ? { ...row, careTeam } : undefined;
}
