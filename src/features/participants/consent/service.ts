import { desc, eq } from "drizzle-orm";
import type { ParticipantRecord } from "../../../platform/access/door";
import { onRecord } from "../../../platform/access/on-record";
import type { RecordScope } from "../../../platform/access/own-record";
import type { HealthInformationKind } from "../../../platform/access/policy";
import type { Clock } from "../../../platform/clock";
import { staffAccount } from "../../../platform/directory/schema";
import type { ConsentForm } from "../record/forms";
import { makeStageMove, type StageScope } from "../record/stage-moves";
import { type ConsentPurpose, consentPurposes, consentRecord } from "../schema";

export type ConsentEntry = {
  id: string;
  purpose: ConsentPurpose;
  decision: (typeof consentRecord.$inferSelect)["decision"];
  scope: HealthInformationKind[];
  method: (typeof consentRecord.$inferSelect)["method"];
  note: string | null;
  recordedAt: Date;
  recordedByName: string | null;
};

/** Every decision, newest first. The latest per purpose is the one in force. */
export async function consentHistory(record: RecordScope): Promise<ConsentEntry[]> {
  return record.tx
    .select({
      id: consentRecord.id,
      purpose: consentRecord.purpose,
      decision: consentRecord.decision,
      scope: consentRecord.scope,
      method: consentRecord.method,
      note: consentRecord.note,
      recordedAt: consentRecord.recordedAt,
      recordedByName: staffAccount.fullName,
    })
    .from(consentRecord)
    .leftJoin(staffAccount, eq(staffAccount.id, consentRecord.recordedBy))
    .where(onRecord(record, consentRecord))
    .orderBy(desc(consentRecord.recordedAt), desc(consentRecord.id));
}

/** The decision in force for each purpose (undefined where nobody has asked yet). */
export function currentConsents(history: ConsentEntry[]): Record<ConsentPurpose, ConsentEntry | undefined> {
  const current = Object.fromEntries(consentPurposes.map((purpose) => [purpose, undefined])) as Record<
    ConsentPurpose,
    ConsentEntry | undefined
  >;
  // History is newest first, so the first seen per purpose is the one in force.
  for (const entry of history) current[entry.purpose] ??= entry;
  return current;
}

/** Whether the participant currently agrees to this purpose, for other features (employer contact …). */
export async function consentGiven(record: RecordScope, purpose: ConsentPurpose): Promise<boolean> {
  const [latest] = await record.tx
    .select({ decision: consentRecord.decision })
    .from(consentRecord)
    .where(onRecord(record, consentRecord, eq(consentRecord.purpose, purpose)))
    .orderBy(desc(consentRecord.recordedAt), desc(consentRecord.id))
    .limit(1);
  return latest?.decision === "given";
}

/**
 * Records a decision. It is in force from this moment: the access policy reads consent live.
 * Withdrawing consent to take part stops employment support (in neutral words), and nothing else:
 * health care carries on untouched.
 */
export async function recordConsent(
  record: RecordScope &
    Pick<StageScope, "basis"> & { actor?: Pick<ParticipantRecord["actor"], "staffId" | "role"> },
  clock: Clock,
  form: ConsentForm,
  byParticipant = false,
) {
  const now = clock.now();
  await record.tx.insert(consentRecord).values({
    organisationId: record.organisationId,
    participantId: record.participantId,
    purpose: form.purpose,
    decision: form.decision,
    scope: form.purpose === "share_health_information" && form.decision === "given" ? form.scope : [],
    method: form.method,
    note: form.note,
    recordedBy: byParticipant ? null : (record.actor?.staffId ?? null),
    recordedAt: now,
  });
  // Through the stage model: from any stage but closed, withdrawing closes the support.
  if (form.purpose === "employment_support" && form.decision === "withdrawn")
    await makeStageMove(record, "withdraw_consent", now, { closedReason: "stopped_by_participant" });
}
