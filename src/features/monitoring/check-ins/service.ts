import { asc, count, desc, eq, gte } from "drizzle-orm";
import { onRecord } from "../../../platform/access/on-record";
import type { Executor } from "../../../platform/db";
import { staffAccount } from "../../../platform/directory/schema";
import { assessmentResponse } from "../../assessments/schema";
import { evaluateParticipant, type RaisedAlert } from "../rules/evaluation";
import type { CheckInAnswers } from "./form";
import { type CheckInSource, checkIn } from "./schema";

/** What a check-in is saved against: an open record, whether opened by staff or by the person. */
export type CheckInTarget = { tx: Executor; participantId: string; organisationId: string };

export const CHECK_INS_PAGE_SIZE = 20;
/** The trend charts cover the last 12 weeks: long enough to see a drift, short enough to read. */
export const TREND_DAYS = 84;

/**
 * Saves a check-in and evaluates the early-warning rules in the same transaction, so a check-in is
 * never stored without the alert it should raise.
 */
export async function saveCheckIn(
  target: CheckInTarget,
  answers: CheckInAnswers,
  by: { source: CheckInSource; staffId: string | null },
  now: Date,
): Promise<{ checkInId: string; raised: RaisedAlert[] }> {
  const [row] = await target.tx
    .insert(checkIn)
    .values({
      organisationId: target.organisationId,
      participantId: target.participantId,
      recordedAt: now,
      source: by.source,
      recordedBy: by.staffId,
      sleepHours: answers.sleepHours ?? null,
      bedtime: answers.bedtime ?? null,
      wakeTime: answers.wakeTime ?? null,
      mood: answers.mood ?? null,
      stress: answers.stress ?? null,
      energy: answers.energy ?? null,
      hoursWorked: answers.hoursWorked ?? null,
      howWorkIsGoing: answers.howWorkIsGoing ?? null,
    })
    .returning({ id: checkIn.id });
  const raised = await evaluateParticipant(target.tx, target, now);
  return { checkInId: row!.id, raised };
}

const listColumns = {
  id: checkIn.id,
  recordedAt: checkIn.recordedAt,
  source: checkIn.source,
  recordedByName: staffAccount.fullName,
  sleepHours: checkIn.sleepHours,
  bedtime: checkIn.bedtime,
  wakeTime: checkIn.wakeTime,
  mood: checkIn.mood,
  stress: checkIn.stress,
  energy: checkIn.energy,
  hoursWorked: checkIn.hoursWorked,
  howWorkIsGoing: checkIn.howWorkIsGoing,
};

/** One page of check-ins, newest first. */
export async function listCheckIns(target: CheckInTarget, page: number) {
  const mine = onRecord(target, checkIn);
  const [total] = await target.tx.select({ total: count() }).from(checkIn).where(mine);
  const rows = await target.tx
    .select(listColumns)
    .from(checkIn)
    .leftJoin(staffAccount, eq(staffAccount.id, checkIn.recordedBy))
    .where(mine)
    .orderBy(desc(checkIn.recordedAt), desc(checkIn.id))
    .limit(CHECK_INS_PAGE_SIZE)
    .offset((page - 1) * CHECK_INS_PAGE_SIZE);
  return { rows, total: total?.total ?? 0, page };
}
export type CheckInListRow = Awaited<ReturnType<typeof listCheckIns>>["rows"][number];

/** The check-ins of the last 12 weeks, oldest first, for the trend charts. */
export function recentCheckIns(target: CheckInTarget, now: Date) {
  return target.tx
    .select(listColumns)
    .from(checkIn)
    .leftJoin(staffAccount, eq(staffAccount.id, checkIn.recordedBy))
    .where(
      onRecord(target, checkIn, gte(checkIn.recordedAt, new Date(now.getTime() - TREND_DAYS * 86_400_000))),
    )
    .orderBy(asc(checkIn.recordedAt));
}

/** Every PHQ-9 and GAD-7 total, oldest first. Call only where the scores may be seen. */
export function scoreHistory(target: CheckInTarget, instrument: "phq9" | "gad7") {
  return target.tx
    .select({
      id: assessmentResponse.id,
      total: assessmentResponse.total,
      completedAt: assessmentResponse.completedAt,
    })
    .from(assessmentResponse)
    .where(onRecord(target, assessmentResponse, eq(assessmentResponse.instrument, instrument)))
    .orderBy(asc(assessmentResponse.completedAt));
}
