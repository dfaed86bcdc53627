import { and, asc, count, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { ParticipantList, ParticipantRecord } from "../../../platform/access/door";
import { onRecord } from "../../../platform/access/on-record";
import type { Clock } from "../../../platform/clock";
import { staffAccount, team } from "../../../platform/directory/schema";
import { duplicateReason } from "../duplicates/rules";
import { checkStageMove, makeStageMove } from "../record/stage-moves";
import {
  careTeamMember,
  participant,
  participantNotDuplicate,
  referral,
  referralContactAttempt,
} from "../schema";

// Working a referral once it has arrived: the team's queue, first-contact attempts, taking it
// on, and how it ends.

/** IPS: a referral may end as "not reached" only after this many recorded attempts. */
export const NOT_REACHED_MINIMUM_ATTEMPTS = 3;

export const daysBetween = (from: Date, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));

export type ReferralQueueRow = {
  participantId: string;
  referralId: string;
  givenName: string;
  familyName: string;
  source: (typeof referral.$inferSelect)["source"];
  receivedAt: Date;
  attempts: number;
  possibleDuplicate: boolean;
};

const PAGE_SIZE = 25;

/** Open referrals to the teams this person works in, longest waiting first. */
export async function referralQueue(list: ParticipantList, page: number) {
  const teamIds =
    list.reach.kind === "team"
      ? list.reach.teamIds
      : list.reach.kind === "care_team"
        ? list.reach.referralTeamIds
        : [];
  if (teamIds.length === 0)
    return { result: { rows: [] as ReferralQueueRow[], total: 0, page: 1, pageCount: 1 }, shownIds: [] };
  // Written out with aliases: inside a select list drizzle leaves column names unqualified.
  const duplicateExists = sql<boolean>`exists (
    select 1 from participant other
    where other.organisation_id = "participant"."organisation_id" and other.id <> "participant"."id"
      and other.merged_into_id is null
      and ((other.nhs_number is not null and other.nhs_number = "participant"."nhs_number")
        or (other.date_of_birth = "participant"."date_of_birth"
          and lower(other.family_name) = lower("participant"."family_name")
          and lower(other.given_name) = lower("participant"."given_name")))
      and not exists (
        select 1 from participant_not_duplicate judged
        where judged.participant_id = least(other.id, "participant"."id")
          and judged.other_participant_id = greatest(other.id, "participant"."id")))`;
  const where = and(eq(referral.status, "open"), inArray(referral.teamId, [...teamIds]));
  const [{ total } = { total: 0 }] = await list.tx.select({ total: count() }).from(referral).where(where);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const rows = await list.tx
    .select({
      participantId: participant.id,
      referralId: referral.id,
      givenName: participant.givenName,
      familyName: participant.familyName,
      source: referral.source,
      receivedAt: referral.receivedAt,
      attempts: sql<number>`(select count(*)::int from referral_contact_attempt attempt where attempt.referral_id = "referral"."id")`,
      possibleDuplicate: duplicateExists,
    })
    .from(referral)
    .innerJoin(participant, eq(participant.id, referral.participantId))
    .where(where)
    .orderBy(asc(referral.receivedAt), asc(referral.id))
    .limit(PAGE_SIZE)
    .offset((current - 1) * PAGE_SIZE);
  return {
    result: {
      rows: rows.map((row) => ({
        ...row,
        attempts: Number(row.attempts),
        possibleDuplicate: Boolean(row.possibleDuplicate),
      })),
      total,
      page: current,
      pageCount,
    },
    shownIds: rows.map((row) => row.participantId),
  };
}

/** The participant's latest referral, its attempts and whether it may be a duplicate. */
export async function referralDetails(record: ParticipantRecord) {
  const [latest] = await record.tx
    .select({
      id: referral.id,
      source: referral.source,
      referrerName: referral.referrerName,
      referrerOrganisation: referral.referrerOrganisation,
      receivedAt: referral.receivedAt,
      status: referral.status,
      closedAt: referral.closedAt,
      closingNote: referral.closingNote,
      version: referral.version,
      teamName: team.name,
    })
    .from(referral)
    .innerJoin(team, eq(team.id, referral.teamId))
    .where(onRecord(record, referral))
    .orderBy(sql`${referral.receivedAt} desc`, sql`${referral.id} desc`)
    .limit(1);
  if (!latest) return undefined;
  const attempts = await record.tx
    .select({
      id: referralContactAttempt.id,
      attemptedOn: referralContactAttempt.attemptedOn,
      method: referralContactAttempt.method,
      outcome: referralContactAttempt.outcome,
      note: referralContactAttempt.note,
      recordedByName: staffAccount.fullName,
    })
    .from(referralContactAttempt)
    .innerJoin(staffAccount, eq(staffAccount.id, referralContactAttempt.recordedBy))
    .where(eq(referralContactAttempt.referralId, latest.id))
    .orderBy(sql`${referralContactAttempt.attemptedOn} desc`, sql`${referralContactAttempt.recordedAt} desc`);
  const [match] = await possibleDuplicatesOf(record);
  return { ...latest, attempts, duplicate: match?.reason ?? null };
}

/**
 * The records in the organisation that may be this same person, by `duplicateReason`, less those
 * staff have already judged to be someone else.
 */
