import { and, eq } from "drizzle-orm";
import type { ParticipantRecord } from "../../../platform/access/door";
import type { RecordScope } from "../../../platform/access/own-record";
import type { Clock } from "../../../platform/clock";
import { team } from "../../../platform/directory/schema";
import { type Saved, type Stale, saved, stale } from "../../../platform/outcome";
import { participant } from "../schema";
import { makeStageMove, type StageMoveResult, type StageScope } from "./stage-moves";
import type { RecordMove } from "./stages";

export type ParticipantDetails = typeof participant.$inferSelect & { teamName: string };

export async function participantDetails(record: RecordScope): Promise<ParticipantDetails> {
  const [row] = await record.tx
    .select({ participant, teamName: team.name })
    .from(participant)
    .innerJoin(team, eq(team.id, participant.teamId))
    .where(eq(participant.id, record.participantId));
  if (!row) throw new Error("participant vanished inside its own transaction");
  return { ...row.participant, teamName: row.teamName };
}

type DetailsUpdate = Pick<
  typeof participant.$inferInsert,
  | "givenName"
  | "familyName"
  | "dateOfBirth"
  | "nhsNumber"
  | "phone"
  | "email"
  | "address"
  | "preferredLanguage"
  | "preferredContactMethod"
  | "workSituation"
  | "employerName"
  | "absenceStartDate"
  | "hopes"
> & { version: number };

/** Saves personal details if nobody saved since the form was opened; otherwise returns what they saved. */
export async function updateParticipantDetails(
  record: ParticipantRecord,
  clock: Clock,
  form: DetailsUpdate,
): Promise<Saved<undefined> | Stale<ParticipantDetails>> {
  const { version, ...values } = form;
  const offSick = values.workSituation === "employed_off_sick";
  const updated = await record.tx
    .update(participant)
    .set({
      ...values,
      employerName: offSick ? values.employerName : null,
      absenceStartDate: offSick ? values.absenceStartDate : null,
      updatedAt: clock.now(),
      version: version + 1,
    })
    .where(and(eq(participant.id, record.participantId), eq(participant.version, version)))
    .returning({ id: participant.id });
  if (updated.length === 0) return stale(await participantDetails(record));
  return saved(undefined);
}

/**
 * A move made on the record by staff (at the person's request, or moving them to looking for work)
 * or by the person on their own pages, through the stage model, against the version they saw.
 */
export async function changeParticipation(
  record: StageScope,
  clock: Clock,
  change: RecordMove,
  version: number,
): Promise<StageMoveResult> {
  return makeStageMove(record, change, clock.now(), {
    basedOn: version,
    closedReason: "stopped_by_participant",
  });
}
