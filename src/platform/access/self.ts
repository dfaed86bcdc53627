import type { HealthInformationKind } from "./policy";

/**
 * A participant signed in to their own pages, as the access rules see them. The participant id
 * comes from their account, never from an address: there is no URL naming whose record to open.
 */
export type ParticipantSelf = {
  accountId: string;
  participantId: string;
  organisationId: string;
};

/** The audit trail's role for a participant acting on their own record. */
export const PARTICIPANT_ROLE = "participant";

/** What the policy needs to know about the record being opened, read live. */
export type OwnRecordFacts = { participantId: string; organisationId: string };

export type OwnRecordIntent = {
  purpose: "read" | "write";
  /** Health information a clinician holds is shared by the clinician, not through the portal. */
  healthInformation?: HealthInformationKind;
};

export type OwnRecordDecision = { allowed: true; basis: "self" } | { allowed: false; refusal: string };

/**
 * May this participant open this record? Only their own, only in their organisation, and never
 * the clinical side of it. A pure function of the facts, like the staff policy beside it.
 */
export function decideOwnRecordAccess(
  self: ParticipantSelf,
  facts: OwnRecordFacts,
  intent: OwnRecordIntent,
): OwnRecordDecision {
  if (facts.participantId !== self.participantId)
    return { allowed: false, refusal: "not the person's own record" };
  if (facts.organisationId !== self.organisationId)
    return { allowed: false, refusal: "record belongs to another organisation" };
  if (intent.healthInformation)
    return { allowed: false, refusal: "clinical information is not shown on the participant's own pages" };
  return { allowed: true, basis: "self" };
}
