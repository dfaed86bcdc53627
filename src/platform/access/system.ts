import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Transaction } from "../db";

/**
 * The door for the service's own background work (the early-warning sweep, escalations): no person
 * opens these records, so there is no policy to ask, but every batch is audited in the same
 * transaction as the reads and writes it makes, with the ids it touched. Audit fails closed here too.
 */
export async function withSystemAccess<Result>(
  db: Database,
  clock: Clock,
  intent: { what: string; organisationId: string | null },
  work: (tx: Transaction) => Promise<{ result: Result; participantIds: readonly string[] }>,
): Promise<Result> {
  return db.transaction(async (tx) => {
    const { result, participantIds } = await work(tx);
    if (participantIds.length > 0) {
      await recordAuditEvent(tx, clock, {
        actor: null,
        action: "participant.system",
        organisationId: intent.organisationId,
        outcome: "succeeded",
        detail: { what: intent.what, count: participantIds.length, participants: participantIds.join(" ") },
      });
    }
    return result;
  });
}
