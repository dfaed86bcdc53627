import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Transaction } from "../db";
import {
  type AccessBasis,
  type Actor,
  decideParticipantAccess,
  type HealthInformationKind,
  type ParticipantAccessFacts,
} from "./policy";

/** Supplied by the participants feature when the app is composed: platform/ imports no feature. */
export type ParticipantFactsLoader = (
  tx: Transaction,
  actor: Actor,
  participantId: string,
) => Promise<ParticipantAccessFacts | undefined>;

/** The scoped handle a service receives: the only way to reach one participant's rows. */
export type ParticipantRecord = {
  participantId: string;
  organisationId: string;
  basis: AccessBasis;
  /** Every kind of health information, clinical notes included (clinical roles). */
  mayReadClinical: boolean;
  /** The kinds of health information this person may see on this record now (consent read live). */
  healthInformationVisible: readonly HealthInformationKind[];
  /** Who opened it, for "recorded by" columns. */
  actor: Actor;
  tx: Transaction;
};

export type OpenIntent = {
  purpose: "read" | "write";
  /** What is being looked at or changed, for the access log: `summary`, `plan`, `contact`. */
  what: string;
  /** Refuse outright unless this kind of health information may be seen. */
  healthInformation?: HealthInformationKind;
  reason?: string;
  ipAddress?: string;
};

export class ParticipantNotFoundError extends Error {}
export class AccessRefusedError extends Error {
  constructor(readonly refusal: string) {
    super("You do not have access to this participant's record.");
  }
}

export type ParticipantDoor = {
  withParticipant<Result>(
    actor: Actor,
    participantId: string,
    intent: OpenIntent,
    work: (record: ParticipantRecord) => Promise<Result>,
  ): Promise<Result>;
};

/**
 * The one door to a participant's data: checks the policy and writes the audit event in the
 * same transaction as the work, so a read or write without its audit event cannot happen.
 * A refusal is audited too, and committed before the refusal is raised.
 */
export function createParticipantDoor(
  db: Database,
  clock: Clock,
  loadFacts: ParticipantFactsLoader,
): ParticipantDoor {
  return {
    async withParticipant(actor, participantId, intent, work) {
      const outcome = await db.transaction(async (tx) => {
        const facts = await loadFacts(tx, actor, participantId);
        if (!facts) return { kind: "missing" as const };
        const decision = decideParticipantAccess(actor, facts, intent);
        await recordAuditEvent(tx, clock, {
          actor: { id: actor.staffId, role: actor.role },
          action: `participant.${intent.purpose}`,
          subject: { type: "participant", id: participantId },
          organisationId: facts.organisationId,
          ipAddress: intent.ipAddress ?? null,
          outcome: decision.allowed ? "succeeded" : "refused",
          reason: decision.allowed ? (intent.reason ?? null) : decision.refusal,
          detail: { what: intent.what, basis: decision.allowed ? decision.basis : null },
        });
        if (!decision.allowed) return { kind: "refused" as const, refusal: decision.refusal };
        const result = await work({
          participantId,
          organisationId: facts.organisationId,
          basis: decision.basis,
          mayReadClinical: decision.mayReadClinical,
          healthInformationVisible: decision.healthInformationVisible,
          actor,
          tx,
        });
        return { kind: "done" as const, result };
      });
      if (outcome.kind === "missing") throw new ParticipantNotFoundError();
      if (outcome.kind === "refused") throw new AccessRefusedError(outcome.refusal);
      return outcome.result;
    },
  };
}
