import type { CaseloadColumns } from "../../platform/caseload-columns";
import type { RecordEventHandlers } from "../../platform/record-events";
import { openAlertCountsOf } from "./alerts/inbox";
import { raiseEmergencyAccessNotice, raiseSafetyAlert } from "./alerts/service";
import { startFollowAlong } from "./follow-along/service";
import { evaluateParticipant } from "./rules/evaluation";

// How monitoring reacts to what other features record, registered on its Feature: the features
// announce (platform/record-events.ts) and never import monitoring, so monitoring may read their
// tables without an import cycle.

export const monitoringReactions: RecordEventHandlers = {
  /** A scored questionnaire: a safety alert when its safety item called for one, then the rules look again. */
  questionnaire_scored: async (scope, { responseId, safetyRule, now }) => {
    const alert = safetyRule
      ? await raiseSafetyAlert(scope, safetyRule, { assessmentResponseId: responseId }, now)
      : undefined;
    await evaluateParticipant(scope.tx, scope, now);
    return { safetyAlertId: alert?.id ?? null };
  },
  appointment_outcome_recorded: async (scope, { now }) => {
    await evaluateParticipant(scope.tx, scope, now);
    return undefined;
  },
  /** A job start moves the person into work and starts (or carries on) follow-along. */
  job_started: (scope, { jobStartedOn, startedBy, now }) =>
    startFollowAlong(scope, { jobStartedOn, startedBy }, now),
  /** A job end: the rules run straight away, so the team hears of it the same day. */
  job_ended: async (scope, { now }) => {
    await evaluateParticipant(scope.tx, scope, now);
    return undefined;
  },
  /** The team leaders hear of every emergency access to a record of their team. */
  emergency_access_granted: async (scope, { grantId, teamId, now }) => {
    await raiseEmergencyAccessNotice(
      scope.tx,
      { id: grantId, organisationId: scope.organisationId, participantId: scope.participantId, teamId },
      now,
    );
    return undefined;
  },
};

export const monitoringCaseloadColumns: CaseloadColumns = { openAlerts: openAlertCountsOf };
