import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Transaction } from "../db";
import type { ParticipantRecord } from "./door";
import { AccessRefusedError, ParticipantNotFoundError } from "./door";
import {
  decideOwnRecordAccess,
  type OwnRecordFacts,
  type OwnRecordIntent,
  PARTICIPANT_ROLE,
  type ParticipantSelf,
} from "./self";

/**
 * What a service needs of any open record, whoever opened it: whose rows, and the transaction.
 * Functions that take this rather than a ParticipantRecord work for staff and participant alike;
 * those that need a member of staff (agreeing a plan, recording who wrote a note) cannot be
 * handed a participant's own record by mistake.
 */
export type RecordScope = Pick<ParticipantRecord, "participantId" | "organisationId" | "tx">;

/** A participant's own record, opened by them. */
export type OwnRecord = RecordScope & { basis: "self"; self: ParticipantSelf };

/** Supplied by the participants feature when the app is composed: platform/ imports no feature. */
export type OwnRecordFactsLoader = (
  tx: Transaction,
  participantId: string,
) => Promise<OwnRecordFacts | undefined>;

export type OwnRecordDoor = {
  withOwnRecord<Result>(
    self: ParticipantSelf,
    intent: OwnRecordIntent & { what: string; ipAddress?: string },
    work: (record: OwnRecord) => Promise<Result>,
  ): Promise<Result>;
};

/**
 * The participant's side of the one door: checks the self rule and writes the audit event (actor
 * the participant's account, role "participant") in the same transaction as the work.
 */
export function createOwnRecordDoor(
  db: Database,
  clock: Clock,
  loadFacts: OwnRecordFactsLoader,
): OwnRecordDoor {
  return {
    async withOwnRecord(self, intent, work) {
      const outcome = await db.transaction(async (tx) => {
        const facts = await loadFacts(tx, self.participantId);
        if (!facts) return { kind: "missing" as const };
        const decision = decideOwnRecordAccess(self, facts, intent);
        await recordAuditEvent(tx, clock, {
          actor: { id: self.accountId, role: PARTICIPANT_ROLE },
          action: `participant.${intent.purpose}`,
          subject: { type: "participant", id: self.participantId },
          organisationId: facts.organisationId,
          ipAddress: intent.ipAddress ?? null,
          outcome: decision.allowed ? "succeeded" : "refused",
          reason: decision.allowed ? null : decision.refusal,
          detail: { what: intent.what, basis: decision.allowed ? decision.basis : null },
        });
        if (!decision.allowed) return { kind: "refused" as const, refusal: decision.refusal };
        const result = await work({
          participantId: self.participantId,
          organisationId: facts.organisationId,
          basis: "self",
          self,
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
