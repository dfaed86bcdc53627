import { z } from "zod";
import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/db";
import { type AdminRequest, auditedChange, isUniqueViolation } from "../administration/service";
import { poundsToPence } from "./money";
import { type EmploymentSettings, employmentSettings } from "./schema";
import {
  defaultEmploymentSettings,
  type EmploymentSettingsVersion,
  employmentSettingsInForce,
  employmentSettingsSchema,
  savedEmploymentSettings,
} from "./settings";

// Saving and the history of an organisation's employment settings. Every save is a new version
// and none is edited or deleted, so "who changed the wage floor, and when" always has an answer.

const wageFloorLimits = employmentSettingsSchema.shape.wageFloorPence;

/** The admin form: the wage floor typed in pounds and pence, stored as pence. */
export const employmentSettingsForm = z.object({
  wageFloor: z.string({ message: "validation.employmentSettings.wageFloor" }).transform((text, context) => {
    const pence = poundsToPence(text);
    if (pence === undefined || !wageFloorLimits.safeParse(pence).success) {
      context.addIssue({ code: "custom", message: "validation.employmentSettings.wageFloor" });
      return z.NEVER;
    }
    return pence;
  }),
  weeklyEmployerContactTarget: employmentSettingsSchema.shape.weeklyEmployerContactTarget,
  version: z.coerce.number({ message: "validation.reload" }).int().min(0),
  reason: z.string().trim().max(1000, "validation.tooLong").optional(),
});

export type EmploymentSettingChange = { setting: keyof EmploymentSettings; from: number; to: number };

/** What a version changed from the one before it (the first, from the defaults). */
export function employmentSettingChanges(
  before: EmploymentSettings,
  after: EmploymentSettings,
): EmploymentSettingChange[] {
  return (Object.keys(after) as (keyof EmploymentSettings)[])
    .filter((setting) => before[setting] !== after[setting])
    .map((setting) => ({ setting, from: before[setting], to: after[setting] }));
}

export type EmploymentSettingsHistoryEntry = EmploymentSettingsVersion & {
  changes: EmploymentSettingChange[];
};

/** Every version, newest first, each with what it changed. */
export async function employmentSettingsHistory(
  executor: Executor,
  organisationId: string,
): Promise<EmploymentSettingsHistoryEntry[]> {
  const versions = await savedEmploymentSettings(executor, organisationId);
  return versions.map((entry, index) => ({
    ...entry,
    changes: employmentSettingChanges(
      versions[index + 1]?.settings ?? defaultEmploymentSettings,
      entry.settings,
    ),
  }));
}

export type EmploymentSettingsSave =
  | { kind: "saved"; version: number }
  | { kind: "stale"; current: EmploymentSettingsVersion };

/**
 * Saves a new version if the form was based on the one in force; otherwise "stale" with what is
 * in force now, so the admin sees both. The audit event names the organisation, the version and
 * which settings changed: identifiers only, never the reason's words.
 */
export async function saveEmploymentSettings(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  organisationId: string,
  form: { settings: EmploymentSettings; version: number; reason?: string | null },
): Promise<EmploymentSettingsSave> {
  try {
    return await auditedChange<EmploymentSettingsSave>(
      db,
      clock,
      request,
      { action: "employment_settings.update", subjectType: "organisation", organisationId },
      async (tx) => {
        const current = await employmentSettingsInForce(tx, organisationId);
        if (current.version !== form.version) return { result: { kind: "stale", current }, audit: false };
        const version = current.version + 1;
        await tx.insert(employmentSettings).values({
          organisationId,
          version,
          settings: form.settings,
          changedBy: request.actor.staffId,
          changedAt: clock.now(),
          reason: form.reason?.trim() ? form.reason.trim() : null,
        });
        return {
          result: { kind: "saved", version },
          subjectId: organisationId,
          detail: {
            version,
            changed: employmentSettingChanges(current.settings, form.settings)
              .map((change) => change.setting)
              .join(","),
          },
          audit: true,
        };
      },
    );
  } catch (error) {
    // Two admins saved the same version at the same moment: the unique version let one through.
    if (!isUniqueViolation(error)) throw error;
    return { kind: "stale", current: await employmentSettingsInForce(db, organisationId) };
  }
}
