import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Transaction } from "../db";
import { insideDoor } from "./inside-door";
import {
  type AccessBasis,
  type AccessDecision,
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
/**
 * The record was merged into another record of the same person: nothing is read or written on it,
 * the person is sent to the kept record (whose own door decides again). A kind of "not found", so
 * code that skips a missing record skips this one too.
 */
export class ParticipantMergedError extends ParticipantNotFoundError {
  constructor(readonly mergedIntoId: string) {
    super("This record was merged into another record.");
  }
}
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

/** Work on several records at once: what it returns, and a detail for each record's audit event. */
export type ParticipantsWork<Result> = (records: ParticipantRecord[]) => Promise<{
  result: Result;
  detail?: Record<string, string | number | boolean | null>;
}>;

export type ParticipantDoor = {
  /**
   * Opens several records in one transaction (merging two records of one person): each is checked
   * and audited as `withParticipant` does, all must be admitted and in one organisation, or
   * nothing runs. The audit events are written after the work, with its detail.
   */
  withParticipants<Result>(
    actor: Actor,
    participantIds: readonly string[],
    intent: OpenIntent,
    work: ParticipantsWork<Result>,
  ): Promise<Result>;
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
      const outcome = await insideDoor(() =>
        db.transaction(async (tx) => {
          const facts = await loadFacts(tx, actor, participantId);
          if (!facts) return { kind: "missing" as const };
          const decision = decideParticipantAccess(actor, facts, intent);
          const merged = decision.allowed ? facts.mergedIntoId : undefined;
          await recordAuditEvent(tx, clock, {
            actor: { id: actor.staffId, role: actor.role },
            action: `participant.${intent.purpose}`,
            subject: { type: "participant", id: participantId },
            organisationId: facts.organisationId,
            ipAddress: intent.ipAddress ?? null,
            outcome: decision.allowed ? "succeeded" : "refused",
            reason: decision.allowed ? (intent.reason ?? null) : decision.refusal,
            detail: {
              what: intent.what,
              basis: decision.allowed ? decision.basis : null,
              ...(merged ? { mergedInto: merged } : {}),
            },
          });
          if (!decision.allowed) return { kind: "refused" as const, refusal: decision.refusal };
          if (merged) return { kind: "merged" as const, mergedIntoId: merged };
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
        }),
      );
      if (outcome.kind === "missing") throw new ParticipantNotFoundError();
      if (outcome.kind === "refused") throw new AccessRefusedError(outcome.refusal);
      if (outcome.kind === "merged") throw new ParticipantMergedError(outcome.mergedIntoId);
      return outcome.result;
    },

    async withParticipants(actor, participantIds, intent, work) {
      const outcome = await insideDoor(() =>
        db.transaction(async (tx) => {
          const opened: { facts: ParticipantAccessFacts; decision: AccessDecision }[] = [];
          for (const participantId of participantIds) {
            const facts = await loadFacts(tx, actor, participantId);
            if (!facts) return { kind: "missing" as const };
            opened.push({ facts, decision: decideParticipantAccess(actor, facts, intent) });
          }
          const organisations = new Set(opened.map(({ facts }) => facts.organisationId));
          const refusal =
            opened.flatMap(({ decision }) => (decision.allowed ? [] : [decision.refusal]))[0] ??
            (organisations.size > 1 ? "records belong to different organisations" : undefined);
          // One after another: each event's hash chains on the one before.
          const audit = async (detail: Record<string, string | number | boolean | null>) => {
            for (const { facts, decision } of opened)
              await recordAuditEvent(tx, clock, {
                actor: { id: actor.staffId, role: actor.role },
                action: `participant.${intent.purpose}`,
                subject: { type: "participant", id: facts.participantId },
                organisationId: facts.organisationId,
                ipAddress: intent.ipAddress ?? null,
                outcome: refusal ? "refused" : "succeeded",
                reason: refusal ?? intent.reason ?? null,
                detail: { what: intent.what, basis: decision.allowed ? decision.basis : null, ...detail },
              });
          };
          if (refusal) {
            await audit({});
            return { kind: "refused" as const, refusal };
          }
          const merged = opened.find(({ facts }) => facts.mergedIntoId)?.facts.mergedIntoId;
          if (merged) {
            await audit({ mergedInto: merged });
            return { kind: "merged" as const, mergedIntoId: merged };
          }
          const done = await work(
            opened.map(({ facts, decision }) => ({
              participantId: facts.participantId,
              organisationId: facts.organisationId,
              basis: decision.allowed ? decision.basis : "care_team",
              mayReadClinical: decision.allowed && decision.mayReadClinical,
              healthInformationVisible: decision.allowed ? decision.healthInformationVisible : [],
              actor,
              tx,
            })),
          );
          await audit(done.detail ?? {});
          return { kind: "done" as const, result: done.result };
        }),
      );
      if (outcome.kind === "missing") throw new ParticipantNotFoundError();
      if (outcome.kind === "refused") throw new AccessRefusedError(outcome.refusal);
      if (outcome.kind === "merged") throw new ParticipantMergedError(outcome.mergedIntoId);
      return outcome.result;
    },

    async withParticipantList(actor, intent, work) {
      const reach = participantListReach(
        actor,
        intent.what === "emergency_search" ? "emergency_search" : "lists",
      );
      if (reach.kind === "none") {
        await insideDoor(() =>
          db.transaction((tx) =>
            recordAuditEvent(tx, clock, {
              actor: { id: actor.staffId, role: actor.role },
              action: "participant.list",
              organisationId: actor.organisationId,
              ipAddress: intent.ipAddress ?? null,
              outcome: "refused",
              reason: "role has no access to participant records",
              detail: { what: intent.what },
            }),
          ),
        );
        throw new AccessRefusedError("role has no access to participant records");
      }
      return insideDoor(() =>
        db.transaction(async (tx) => {
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
        }),
      );
    },

    async withNewParticipant(actor, intent, work) {
      return insideDoor(() =>
        db.transaction(async (tx) => {
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
        }),
      );
    },
  };
}
