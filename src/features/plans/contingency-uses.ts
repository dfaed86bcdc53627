import { desc, eq } from "drizzle-orm";
import type { ParticipantRecord } from "../../platform/access/door";
import { onRecord } from "../../platform/access/on-record";
import { staffAccount } from "../../platform/directory/schema";
import { type ContingencyAlternative, contingencyActivation } from "./schema";

/** Records the contingency plan being put to use: what was offered, what the person took up. */
export async function recordContingencyUse(
  record: ParticipantRecord,
  use: {
    offered: ContingencyAlternative[];
    takenUp: ContingencyAlternative[];
    note: string | null;
    alertId?: string;
  },
  now: Date,
): Promise<void> {
  await record.tx.insert(contingencyActivation).values({
    organisationId: record.organisationId,
    participantId: record.participantId,
    activatedAt: now,
    activatedBy: record.actor.staffId,
    offered: use.offered,
    takenUp: use.takenUp,
    note: use.note,
    alertId: use.alertId ?? null,
  });
}

/** Every time the contingency plan was used, newest first, with who recorded it. */
export function contingencyUses(record: Pick<ParticipantRecord, "tx" | "participantId">) {
  return record.tx
    .select({
      id: contingencyActivation.id,
      activatedAt: contingencyActivation.activatedAt,
      activatedByName: staffAccount.fullName,
      offered: contingencyActivation.offered,
      takenUp: contingencyActivation.takenUp,
      note: contingencyActivation.note,
    })
    .from(contingencyActivation)
    .innerJoin(staffAccount, eq(staffAccount.id, contingencyActivation.activatedBy))
    .where(onRecord(record, contingencyActivation))
    .orderBy(desc(contingencyActivation.activatedAt));
}
export type ContingencyUse = Awaited<ReturnType<typeof contingencyUses>>[number];
