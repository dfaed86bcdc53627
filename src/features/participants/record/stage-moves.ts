import { and, eq, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../../platform/access/door";
import type { Executor } from "../../../platform/db";
import { participant } from "../schema";
import {
  decideStageMove,
  movesOffered,
  type RecordMove,
  type StageDecision,
  type StageFacts,
  type StageMove,
  type StageMover,
  staffMover,
} from "./stages";

// Reading a person's stage facts and writing what the stage model decides: the only code that sets
// `participant.stage` after a referral is created (decision 59).

/**
 * Whatever opened the record: a member of staff through the door (actor and basis), the person
 * on their own pages (basis "self"), or the service itself (neither, e.g. the demo seed).
 */
export type StageScope = {
  tx: Executor;
  participantId: string;
  basis?: ParticipantRecord["basis"] | "self";
  actor?: Pick<ParticipantRecord["actor"], "role">;
};

export function moverOf(record: StageScope): StageMover {
  if (record.basis === "self") return "participant";
  if (record.actor && record.basis) return staffMover(record.actor.role, record.basis);
  return "service";
}

/** The stage, where a pause returns to, the consent to take part in force, and the row's version. */
export async function stageFacts(
  tx: Executor,
  participantId: string,
): Promise<(StageFacts & { version: number; closedReason: string | null }) | undefined> {
  const [row] = await tx
    .select({
      stage: participant.stage,
      stageBeforePause: participant.stageBeforePause,
      closedReason: participant.closedReason,
      version: participant.version,
      // Written out with an alias: inside a select list drizzle leaves column names unqualified.
      consentToTakePart: sql<StageFacts["consentToTakePart"]>`(
        select consent.decision from consent_record consent
        where consent.participant_id = "participant"."id" and consent.purpose = 'employment_support'
        order by consent.recorded_at desc, consent.id desc limit 1)`,
    })
    .from(participant)
    .where(eq(participant.id, participantId));
  return row;
}

/** Would the model allow this move now? Asked before anything else is written (a job start). */
export async function checkStageMove(record: StageScope, move: StageMove): Promise<StageDecision> {
  const facts = await stageFacts(record.tx, record.participantId);
  if (!facts) throw new Error("participant vanished inside its own transaction");
  return decideStageMove(facts, move, moverOf(record));
}

/** The moves this person may make on the record now: the buttons the record or the person's pages show. */
export async function stageMovesOffered(record: StageScope): Promise<RecordMove[]> {
  const facts = await stageFacts(record.tx, record.participantId);
  return facts ? movesOffered(facts, moverOf(record)) : [];
}

export type StageMoveResult = StageDecision | { ok: false; refusal: "stale" };

export type StageMoveOptions = {
  /** The version the person's form was based on: a stale form changes nothing. */
  basedOn?: number;
  /** Why support closed, for the moves that close it. */
  closedReason?: string;
};

/**
 * Makes the move if the model allows it, against the version just read (or the form's), so a move
 * racing another change is refused as stale rather than applied to a stage nobody saw.
 */
export async function makeStageMove(
  record: StageScope,
  move: StageMove,
  now: Date,
  options: StageMoveOptions = {},
): Promise<StageMoveResult> {
  const facts = await stageFacts(record.tx, record.participantId);
  if (!facts) throw new Error("participant vanished inside its own transaction");
  if (options.basedOn !== undefined && options.basedOn !== facts.version)
    return { ok: false, refusal: "stale" };
  const decision = decideStageMove(facts, move, moverOf(record));
  if (!decision.ok) return decision;
  const closedReason =
    decision.stage === "closed"
      ? (options.closedReason ?? facts.closedReason)
      : move === "re_refer"
        ? null
        : facts.closedReason;
  const moved = await record.tx
    .update(participant)
    .set({
      stage: decision.stage,
      stageBeforePause: decision.stageBeforePause,
      closedReason,
      updatedAt: now,
      version: sql`${participant.version} + 1`,
    })
    .where(and(eq(participant.id, record.participantId), eq(participant.version, facts.version)))
    .returning({ id: participant.id });
  return moved.length > 0 ? decision : { ok: false, refusal: "stale" };
}
