import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../platform/access/door";
import type { Actor, ParticipantAccessFacts } from "../../platform/access/policy";
import type { Clock } from "../../platform/clock";
import type { Transaction } from "../../platform/db";
import type { Translator } from "../../platform/web/i18n";
import type { ParticipantBanner } from "../../platform/web/participant-header";
import { careTeamMember, consentRecord, emergencyAccessGrant, participant, referral } from "./schema";

/**
 * Read live on every open, so a change to the care team, a withdrawn consent or an expired
 * emergency grant takes effect on the very next request.
 */
export function participantAccessFactsLoader(clock: Clock) {
  return async (
    tx: Transaction,
    actor: Actor,
    participantId: string,
  ): Promise<ParticipantAccessFacts | undefined> => {
    const [row] = await tx
      .select({
        id: participant.id,
        organisationId: participant.organisationId,
        teamId: participant.teamId,
        stage: participant.stage,
      })
      .from(participant)
      .where(eq(participant.id, participantId))
      .limit(1);
    if (!row) return undefined;
    const [members, [grant], [sharing]] = await Promise.all([
      tx
        .select({ staffId: careTeamMember.staffId })
        .from(careTeamMember)
        .where(and(eq(careTeamMember.participantId, participantId), isNull(careTeamMember.removedAt))),
      tx
        .select({ id: emergencyAccessGrant.id })
        .from(emergencyAccessGrant)
        .where(
          and(
            eq(emergencyAccessGrant.participantId, participantId),
            eq(emergencyAccessGrant.staffId, actor.staffId),
            gt(emergencyAccessGrant.expiresAt, clock.now()),
          ),
        )
        .limit(1),
      tx
        .select({ decision: consentRecord.decision, scope: consentRecord.scope })
        .from(consentRecord)
        .where(
          and(
            eq(consentRecord.participantId, participantId),
            eq(consentRecord.purpose, "share_health_information"),
          ),
        )
        .orderBy(desc(consentRecord.recordedAt), desc(consentRecord.id))
        .limit(1),
    ]);
    return {
      participantId: row.id,
      organisationId: row.organisationId,
      teamId: row.teamId,
      careTeamStaffIds: members.map((member) => member.staffId),
      emergencyGrantActive: Boolean(grant),
      referralOpen: row.stage === "referred",
      sharedHealthInformation: sharing?.decision === "given" ? sharing.scope : [],
    };
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

/** Who the record is about, for the header on every tab of the record. */
export async function participantBanner(
  record: ParticipantRecord,
  t: Translator,
): Promise<ParticipantBanner> {
  const [row] = await record.tx
    .select({
      id: participant.id,
      givenName: participant.givenName,
      familyName: participant.familyName,
      dateOfBirth: participant.dateOfBirth,
      nhsNumber: participant.nhsNumber,
      stage: participant.stage,
    })
    .from(participant)
    .where(eq(participant.id, record.participantId));
  if (!row) throw new Error("participant vanished inside its own transaction");
  return { ...row, stageLabel: t.t(`participant.stage.${row.stage}`) };
}

/**
 * Starting the vocational profile is the moment a person becomes engaged (domain.md, section 0):
 * the IPS episode starts, a referred person moves on to "engaged", and the open referral ends as
 * engaged. Idempotent: once engaged, a later call changes nothing.
 */
export async function recordEngagement(record: ParticipantRecord, now: Date): Promise<void> {
  await record.tx
    .update(participant)
    .set({
      engagedAt: now,
      stage: sql`case when ${participant.stage} = 'referred' then 'engaged' else ${participant.stage} end`,
      updatedAt: now,
      version: sql`${participant.version} + 1`,
    })
    .where(and(eq(participant.id, record.participantId), isNull(participant.engagedAt)));
  await record.tx
    .update(referral)
    .set({
      status: "engaged",
      closedAt: now,
      closedBy: record.actor.staffId,
      version: sql`${referral.version} + 1`,
    })
    .where(and(eq(referral.participantId, record.participantId), eq(referral.status, "open")));
}
