import type { ParticipantStage } from "./schema";

export type ParticipationChange = "pause" | "resume" | "stop";

const active: readonly ParticipantStage[] = ["engaged", "job_seeking", "in_work"];

/**
 * What a participant's own choice to pause, resume or stop does to their stage; null where it
 * does not apply. A referral not yet taken up is declined rather than paused.
 */
export function stageAfter(
  change: ParticipationChange,
  stage: ParticipantStage,
  stageBeforePause: ParticipantStage | null,
): ParticipantStage | null {
  switch (change) {
    case "pause":
      return active.includes(stage) ? "paused" : null;
    case "resume":
      return stage === "paused"
        ? stageBeforePause && active.includes(stageBeforePause)
          ? stageBeforePause
          : "engaged"
        : null;
    case "stop":
      return stage === "closed" ? null : "closed";
  }
}

/** The changes offered on the record for a stage. */
export function availableChanges(stage: ParticipantStage): ParticipationChange[] {
  return (["pause", "resume", "stop"] as const).filter((change) => stageAfter(change, stage, null) !== null);
}