export async function possibleDuplicatesOf(record: ParticipantRecord) {
  const [self] = await record.tx
    .select({
      givenName: participant.givenName,
      familyName: participant.familyName,
      dateOfBirth: participant.dateOfBirth,
      nhsNumber: participant.nhsNumber,
    })
    .from(participant)
    .where(eq(participant.id, record.participantId));
  if (!self) return [];
  const others = await record.tx
    .select({
      id: participant.id,
      givenName: participant.givenName,
      familyName: participant.familyName,
      dateOfBirth: participant.dateOfBirth,
      nhsNumber: participant.nhsNumber,
    })
    .from(participant)
    .where(
      and(
        eq(participant.organisationId, record.organisationId),
        ne(participant.id, record.participantId),
        isNull(participant.mergedIntoId),
        or(
          self.nhsNumber ? eq(participant.nhsNumber, self.nhsNumber) : undefined,
          eq(participant.dateOfBirth, self.dateOfBirth),
        ),
        sql`not exists (
          select 1 from ${participantNotDuplicate} judged
          where judged.participant_id = least(${participant.id}, ${record.participantId}::uuid)
            and judged.other_participant_id = greatest(${participant.id}, ${record.participantId}::uuid))`,
      ),
    )
    .limit(50);
  return others.flatMap((other) => {
    const reason = duplicateReason(self, other);
    return reason ? [{ participantId: other.id, reason }] : [];
  });
}

/**
 * Staff have checked: this person is not the same as any record flagged as a possible duplicate.
 * Each pair is recorded (by whom, when), so neither record is flagged for the other again; the
 * door's audit event for this write says what was done. Returns how many pairs were recorded.
 */
export async function recordNotSamePerson(record: ParticipantRecord, clock: Clock): Promise<number> {
  const matches = await possibleDuplicatesOf(record);
  if (matches.length === 0) return 0;
  const now = clock.now();
  await record.tx
    .insert(participantNotDuplicate)
    .values(
      matches.map((match) => {
        const [first, second] = [record.participantId, match.participantId].sort();
        return {
          organisationId: record.organisationId,
          participantId: first!,
          otherParticipantId: second!,
          recordedBy: record.actor.staffId,
          recordedAt: now,
        };
      }),
    )
    .onConflictDoNothing();
  return matches.length;
}

export async function recordContactAttempt(
  record: ParticipantRecord,
  clock: Clock,
  form: {
    attemptedOn: string;
    method: (typeof referralContactAttempt.$inferInsert)["method"];
    outcome: (typeof referralContactAttempt.$inferInsert)["outcome"];
    note: string | null;
  },
): Promise<"saved" | "no_open_referral"> {
  const [open] = await record.tx
    .select({ id: referral.id })
    .from(referral)
    .where(onRecord(record, referral, eq(referral.status, "open")))
    .limit(1);
  if (!open) return "no_open_referral";
  await record.tx.insert(referralContactAttempt).values({
    organisationId: record.organisationId,
    participantId: record.participantId,
    referralId: open.id,
    ...form,
    recordedBy: record.actor.staffId,
    recordedAt: clock.now(),
  });
  return "saved";
}

/** The specialist takes the referral on: they join the care team as its lead. */
export async function takeOnReferral(record: ParticipantRecord, clock: Clock, responsibility: string) {
  const existing = await record.tx
    .select({ id: careTeamMember.id })
    .from(careTeamMember)
    .where(
      onRecord(
        record,
        careTeamMember,
        eq(careTeamMember.staffId, record.actor.staffId),
        sql`${careTeamMember.removedAt} is null`,
      ),
    );
  if (existing.length > 0) return "already";
  await record.tx.insert(careTeamMember).values({
    organisationId: record.organisationId,
    participantId: record.participantId,
    staffId: record.actor.staffId,
    careTeamRole: "lead_employment_specialist",
    responsibility,
    addedAt: clock.now(),
  });
  return "taken";
}

export type CloseReferralOutcome = "closed" | "not_open" | "stale" | "needs_attempts" | "not_allowed";

/** Ends an open referral as declined or not reached; engagement ends it through `recordEngagement`. */
export async function closeReferral(
  record: ParticipantRecord,
  clock: Clock,
  form: { status: "declined_by_person" | "not_reached"; closingNote: string | null; version: number },
): Promise<CloseReferralOutcome> {
  const [open] = await record.tx
    .select({ id: referral.id, version: referral.version })
    .from(referral)
    .where(onRecord(record, referral, eq(referral.status, "open")))
    .limit(1);
  if (!open) return "not_open";
  if (open.version !== form.version) return "stale";
  if (form.status === "not_reached") {
    const [{ attempts } = { attempts: 0 }] = await record.tx
      .select({ attempts: count() })
      .from(referralContactAttempt)
      .where(eq(referralContactAttempt.referralId, open.id));
    if (attempts < NOT_REACHED_MINIMUM_ATTEMPTS) return "needs_attempts";
  }
  // Asked before anything is written. A referral can be open beside a later stage (a linked
  // re-referral of someone still supported): that stage stays, only the referral ends.
  const move = await checkStageMove(record, "close_referral");
  if (!move.ok && move.refusal === "who") return "not_allowed";
  const now = clock.now();
  await record.tx
    .update(referral)
    .set({
      status: form.status,
      closedAt: now,
      closedBy: record.actor.staffId,
      closingNote: form.closingNote,
      version: open.version + 1,
    })
    .where(eq(referral.id, open.id));
  if (move.ok) await makeStageMove(record, "close_referral", now, { closedReason: form.status });
  return "closed";
}
