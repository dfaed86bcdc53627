// What other features may use from monitoring; they import this file (and schema.ts) only. Each
// part lives in its sub-folder: alerts, check-ins, follow-along and the early-warning rules.

/** For the caseload: each person's open alerts, counted as a column of the list. */
export { openAlertCountsOf } from "./alerts/inbox";
export {
  type AlertView,
  alertsAboutMe,
  openAlertsFor,
  raiseEmergencyAccessNotice,
  raiseSafetyAlert,
  timelineEntries,
} from "./alerts/service";
/** For the employment records: a job start moves the person into work and starts follow-along. */
export { startFollowAlong } from "./follow-along/service";
/** For other features: the rules look again after something they record (a questionnaire, a contact). */
export { evaluateParticipant } from "./rules/evaluation";
