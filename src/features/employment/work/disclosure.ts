import { desc, inArray } from "drizzle-orm";
import { onRecord } from "../../../platform/access/on-record";
import type { RecordScope } from "../../../platform/access/own-record";
import { vocationalProfile } from "../../assessments/schema";
import { consentGiven } from "../../participants/service";
import { type EmployerDisclosureRow, employerDisclosure } from "./schema";

export type DisclosureChoice = EmployerDisclosureRow["choice"];

/**
 * What one employer may be told about the person, as it stands: their choice for that employer
 * if they made one, else the general preference from their vocational profile, else nothing.
 * "Nothing" is the safe default: an employer never learns more than the person agreed.
 */
export type DisclosureInForce = {
  choice: DisclosureChoice;
  wording: string;
  /** Where the choice comes from: this employer, the profile's general preference, or no choice yet. */
  source: "employer" | "profile" | "none";
  recordedAt: Date | null;
};

export async function disclosuresFor(
  record: RecordScope,
  employerIds: readonly string[],
): Promise<Map<string, DisclosureInForce>> {
  const found = new Map<string, DisclosureInForce>();
  if (employerIds.length === 0) return found;
  const rows = await record.tx
    .select()
    .from(employerDisclosure)
    .where(onRecord(record, employerDisclosure, inArray(employerDisclosure.employerId, [...employerIds])))
    .orderBy(desc(employerDisclosure.recordedAt), desc(employerDisclosure.id));
  for (const row of rows) {
    if (!found.has(row.employerId))
      found.set(row.employerId, {
        choice: row.choice,
        wording: row.wording,
        source: "employer",
        recordedAt: row.recordedAt,
      });
  }
  const missing = employerIds.filter((id) => !found.has(id));
  if (missing.length > 0) {
    const general = await generalDisclosure(record);
    for (const id of missing) found.set(id, general);
  }
  return found;
}

/** For an employer the person has not chosen for: their profile's general preference, else nothing. */
export async function generalDisclosure(record: RecordScope): Promise<DisclosureInForce> {
  const [profile] = await record.tx
    .select({
      choice: vocationalProfile.disclosurePreference,
      wording: vocationalProfile.disclosureWording,
    })
    .from(vocationalProfile)
    .where(onRecord(record, vocationalProfile))
    .limit(1);
  return profile?.choice
    ? { choice: profile.choice, wording: profile.wording, source: "profile", recordedAt: null }
    : { choice: "nothing", wording: "", source: "none", recordedAt: null };
}

export async function disclosureFor(record: RecordScope, employerId: string): Promise<DisclosureInForce> {
  return (await disclosuresFor(record, [employerId])).get(employerId)!;
}

/** Employer-facing work about a person needs their live consent to contact employers. */
export function mayContactEmployers(record: RecordScope): Promise<boolean> {
  return consentGiven(record, "contact_employers");
}
