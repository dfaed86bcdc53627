import { eq, getTableColumns, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../platform/access/door";
import { onRecord } from "../../platform/access/on-record";
import { staffAccount } from "../../platform/directory/schema";
import { type Saved, type Stale, saved, stale } from "../../platform/outcome";
import { recordEngagement } from "../participants/service";
import {
  type CapabilityArea,
  type CapabilityFormData,
  capabilityAreas,
  capabilityAssessment,
  type ProfileFormData,
  vocationalProfile,
  type WorkHistoryEntry,
} from "./schema";

// The functional capability assessment and the vocational profile: one of each per person, each
// saved against the version it was based on, so a stale form never overwrites.

/**
 * A save of the one capability assessment or vocational profile a person has: saved, or someone
 * saved first (stale, with what is there now; nothing, if it has gone).
 */
export type SaveOutcome<Row> = Saved<undefined> | Stale<Row | undefined>;

// Functional capability

export async function findCapability(record: ParticipantRecord) {
  const [row] = await record.tx
    .select({ ...getTableColumns(capabilityAssessment), assessedByName: staffAccount.fullName })
    .from(capabilityAssessment)
    .innerJoin(staffAccount, eq(staffAccount.id, capabilityAssessment.assessedBy))
    .where(onRecord(record, capabilityAssessment));
  return row;
}
export type CapabilityView = NonNullable<Awaited<ReturnType<typeof findCapability>>>;

export async function saveCapability(
  record: ParticipantRecord,
  form: CapabilityFormData,
  now: Date,
): Promise<SaveOutcome<CapabilityView>> {
  const findings = Object.fromEntries(
    capabilityAreas.map((area) => [area, { level: form[`${area}Level`], notes: form[`${area}Notes`] }]),
  ) as Record<CapabilityArea, { level: CapabilityFormData[`${CapabilityArea}Level`]; notes: string }>;
  const fields = {
    findings,
    adjustments: form.adjustments,
    advice: form.advice,
    assessedBy: record.actor.staffId,
    assessedAt: now,
  };
  const current = await findCapability(record);
  if (form.version === null) {
    if (current) return stale(current);
    const inserted = await record.tx
      .insert(capabilityAssessment)
      .values({ ...fields, organisationId: record.organisationId, participantId: record.participantId })
      .onConflictDoNothing()
      .returning({ id: capabilityAssessment.id });
    return inserted.length > 0 ? saved(undefined) : stale(await findCapability(record));
  }
  const updated = await record.tx
    .update(capabilityAssessment)
    .set({ ...fields, version: sql`${capabilityAssessment.version} + 1` })
    .where(onRecord(record, capabilityAssessment, eq(capabilityAssessment.version, form.version)))
    .returning({ id: capabilityAssessment.id });
  return updated.length > 0 ? saved(undefined) : stale(current);
}

// Vocational profile

export async function findProfile(record: ParticipantRecord) {
  const [row] = await record.tx
    .select({ ...getTableColumns(vocationalProfile), updatedByName: staffAccount.fullName })
    .from(vocationalProfile)
    .innerJoin(staffAccount, eq(staffAccount.id, vocationalProfile.updatedBy))
    .where(onRecord(record, vocationalProfile));
  return row;
}
export type ProfileView = NonNullable<Awaited<ReturnType<typeof findProfile>>>;

/**
 * Saves the career profile. The first save starts it, and starting it is the moment the person
 * becomes engaged (domain.md, section 0), recorded in the same transaction.
 */
export async function saveProfile(
  record: ParticipantRecord,
  form: ProfileFormData,
  workHistory: WorkHistoryEntry[],
  now: Date,
): Promise<SaveOutcome<ProfileView>> {
  const { version, ...rest } = form;
  const fields = { ...rest, workHistory, updatedAt: now, updatedBy: record.actor.staffId };
  const current = await findProfile(record);
  if (version === null) {
    if (current) return stale(current);
    const inserted = await record.tx
      .insert(vocationalProfile)
      .values({
        ...fields,
        organisationId: record.organisationId,
        participantId: record.participantId,
        startedAt: now,
        startedBy: record.actor.staffId,
      })
      .onConflictDoNothing()
      .returning({ id: vocationalProfile.id });
    if (inserted.length === 0) return stale(await findProfile(record));
    await recordEngagement(record, now);
    return saved(undefined);
  }
  const updated = await record.tx
    .update(vocationalProfile)
    .set({ ...fields, version: sql`${vocationalProfile.version} + 1` })
    .where(onRecord(record, vocationalProfile, eq(vocationalProfile.version, version)))
    .returning({ id: vocationalProfile.id });
  return updated.length > 0 ? saved(undefined) : stale(current);
}
