import { Table } from "./components";
import type { Translator } from "./i18n";

// The page parts every versioned organisation setting shares (early-warning rules, employment
// settings): the line saying which version is in force, and the table of every version.

export type SettingsVersionFacts = {
  version: number;
  changedAt: Date | null;
  changedByName: string | null;
  reason: string | null;
};

/** "Version 3, saved by … on …", or that the defaults are in force. */
export function settingsVersionLine(t: Translator, version: SettingsVersionFacts): string {
  return version.changedAt
    ? t.t("settingsHistory.inForce", {
        version: version.version,
        name: version.changedByName ?? "",
        date: t.formatDate(version.changedAt, "dateTime"),
      })
    : t.t("settingsHistory.defaults");
}

/** One change as it reads: the setting's name and its value before and after, already worded. */
export type WordedChange = { setting: string; from: string; to: string };

/** Every saved version, newest first, with what each changed and why. */
export function SettingsHistoryTable<Change extends { setting: string }>({
  t,
  history,
  emptyText,
  word,
}: {
  t: Translator;
  history: (SettingsVersionFacts & { changes: Change[] })[];
  /** Shown when nothing was ever saved. */
  emptyText: string;
  word: (change: Change) => WordedChange;
}) {
  if (history.length === 0) return <p>{emptyText}</p>;
  return (
    <Table
      caption={t.t("settingsHistory.caption")}
      columns={[
        { label: t.t("settingsHistory.columns.version"), numeric: true },
        { label: t.t("settingsHistory.columns.when") },
        { label: t.t("settingsHistory.columns.who") },
        { label: t.t("settingsHistory.columns.changes") },
        { label: t.t("settingsHistory.columns.reason") },
      ]}
      rows={history.map((entry) => [
        t.formatNumber(entry.version),
        entry.changedAt ? t.formatDate(entry.changedAt, "dateTime") : "",
        entry.changedByName ?? "",
        entry.changes.length === 0 ? (
          t.t("settingsHistory.noChanges")
        ) : (
          <ul class="nhsuk-list">
            {entry.changes.map((change) => (
              <li key={change.setting}>{t.t("settingsHistory.change", word(change))}</li>
            ))}
          </ul>
        ),
        entry.reason ?? "",
      ])}
    />
  );
}
