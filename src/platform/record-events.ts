import type { Transaction } from "./db";

// What happens on a person's record that other features react to. The feature where it happens
// announces it; the feature that reacts registers a handler on its Feature (`recordEvents`). So
// questionnaires, appointments, jobs and emergency access reach the early-warning rules and
// follow-along without importing the monitoring feature, and monitoring can read their tables
// without an import cycle (issue 12). Handlers run in the same transaction as the change: no
// change without its reaction, and nothing reacted to that was not saved.

/** The record an event is about, inside the transaction that changed it. */
export type RecordEventScope = { tx: Transaction; participantId: string; organisationId: string };

/** Every event, what it carries, and what the reaction answers (where the announcer needs it). */
export type RecordEvents = {
  /** A questionnaire was scored and saved; `safetyRule` when its safety item was answered with concern. */
  questionnaire_scored: {
    payload: { responseId: string; safetyRule: "phq9_item9" | null; now: Date };
    result: { safetyAlertId: string | null };
  };
  /** An appointment's outcome was recorded (attended, or not). */
  appointment_outcome_recorded: { payload: { now: Date }; result: undefined };
  /** A job start is being recorded: the person moves into work and follow-along begins. */
  job_started: {
    payload: { jobStartedOn: string; startedBy: string | null; now: Date };
    result: "started" | "continued" | "record_closed";
  };
  /** A job ended. */
  job_ended: { payload: { now: Date }; result: undefined };
  /** Someone was granted emergency access to the record. */
  emergency_access_granted: {
    payload: { grantId: string; teamId: string; now: Date };
    result: undefined;
  };
};

export type RecordEventName = keyof RecordEvents;

export type RecordEventHandler<Name extends RecordEventName> = (
  scope: RecordEventScope,
  payload: RecordEvents[Name]["payload"],
) => Promise<RecordEvents[Name]["result"]>;

export type RecordEventHandlers = { [Name in RecordEventName]?: RecordEventHandler<Name> };

/** What an event answers when no feature reacts to it (a smaller app, a test of one feature). */
const unanswered: { [Name in RecordEventName]: RecordEvents[Name]["result"] } = {
  questionnaire_scored: { safetyAlertId: null },
  appointment_outcome_recorded: undefined,
  job_started: "started",
  job_ended: undefined,
  emergency_access_granted: undefined,
};

let handlers: RecordEventHandlers = {};

/** The features' handlers, one per event: two features answering one event would be ambiguous. */
export function setRecordEventHandlers(all: RecordEventHandlers[]) {
  const merged: Record<string, unknown> = {};
  for (const set of all)
    for (const [name, handler] of Object.entries(set)) {
      if (merged[name]) throw new Error(`two features handle the record event "${name}"`);
      merged[name] = handler;
    }
  handlers = merged as RecordEventHandlers;
}

/** Tells the feature that reacts to `name` (if any), inside the same transaction, and returns its answer. */
export async function announce<Name extends RecordEventName>(
  scope: RecordEventScope,
  name: Name,
  payload: RecordEvents[Name]["payload"],
): Promise<RecordEvents[Name]["result"]> {
  const handler = handlers[name] as RecordEventHandler<Name> | undefined;
  return handler ? handler(scope, payload) : unanswered[name];
}
