import type { AccessBasis } from "../../../platform/access/policy";
import type { StaffRole } from "../../../platform/directory/schema";
import type { MessageKey, Translator } from "../../../platform/web/i18n";
import type { ParticipantStage } from "../schema";

// The participant's journey as one explicit model (decision 59): every stage, every move between
// stages, who may make each move, and what must be true first. Pure: the services read the facts,
// ask `decideStageMove`, and write only what it returns, so no page, job start or job end can put a
// person in a stage the model would refuse. "closed" is the stage the issue calls "stopped": the
// reason beside it says whether the person stopped, declined or was not reached.

/** A move between stages, named as the people using Tandem would. */
export const stageMoves = [
  /** The vocational profile was started (domain.md: engaged); the open referral ends as engaged. */
  "engage",
  /** The person and their specialist agree to start looking for work (IPS rapid job search). */
  "look_for_work",
  /** A job start was recorded (on the Work tab): follow-along starts beside "in work". */
  "start_job",
  /** The last ongoing job ended: back to looking for work. */
  "end_last_job",
  "pause",
  "resume",
  /** Stopped at the person's request. */
  "stop",
  /** The referral ended as declined by the person or not reached, before any engagement. */
  "close_referral",
  /** Consent to take part was withdrawn: employment support stops, health care carries on. */
  "withdraw_consent",
  /** A new referral for someone whose support had ended opens their record again. */
  "re_refer",
] as const;
export type StageMove = (typeof stageMoves)[number];

/**
 * Who is making the move, as the model sees them: the person, their care team by role, someone
 * using emergency access, or the service itself (the demo seed, a referral arriving).
 */
export const stageMovers = [
  "participant",
  "employment_specialist",
  "team_leader",
  "care_team_member",
  "emergency_access",
  "service",
] as const;
export type StageMover = (typeof stageMovers)[number];

/** Which mover a member of staff is on this record: their role, and how the door let them in. */
export function staffMover(role: StaffRole, basis: AccessBasis): StageMover {
  if (basis === "emergency") return "emergency_access";
  if (role === "team_leader") return "team_leader";
  if (role === "employment_specialist") return "employment_specialist";
  if (role === "clinician" || role === "peer_worker") return "care_team_member";
  // Other roles never reach a record except through emergency access.
  return "emergency_access";
}

const everyStage = ["referred", "engaged", "job_seeking", "in_work", "paused", "closed"] as const;
/** Support under way: what a pause stops and a resume returns to. */
export const activeStages: readonly ParticipantStage[] = ["engaged", "job_seeking", "in_work"];
const staffOnRecord: readonly StageMover[] = [
  "employment_specialist",
  "team_leader",
  "care_team_member",
  "service",
];
const theirChoice: readonly StageMover[] = ["participant", ...staffOnRecord];
const specialistOrLeader: readonly StageMover[] = ["employment_specialist", "team_leader", "service"];
/** Moves that follow from something recorded elsewhere, whose own page decides who may record it. */
const whoeverRecordsIt: readonly StageMover[] = stageMovers;

export type MoveRule = {
  from: readonly ParticipantStage[];
  /** Where the move leads; "previous" is where support was when it was paused. */
  to: ParticipantStage | "previous";
  by: readonly StageMover[];
  /** The person's consent to take part in employment support must be in force. */
  needsConsent: boolean;
};

/** The transition table. README and docs/decisions.md show it in words; the unit test walks all of it. */
export const stageRules: Record<StageMove, MoveRule> = {
  engage: { from: ["referred"], to: "engaged", by: whoeverRecordsIt, needsConsent: false },
  look_for_work: { from: ["engaged"], to: "job_seeking", by: specialistOrLeader, needsConsent: true },
  start_job: {
    from: ["engaged", "job_seeking", "in_work"],
    to: "in_work",
    by: staffOnRecord,
    needsConsent: true,
  },
  // From a pause too: the pause stays, and support resumes to looking for work.
  end_last_job: { from: ["in_work", "paused"], to: "job_seeking", by: whoeverRecordsIt, needsConsent: false },
  pause: { from: activeStages, to: "paused", by: theirChoice, needsConsent: false },
  resume: { from: ["paused"], to: "previous", by: theirChoice, needsConsent: false },
  stop: {
    from: ["referred", "engaged", "job_seeking", "in_work", "paused"],
    to: "closed",
    by: theirChoice,
    needsConsent: false,
  },
  close_referral: { from: ["referred"], to: "closed", by: staffOnRecord, needsConsent: false },
  withdraw_consent: {
    from: ["referred", "engaged", "job_seeking", "in_work", "paused"],
    to: "closed",
    by: whoeverRecordsIt,
    needsConsent: false,
  },
  re_refer: { from: ["closed"], to: "referred", by: whoeverRecordsIt, needsConsent: false },
};

