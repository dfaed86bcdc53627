import { type SQL, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../../platform/access/door";
import type { Clock } from "../../../platform/clock";
import { rowsOf } from "../../../platform/db";
import { possibleDuplicatesOf } from "../referrals/service";
import type { ParticipantStage } from "../schema";
import type { DuplicateReason } from "./rules";

// Merging a record flagged as a possible duplicate into the record kept for the same person
// (decision 63). Every table that points at a participant is named here, beside the schema, by
// its database name, so this feature needs no other feature's schema; the coverage test
// (test/integration/merge-participants.test.ts) fails when a table with a participant column is
// added to the database and not to this list.

/** Tables whose rows simply move to the kept record. */
export const movedTables = [
  "appointment",
  "assessment_response",
  "check_in",
  "consent_record",
  "contact",
  "contact_addendum",
  "contingency_activation",
  "emergency_access_grant",
  "employer_contact",
  "employer_disclosure",
  "job",
  "job_application",
  "participant_alert",
  "participant_invitation",
  "plan_action",
  "plan_goal",
  "plan_support_referral",
  "plan_warning_sign",
  "referral",
  "referral_contact_attempt",
  "return_to_work_plan",
  "sickness_absence",
  "support_plan_version",
] as const;

/**
 * Tables that hold one row per person (a unique index on participant_id, or one active row by
 * rule): when both records have one, which survives is a judgement nobody can make here, so the
 * merge is refused and nothing is written.
 */
export const onePerPersonTables = [
  { table: "support_plan", where: null },
  { table: "vocational_profile", where: null },
  { table: "capability_assessment", where: null },
  { table: "participant_account", where: null },
  { table: "follow_along", where: "status = 'active'" },
] as const;
export type OnePerPersonTable = (typeof onePerPersonTables)[number]["table"];

/** Handled on their own: the care team (one active row per member) and judged pairs. */
export const specialTables = ["care_team_member", "participant_not_duplicate"] as const;

/** Every kind of row a record can hold, in the order the comparison lists them. */
export const heldTables = [
  ...movedTables,
  ...onePerPersonTables.map((one) => one.table),
  "care_team_member",
] as const;
export type HeldTable = (typeof heldTables)[number];

export type MergeOutcome =
  | { kind: "merged"; moved: Record<string, number>; keptId: string }
  | { kind: "not_flagged" }
  | { kind: "both_have"; tables: OnePerPersonTable[] };

const column = (table: string) => sql.identifier(table);

async function countOf(record: ParticipantRecord, table: string, where: string | null = null) {
  const [row] = await rowsOf<{ n: number }>(
    record.tx,
    sql`select count(*)::int as n from ${column(table)} where participant_id = ${record.participantId}
      ${where ? sql.raw(`and ${where}`) : sql``}`,
  );
  return Number(row?.n ?? 0);
}

/** What a record holds, table by table, leaving out what it has none of (the comparison page). */
export async function rowsHeld(record: ParticipantRecord): Promise<Partial<Record<HeldTable, number>>> {
  const counts: Partial<Record<HeldTable, number>> = {};
  for (const table of heldTables) {
    const n = await countOf(record, table);
    if (n > 0) counts[table] = n;
  }
  return counts;
}

/** One side of the comparison: who the record says this is, where it is, and what it holds. */
export type MergeSide = {
  participantId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string | null;
  stage: ParticipantStage;
  teamName: string;
  createdAt: Date;
  held: Partial<Record<HeldTable, number>>;
};

async function sideOf(record: ParticipantRecord): Promise<MergeSide> {
  const [row] = await rowsOf<Omit<MergeSide, "held" | "createdAt"> & { createdAt: string | Date }>(
    record.tx,
    sql`select p.id as "participantId", p.given_name as "givenName", p.family_name as "familyName",
        p.date_of_birth::text as "dateOfBirth", p.nhs_number as "nhsNumber", p.stage,
        t.name as "teamName", p.created_at as "createdAt"
      from participant p join team t on t.id = p.team_id where p.id = ${record.participantId}`,
  );
  if (!row) throw new Error("participant vanished inside its own transaction");
  return { ...row, createdAt: new Date(row.createdAt), held: await rowsHeld(record) };
}

/**
 * The two records side by side, for the person deciding: both opened through the door, `this`
 * first. Undefined when the pair is no longer flagged (merged, judged different, details changed).
 */
export async function mergeComparison(
  self: ParticipantRecord,
  other: ParticipantRecord,
): Promise<{ reason: DuplicateReason; self: MergeSide; other: MergeSide } | undefined> {
  const match = (await possibleDuplicatesOf(self)).find((m) => m.participantId === other.participantId);
  if (!match) return undefined;
  return { reason: match.reason, self: await sideOf(self), other: await sideOf(other) };
}

/**
 * Moves everything from `duplicate` to `kept`, both opened through the door in one transaction.
 * Refused, writing nothing, unless the duplicate rule flags this pair now, or when both have a
 * one-per-person row. The duplicate's participant row stays, marked merged and closed.
 */
export async function mergeRecords(
  kept: ParticipantRecord,
  duplicate: ParticipantRecord,
  clock: Clock,
): Promise<MergeOutcome> {
  const { tx } = kept;
  // Both rows locked, in one order, so two merges of one pair cannot cross.
  const locked = await rowsOf<{ id: string; merged_into_id: string | null }>(
    tx,
    sql`select id, merged_into_id from participant
      where id in (${kept.participantId}, ${duplicate.participantId}) order by id for update`,
  );
  if (
    locked.length !== 2 ||
    locked.some((row) => row.merged_into_id) ||
    kept.participantId === duplicate.participantId
  )
    return { kind: "not_flagged" };
  // The same check that raises the flag, from the duplicate's side.
  const flagged = await possibleDuplicatesOf(duplicate);
  if (!flagged.some((match) => match.participantId === kept.participantId)) return { kind: "not_flagged" };

  const clashes: OnePerPersonTable[] = [];
  for (const { table, where } of onePerPersonTables) {
    if ((await countOf(kept, table, where)) > 0 && (await countOf(duplicate, table, where)) > 0)
      clashes.push(table);
  }
  if (clashes.length > 0) return { kind: "both_have", tables: clashes };

  const now = clock.now();
  const moved: Record<string, number> = {};
  const move = async (table: string, extra: SQL = sql``) => {
    const rows = await rowsOf<{ id: unknown }>(
      tx,
      sql`update ${column(table)} set participant_id = ${kept.participantId}
        where participant_id = ${duplicate.participantId} ${extra} returning 1 as id`,
    );
    if (rows.length > 0) moved[table] = (moved[table] ?? 0) + rows.length;
  };
  // A member on both care teams stays once: their place on the duplicate's team ends first.
  await tx.execute(sql`update care_team_member set removed_at = ${now.toISOString()}
    where participant_id = ${duplicate.participantId} and removed_at is null
      and staff_id in (select staff_id from care_team_member
        where participant_id = ${kept.participantId} and removed_at is null)`);
  await move("care_team_member");
  for (const table of movedTables) await move(table);
  for (const { table } of onePerPersonTables) await move(table);

  // Pairs judged "not the same person" with the duplicate now speak for the kept record.
  const judged = await rowsOf<{ id: unknown }>(
    tx,
    sql`with gone as (
        delete from participant_not_duplicate
        where participant_id = ${duplicate.participantId} or other_participant_id = ${duplicate.participantId}
        returning organisation_id, recorded_by, recorded_at,
          case when participant_id = ${duplicate.participantId} then other_participant_id
            else participant_id end as other),
      kept as (
        insert into participant_not_duplicate
          (organisation_id, participant_id, other_participant_id, recorded_by, recorded_at)
        select organisation_id, least(${kept.participantId}::uuid, other), greatest(${kept.participantId}::uuid, other),
          recorded_by, recorded_at
        from gone where other <> ${kept.participantId}::uuid
        on conflict do nothing)
      select 1 as id from gone`,
  );
  if (judged.length > 0) moved.participant_not_duplicate = judged.length;

  await tx.execute(sql`update participant set merged_into_id = ${kept.participantId},
      merged_at = ${now.toISOString()}, merged_by = ${kept.actor.staffId}, stage = 'closed',
      closed_reason = 'merged_into_another_record', stage_before_pause = null, updated_at = ${now.toISOString()},
      version = version + 1
    where id = ${duplicate.participantId}`);
  await tx.execute(sql`update participant set updated_at = ${now.toISOString()}, version = version + 1
    where id = ${kept.participantId}`);
  return { kind: "merged", moved, keptId: kept.participantId };
}
