import { desc, eq } from "drizzle-orm";
import type { Clock } from "../../../platform/clock";
import type { Database, Executor } from "../../../platform/db";
import { staffAccount } from "../../../platform/directory/schema";
import {
  type AdminRequest,
  type SettingChange,
  type SettingsSave,
  saveSettingsVersion,
  withChanges,
} from "../../administration/service";
import { defaultRuleSettings, monitoringRuleSettings, type RuleSettings, ruleSettingsSchema } from "./schema";

// An organisation's early-warning rule settings: every save is a new version, the latest is in
// force, and none is ever edited or deleted, so "who switched that rule off, and when" always
// has an answer.

/**
 * A stored row read back through the schema, over the defaults: a setting added to the rules
 * after the row was saved takes its default rather than switching off. A row the schema no longer
 * accepts (limits tightened in code) falls back to the defaults as a whole, never half of each.
 */
function readSettings(stored: unknown): RuleSettings {
  const parsed = ruleSettingsSchema.safeParse({ ...defaultRuleSettings, ...(stored as object) });
  return parsed.success ? parsed.data : defaultRuleSettings;
}

export type RuleSettingsVersion = {
  version: number;
  settings: RuleSettings;
  changedAt: Date | null;
  changedByName: string | null;
  reason: string | null;
};

/** The saved versions, newest first (at most `limit`), each read back through the schema. */
async function savedRuleSettings(
  executor: Executor,
  organisationId: string,
  limit?: number,
): Promise<RuleSettingsVersion[]> {
  const query = executor
    .select({
      version: monitoringRuleSettings.version,
      settings: monitoringRuleSettings.settings,
      changedAt: monitoringRuleSettings.changedAt,
      changedByName: staffAccount.fullName,
      reason: monitoringRuleSettings.reason,
    })
    .from(monitoringRuleSettings)
    .innerJoin(staffAccount, eq(staffAccount.id, monitoringRuleSettings.changedBy))
    .where(eq(monitoringRuleSettings.organisationId, organisationId))
    .orderBy(desc(monitoringRuleSettings.version))
    .$dynamic();
  const rows = await (limit === undefined ? query : query.limit(limit));
  return rows.map((row) => ({ ...row, settings: readSettings(row.settings) }));
}

/** The settings in force with their version; version 0 (the defaults) before the first save. */
export async function ruleSettingsInForce(
  executor: Executor,
  organisationId: string,
): Promise<RuleSettingsVersion> {
  const [latest] = await savedRuleSettings(executor, organisationId, 1);
  return (
    latest ?? {
      version: 0,
      settings: defaultRuleSettings,
      changedAt: null,
      changedByName: null,
      reason: null,
    }
  );
}

/** The settings the rules run with for this organisation (the defaults when none were saved). */
export async function currentRuleSettings(executor: Executor, organisationId: string): Promise<RuleSettings> {
  return (await ruleSettingsInForce(executor, organisationId)).settings;
}

export type RuleSettingChange = SettingChange<RuleSettings>;
export type RuleSettingsHistoryEntry = RuleSettingsVersion & { changes: RuleSettingChange[] };

/** Every version, newest first, each with what it changed. */
export async function ruleSettingsHistory(
  executor: Executor,
  organisationId: string,
): Promise<RuleSettingsHistoryEntry[]> {
  return withChanges(await savedRuleSettings(executor, organisationId), defaultRuleSettings);
}

export type RuleSettingsSave = SettingsSave<RuleSettingsVersion>;

/** A new version of the organisation's early-warning rule settings (versioned-settings.ts says how). */
export function saveRuleSettings(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  organisationId: string,
  form: { settings: RuleSettings; version: number; reason?: string | null },
): Promise<RuleSettingsSave> {
  return saveSettingsVersion(
    db,
    clock,
    request,
    organisationId,
    {
      action: "monitoring_rules.update",
      inForce: ruleSettingsInForce,
      insert: (tx, row) => tx.insert(monitoringRuleSettings).values(row),
    },
    form,
  );
}
