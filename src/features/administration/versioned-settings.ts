import type { AuditAction } from "../../platform/audit/service";
import type { Clock } from "../../platform/clock";
import type { Database, Executor, Transaction } from "../../platform/db";
import { type Saved, type Stale, saved, stale } from "../../platform/outcome";
import { type AdminRequest, auditedChange, isUniqueViolation } from "./service";

// An organisation's settings kept as versions (early-warning rules, employment settings): every
// save is a new row, the highest version is in force, none is edited or deleted, so "who changed
// that, and when" always has an answer.

/** A save of the settings, in the one outcome family: the new version's number, or the version in force. */
export type SettingsSave<Version> = Saved<{ version: number }> | Stale<Version>;

export type SettingChange<Settings> = {
  setting: keyof Settings & string;
  from: Settings[keyof Settings];
  to: Settings[keyof Settings];
};

/** What a version changed from the one before it: each setting whose value differs. */
export function settingChanges<Settings extends object>(
  before: Settings,
  after: Settings,
): SettingChange<Settings>[] {
  return (Object.keys(after) as (keyof Settings & string)[])
    .filter((setting) => before[setting] !== after[setting])
    .map((setting) => ({ setting, from: before[setting], to: after[setting] }));
}

/** Versions newest first, each with what it changed (the oldest, from the defaults). */
export function withChanges<Settings extends object, Version extends { settings: Settings }>(
  versions: readonly Version[],
  defaults: Settings,
): (Version & { changes: SettingChange<Settings>[] })[] {
  return versions.map((entry, index) => ({
    ...entry,
    changes: settingChanges(versions[index + 1]?.settings ?? defaults, entry.settings),
  }));
}

export type NewSettingsRow<Settings> = {
  organisationId: string;
  version: number;
  settings: Settings;
  changedBy: string;
  changedAt: Date;
  reason: string | null;
};

/**
 * Saves a new version if the form was based on the one in force; otherwise "stale" with what is
 * in force now, so the admin sees both. The audit event names the organisation, the version and
 * which settings changed: identifiers only, never the reason's words. Two admins saving the same
 * version at once race on the table's unique version: one wins, the other is told it is stale.
 */
export async function saveSettingsVersion<
  Settings extends object,
  Version extends { version: number; settings: Settings },
>(
  db: Database,
  clock: Clock,
  request: AdminRequest,
  organisationId: string,
  store: {
    action: AuditAction;
    inForce: (executor: Executor, organisationId: string) => Promise<Version>;
    insert: (tx: Transaction, row: NewSettingsRow<Settings>) => Promise<unknown>;
  },
  form: { settings: Settings; version: number; reason?: string | null },
): Promise<SettingsSave<Version>> {
  try {
    return await auditedChange<SettingsSave<Version>>(
      db,
      clock,
      request,
      { action: store.action, subjectType: "organisation", organisationId },
      async (tx) => {
        const current = await store.inForce(tx, organisationId);
        if (current.version !== form.version) return { result: stale(current), audit: false };
        const version = current.version + 1;
        await store.insert(tx, {
          organisationId,
          version,
          settings: form.settings,
          changedBy: request.actor.staffId,
          changedAt: clock.now(),
          reason: form.reason?.trim() ? form.reason.trim() : null,
        });
        return {
          result: saved({ version }),
          subjectId: organisationId,
          detail: {
            version,
            changed: settingChanges(current.settings, form.settings)
              .map((change) => change.setting)
              .join(","),
          },
          audit: true,
        };
      },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { kind: "stale", current: await store.inForce(db, organisationId) };
  }
}
