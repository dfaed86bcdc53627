import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../../platform/db/index";
import { staffAccount } from "../../../platform/directory/schema";
import { type EmploymentSettings, employmentSettings } from "./schema";

/**
 * The defaults before an organisation saves its own. The wage floor is the UK National Living
 * Wage from April 2026, £12.71 an hour (recalled, not in domain.md: UNVERIFIED, so the settings
 * page says so). Six face-to-face employer contacts a week is IPS's widely used target, which
 * domain.md marks UNVERIFIED too.
 */
export const defaultEmploymentSettings: EmploymentSettings = {
  wageFloorPence: 1271,
  weeklyEmployerContactTarget: 6,
};

export const employmentSettingsSchema = z.object({
  wageFloorPence: z.coerce
    .number({ message: "validation.employmentSettings.wageFloor" })
    .int("validation.employmentSettings.wageFloor")
    .min(100, "validation.employmentSettings.wageFloor")
    .max(10_000, "validation.employmentSettings.wageFloor"),
  weeklyEmployerContactTarget: z.coerce
    .number({ message: "validation.employmentSettings.target" })
    .int("validation.employmentSettings.target")
    .min(1, "validation.employmentSettings.target")
    .max(40, "validation.employmentSettings.target"),
});

function readSettings(stored: unknown): EmploymentSettings {
  const parsed = employmentSettingsSchema.safeParse({ ...defaultEmploymentSettings, ...(stored as object) });
  return parsed.success ? parsed.data : defaultEmploymentSettings;
}

export type EmploymentSettingsVersion = {
  version: number;
  settings: EmploymentSettings;
  changedAt: Date | null;
  changedByName: string | null;
  reason: string | null;
};

/** Every saved version, newest first, with who saved it (or only the newest `limit`). */
export async function savedEmploymentSettings(
  executor: Executor,
  organisationId: string,
  limit?: number,
): Promise<EmploymentSettingsVersion[]> {
  const query = executor
    .select({
      version: employmentSettings.version,
      settings: employmentSettings.settings,
      changedAt: employmentSettings.changedAt,
      changedByName: staffAccount.fullName,
      reason: employmentSettings.reason,
    })
    .from(employmentSettings)
    .innerJoin(staffAccount, eq(staffAccount.id, employmentSettings.changedBy))
    .where(eq(employmentSettings.organisationId, organisationId))
    .orderBy(desc(employmentSettings.version))
    .$dynamic();
  const rows = await (limit === undefined ? query : query.limit(limit));
  return rows.map((row) => ({ ...row, settings: readSettings(row.settings) }));
}

/** The settings in force with their version; version 0 (the defaults) before the first save. */
export async function employmentSettingsInForce(
  executor: Executor,
  organisationId: string,
): Promise<EmploymentSettingsVersion> {
  const [latest] = await savedEmploymentSettings(executor, organisationId, 1);
  return (
    latest ?? {
      version: 0,
      settings: defaultEmploymentSettings,
      changedAt: null,
      changedByName: null,
      reason: null,
    }
  );
}

export async function currentEmploymentSettings(
  executor: Executor,
  organisationId: string,
): Promise<EmploymentSettings> {
  return (await employmentSettingsInForce(executor, organisationId)).settings;
}
