import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Transaction } from "../db";
import {
  type AccessBasis,
  type Actor,
  decideParticipantAccess,
  type HealthInformationKind,
  type ParticipantAccessFacts,
  type ParticipantListReach,
  participantListReach,
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

export type ListIntent = {
  /** Which list: `caseload`, `referral_queue`, `search`. */
  what: string;
  ipAddress?: string;
};

/** The scoped handle for a list of participants: the reach the policy allows, and the transaction. */
export type ParticipantList = {
  reach: Exclude<ParticipantListReach, { kind: "none" }>;
  actor: Actor;
  tx: Transaction;
};

export type NewParticipantIntent = {
  /** `staff_referral` or `self_referral`. */
  what: string;
  ipAddress?: string;
};

export type ParticipantDoor = {
  withParticipant<Result>(
    actor: Actor,
    participantId: string,
    intent: OpenIntent,
    work: (record: ParticipantRecord) => Promise<Result>,
  ): Promise<Result>;
  /**
   * Lists participants within the policy's reach for this person. `work` returns the rows and the
   * identifiers shown, which go into the audit event so "who saw my name in a list" is answerable.
   */
  withParticipantList<Result>(
    actor: Actor,
    intent: ListIntent,
    work: (list: ParticipantList) => Promise<{ result: Result; shownIds: readonly string[] }>,
  ): Promise<Result>;
  /**
   * Creates a participant (a referral) and audits it in the same transaction. The actor is null
   * for a self-referral from the public form. `work` returns the new (or linked) participant.
   */
  withNewParticipant<
    Result extends { participantId?: string; organisationId: string; matchesFound?: number },
  >(
    actor: Actor | null,
    intent: NewParticipantIntent,
    work: (tx: Transaction) => Promise<Result>,
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

    async withParticipantList(actor, intent, work) {
      const reach = participantListReach(
        actor,
        intent.what === "emergency_search" ? "emergency_search" : "lists",
      );
      if (reach.kind === "none") {
        await db.transaction((tx) =>
          recordAuditEvent(tx, clock, {
            actor: { id: actor.staffId, role: actor.role },
            action: "participant.list",
            organisationId: actor.organisationId,
            ipAddress: intent.ipAddress ?? null,
            outcome: "refused",
            reason: "role has no access to participant records",
            detail: { what: intent.what },
          }),
        );
        throw new AccessRefusedError("role has no access to participant records");
      }
      return db.transaction(async (tx) => {
        const { result, shownIds } = await work({ reach, actor, tx });
        await recordAuditEvent(tx, clock, {
          actor: { id: actor.staffId, role: actor.role },
          action: "participant.list",
          organisationId: actor.organisationId,
          ipAddress: intent.ipAddress ?? null,
          outcome: "succeeded",
          detail: { what: intent.what, shown: shownIds.join(" ") },
        });
        return result;
      });
    },

    async withNewParticipant(actor, intent, work) {
      return db.transaction(async (tx) => {
        const created = await work(tx);
        // Without a participant the work only looked for possible duplicates: that look is audited too.
        await recordAuditEvent(tx, clock, {
          actor: actor ? { id: actor.staffId, role: actor.role } : null,
          action: created.participantId ? "participant.refer" : "participant.duplicate_check",
          subject: created.participantId ? { type: "participant", id: created.participantId } : undefined,
          organisationId: created.organisationId,
          ipAddress: intent.ipAddress ?? null,
          outcome: "succeeded",
          detail: { what: intent.what, matchesFound: created.matchesFound ?? 0 },
        });
        return created;
      });
    },
  };
}
