import { recordAuditEvent } from "../../platform/audit/service";
import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/db";
import { findOutboundEmail } from "../../platform/mail/browse";
import type { AdminRequest } from "./service";

export { listOutbox, OUTBOX_PAGE_SIZE } from "../../platform/mail/browse";

/**
 * One email as an admin reads it, recorded in the audit trail in the same transaction: an email
 * names its recipient and what happened, so who opened it matters, and no record means no reading.
 * An invitation's link is never here to read: it is minted only as the email is sent (decision 48).
 */
export async function readOutboundEmail(db: Database, clock: Clock, request: AdminRequest, id: string) {
  return db.transaction(async (tx) => {
    const email = await findOutboundEmail(tx, id);
    if (!email) return undefined;
    await recordAuditEvent(tx, clock, {
      actor: { id: request.actor.staffId, role: request.actor.role },
      action: "outbound_email.read",
      subject: { type: "outbound_email", id },
      organisationId: email.organisationId,
      ipAddress: request.ipAddress,
      outcome: "succeeded",
      detail: { purpose: email.purpose },
    });
    return email;
  });
}