/** What the model knows about the person when a move is asked for. */
export type StageFacts = {
  stage: ParticipantStage;
  stageBeforePause: ParticipantStage | null;
  /** The latest decision on consent to take part in employment support. */
  consentToTakePart: "given" | "declined" | "withdrawn" | null;
};

export type StageDecision =
  | { ok: true; stage: ParticipantStage; stageBeforePause: ParticipantStage | null }
  /** `who`: this person may not make the move (403); `state`: not from where the person is now (409). */
  | { ok: false; refusal: "who" | "state"; reason: MessageKey };

const refuse = (refusal: "who" | "state", reason: MessageKey): StageDecision => ({
  ok: false,
  refusal,
  reason,
});

function whoRefusal(move: StageMove, mover: StageMover): MessageKey {
  if (mover === "emergency_access") return "stage.refused.emergencyAccess";
  if (mover === "participant") return "stage.refused.notForParticipant";
  return move === "look_for_work" ? "stage.refused.specialistOrLeader" : "stage.refused.notForRole";
}

/** Why a move cannot be made from this stage, in words that say what to do instead. */
function stateRefusal(move: StageMove, facts: StageFacts): MessageKey {
  const { stage } = facts;
  if (stage === "closed") return move === "re_refer" ? "stage.refused.notClosed" : "stage.refused.closed";
  switch (move) {
    case "engage":
      return "stage.refused.alreadyEngaged";
    case "look_for_work":
    case "start_job":
      if (stage === "paused") return "stage.refused.pausedResumeFirst";
      if (stage === "referred") return "stage.refused.engageFirst";
      if (stage === "in_work") return "stage.refused.inWorkEndJobFirst";
      return "stage.refused.alreadyLookingForWork";
    case "end_last_job":
      return "stage.refused.notInWork";
    case "pause":
      return stage === "referred" ? "stage.refused.referralNotPaused" : "stage.refused.alreadyPaused";
    case "resume":
      return "stage.refused.notPaused";
    case "close_referral":
      return "stage.refused.referralNotOpen";
    case "re_refer":
      return "stage.refused.notClosed";
    default:
      return "stage.refused.closed";
  }
}

/**
 * May this mover make this move for a person in these facts, and where does it lead? Who comes
 * first (a refusal of who is the same wherever the person is), then where they are, then consent.
 */
export function decideStageMove(facts: StageFacts, move: StageMove, mover: StageMover): StageDecision {
  const rule = stageRules[move];
  if (!rule.by.includes(mover)) return refuse("who", whoRefusal(move, mover));
  // Consent is the first step a skipped journey misses, so it is named before engagement.
  if (rule.needsConsent && facts.consentToTakePart !== "given" && facts.stage !== "closed")
    return refuse("state", "stage.refused.consentFirst");
  if (!rule.from.includes(facts.stage)) return refuse("state", stateRefusal(move, facts));
  if (move === "end_last_job" && facts.stage === "paused")
    return facts.stageBeforePause === "in_work"
      ? { ok: true, stage: "paused", stageBeforePause: "job_seeking" }
      : refuse("state", "stage.refused.notInWork");
  if (rule.to === "previous") {
    const previous = facts.stageBeforePause;
    return {
      ok: true,
      stage: previous && activeStages.includes(previous) ? previous : "engaged",
      stageBeforePause: null,
    };
  }
  return {
    ok: true,
    stage: rule.to,
    stageBeforePause: rule.to === "paused" ? facts.stage : null,
  };
}

/** The moves offered as buttons on the record (staff) or the person's own pages, in this order. */
export const recordMoves = ["look_for_work", "pause", "resume", "stop"] as const;
export type RecordMove = (typeof recordMoves)[number];

/** The record's buttons: only the moves this mover may make from here, so no button leads to a refusal. */
export function movesOffered(facts: StageFacts, mover: StageMover): RecordMove[] {
  return recordMoves.filter((move) => decideStageMove(facts, move, mover).ok);
}

/**
 * What being in a stage counts towards in domain.md section 0. Engagement, job starts and the
 * employment rate count events (the profile's start, each job start), never today's stage, so a
 * later pause or stop does not rewrite them; the caseload counts people by their stage now.
 */
export const stageCountsTowards: Record<ParticipantStage, readonly ("caseload" | "follow_along")[]> = {
  referred: [],
  engaged: [],
  job_seeking: ["caseload"],
  in_work: ["caseload", "follow_along"],
  paused: [],
  closed: [],
};

/** Active for caseload size (domain.md: active participants, job-seeking and in-work). */
export const caseloadStages: readonly ParticipantStage[] = everyStage.filter((stage) =>
  stageCountsTowards[stage].includes("caseload"),
);

/** The one label for a stage, wherever it is shown: header, record, referral tab, caseload, timeline. */
export const stageLabel = (t: Translator, stage: ParticipantStage) => t.t(`participant.stage.${stage}`);
