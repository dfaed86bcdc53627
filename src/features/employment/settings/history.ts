import { z } from "zod";
import type { Clock } from "../../../platform/clock";
import type { Database, Executor } from "../../../platform/db/index";
import {
  type AdminRequest,
  type SettingChange,
  type SettingsSave,
  saveSettingsVersion,
  withChanges,
} from "../../administration/service";
import { poundsToPence } from "../shared/money";
import { type EmploymentSettings, employmentSettings } from "./schema";
import {
  defaultEmploymentSettings,
  type EmploymentSettingsVersion,
  employmentSettingsInForce,
  employmentSettingsSchema,
  savedEmploymentSettings,
} from "./service";

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

export type EmploymentSettingChange = SettingChange<EmploymentSettings>;
export type EmploymentSettingsHistoryEntry = EmploymentSettingsVersion & {
  changes: EmploymentSettingChange[];
};

/** Every version, newest first, each with what it changed. */
export async function employmentSettingsHistory(
  executor: Executor,
  organisationId: string,
): Promise<EmploymentSettingsHistoryEntry[]> {
  return withChanges(await savedEmploymentSettings(executor, organisationId), defaultEmploymentSettings);
}

export type EmploymentSettingsSave = SettingsSave<EmploymentSettingsVersion>;

/** A new version of the organisation's employment settings (versioned-settings.ts says how). */
export function saveEmploymentSettings(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  organisationId: string,
  form: { settings: EmploymentSettings; version: number; reason?: string | null },
): Promise<EmploymentSettingsSave> {
  return saveSettingsVersion(
    db,
    clock,
    request,
    organisationId,
    {
      action: "employment_settings.update",
      inForce: employmentSettingsInForce,
      insert: (tx, row) => tx.insert(employmentSettings).values(row),
    },
    form,
  );
}
