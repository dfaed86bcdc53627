import { and, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../platform/access/door";
import { onRecord } from "../../platform/access/on-record";
import type { Actor, HealthInformationKind, ParticipantAccessFacts } from "../../platform/access/policy";
import type { Clock } from "../../platform/clock";
import { type Executor, preparedRowsOf, type Transaction } from "../../platform/db";
import type { Translator } from "../../platform/web/i18n";
import type { ParticipantBanner } from "../../platform/web/participant-header";
import { makeStageMove, type StageScope } from "./record/stage-moves";
import { stageLabel } from "./record/stages";
import { formatNhsNumber } from "./referrals/nhs-number";

// What other features may use from participants; they import this file (and schema.ts) only. Each
// part lives in its sub-folder: referrals, the record, consent, the care team, emergency access,
// the caseload and possible duplicates.

export { careTeam } from "./care-team/service";
/** Consent, as other features ask it (may the employer be contacted?) and as the person gives it. */
export {
  type ConsentEntry,
  consentGiven,
  consentHistory,
  currentConsents,
  recordConsent,
} from "./consent/service";
/** The person's details and their own moves on the record, for their own pages (portal). */
export { changeParticipation, type ParticipantDetails, participantDetails } from "./record/service";
export { checkStageMove, makeStageMove, type StageScope, stageMovesOffered } from "./record/stage-moves";
export {
  caseloadStages,
  decideStageMove,
  movesOffered,
  type RecordMove,
  type StageDecision,
  type StageMove,
  stageLabel,
} from "./record/stages";
/** The journey's own steps (referrals, first contact, consent, care team) on the timeline. */
export { timelineEntries } from "./record/timeline";
/** For the demo seeding and the bench's generated service: a valid NHS number's last digit. */
export { nhsNumberCheckDigit } from "./referrals/nhs-number";

import {
  type CareTeamRole,
  careTeamMember,
  consentRecord,
  emergencyAccessGrant,
  type ParticipantStage,
  participant,
  referral,
} from "./schema";

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
    // One statement for every fact: this runs before each read or write of a record.
    const [row] = await preparedRowsOf<{
      id: string;
      organisation_id: string;
      team_id: string;
      stage: ParticipantStage;
      care_team: string[] | null;
      emergency_grant: boolean;
      sharing: { decision: string; scope: HealthInformationKind[] } | null;
      merged_into_id: string | null;
    }>(
      tx,
      // A merged-away record answers with the kept record's facts (decision 63): exactly the
      // people the kept record admits learn where it went.
      sql`select stub.id, stub.merged_into_id, p.organisation_id, p.team_id, p.stage,
          (select array_agg(member.staff_id) from ${careTeamMember} member
            where member.participant_id = p.id and member.removed_at is null) as care_team,
          exists (select 1 from ${emergencyAccessGrant} grant_row
            where grant_row.participant_id = p.id and grant_row.staff_id = ${actor.staffId}
              and grant_row.expires_at > ${clock.now().toISOString()}) as emergency_grant,
          (select json_build_object('decision', consent.decision, 'scope', consent.scope) from ${consentRecord} consent
            where consent.participant_id = p.id and consent.purpose = 'share_health_information'
            order by consent.recorded_at desc, consent.id desc limit 1) as sharing
        from ${participant} stub join ${participant} p on p.id = coalesce(stub.merged_into_id, stub.id)
        where stub.id = ${participantId}`,
    );
    if (!row) return undefined;
    return {
      participantId: row.id,
      organisationId: row.organisation_id,
      teamId: row.team_id,
      careTeamStaffIds: row.care_team ?? [],
      emergencyGrantActive: Boolean(row.emergency_grant),
      referralOpen: row.stage === "referred",
      sharedHealthInformation: row.sharing?.decision === "given" ? row.sharing.scope : [],
      ...(row.merged_into_id ? { mergedIntoId: row.merged_into_id } : {}),
    };
  };
}

/** What the participant's own door needs: which organisation the record is in now. */
export async function ownRecordFacts(tx: Transaction, participantId: string) {
  const [row] = await tx
    .select({ participantId: participant.id, organisationId: participant.organisationId })
    .from(participant)
    .where(eq(participant.id, participantId));
  return row;
}

export async function participantSummary(record: ParticipantRecord) {
  // The care team rides along as JSON: one round trip for the whole summary. The participant's id
  // is written out because inside a select list drizzle leaves column names unqualified.
  const [row] = await record.tx
    .select({
      ...getTableColumns(participant),
      careTeam: sql<{ staffId: string; careTeamRole: CareTeamRole; responsibility: string }[]>`(
        select coalesce(json_agg(json_build_object('staffId', member.staff_id,
          'careTeamRole', member.care_team_role, 'responsibility', member.responsibility)
          order by member.added_at, member.id), '[]'::json)
        from ${careTeamMember} member
        where member.participant_id = "participant"."id" and member.removed_at is null)`,
    })
    .from(participant)
    .where(eq(participant.id, record.participantId))
    // Prepared once per connection (see preparedRowsOf): a key look-up every API read makes.
    .prepare("tandem_participant_summary")
    .execute();
  return row;
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
  return {
    ...row,
    nhsNumber: row.nhsNumber ? formatNhsNumber(row.nhsNumber) : null,
    stageLabel: stageLabel(t, row.stage),
  };
}

/**
 * The person has started work: their stage becomes "in work", if the stage model allows it from
 * where they are (job start, decision 59). Follow-along support in the monitoring feature calls
 * this; the employment feature asks `checkStageMove` first, before writing anything.
 */
export async function moveIntoWork(record: StageScope, now: Date) {
  return (await makeStageMove(record, "start_job", now)).ok;
}

/**
 * The person's last job has ended: from "in work" back to looking for work (or, while paused,
 * support resumes to looking for work). Returns whether the stage changed.
 */
export async function moveBackToJobSeeking(record: StageScope, now: Date) {
  const moved = await makeStageMove(record, "end_last_job", now);
  return moved.ok && moved.stage === "job_seeking";
}

/** Where the person is in their journey now. */
export async function participantStage(record: { tx: Executor; participantId: string }) {
  const [row] = await record.tx
    .select({ stage: participant.stage })
    .from(participant)
    .where(eq(participant.id, record.participantId));
  return row?.stage;
}

/**
 * Starting the vocational profile is the moment a person becomes engaged (domain.md, section 0):
 * the IPS episode starts, a referred person moves on to "engaged", and the open referral ends as
 * engaged. Idempotent: once engaged, a later call changes nothing.
 */
export async function recordEngagement(record: ParticipantRecord, now: Date): Promise<void> {
  // The profile's start is the fact; the stage follows only from a referral (the model says so).
  await makeStageMove(record, "engage", now);
  await record.tx
    .update(participant)
    .set({ engagedAt: now, updatedAt: now, version: sql`${participant.version} + 1` })
    .where(and(eq(participant.id, record.participantId), isNull(participant.engagedAt)));
  await record.tx
    .update(referral)
    .set({
      status: "engaged",
      closedAt: now,
      closedBy: record.actor.staffId,
      version: sql`${referral.version} + 1`,
    })
    .where(onRecord(record, referral, eq(referral.status, "open")));
}
