import type { ParticipantRecord } from "./access/door";

// The alerts still needing attention on a person's record, shown on the Assessments tab and in its
// API. The monitoring feature raises and keeps them; it registers the reader on its Feature
// (`recordAlerts`), so the assessments feature lists them without importing monitoring, and
// monitoring can read the scores without an import cycle (issue 12). The words below are the
// alerts' vocabulary: monitoring's table stores them, the pages and the API name them.

export const alertSeverities = ["urgent", "warning"] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

export const alertStatuses = ["open", "acknowledged", "resolved"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/**
 * The rules that raise alerts; each names what it watches for. The early-warning rules are
 * evaluated in monitoring's rules; "emergency_access" is raised by break-glass, not by a rule.
 */
export const alertRules = [
  "phq9_item9",
  "sleep_destabilisation",
  "reliable_deterioration",
  "no_contact",
  "missed_appointments",
  "job_ending",
  "personal_rule",
  "emergency_access",
] as const;
export type AlertRule = (typeof alertRules)[number];

/** An open (or acknowledged) alert as a record's other pages show it. */
export type RecordAlert = {
  id: string;
  rule: AlertRule;
  severity: AlertSeverity;
  status: AlertStatus;
  raisedAt: Date;
};

/** The open alerts on this record this reader may see, most pressing first, in the door's transaction. */
export type RecordAlertsReader = (record: ParticipantRecord) => Promise<RecordAlert[]>;

let reader: RecordAlertsReader | undefined;

/** The one feature's reader (at most one: two would give two answers). */
export function setRecordAlerts(all: RecordAlertsReader[]) {
  if (all.length > 1) throw new Error("two features give a record's open alerts");
  reader = all[0];
}

/** The open alerts this reader may see on this record; none when no feature keeps alerts. */
export function openRecordAlerts(record: ParticipantRecord): Promise<RecordAlert[]> {
  return reader ? reader(record) : Promise.resolve([]);
}
