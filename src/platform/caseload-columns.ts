import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { Actor } from "./access/policy";

// The caseload's follow-up columns come from the features that own those facts (the plan's next
// action, the last contact, open alerts). Each registers an SQL expression on its Feature
// (`caseloadColumns`); the caseload puts them in its one statement, computed for the page's rows
// only. So the participants feature lists them without importing those features (issue 12).

export type OpenAlertCounts = { urgent: number; warning: number };

export type CaseloadColumnValues = {
  nextActionDue: string | null;
  lastContactMs: number | null;
  openAlerts: OpenAlertCounts;
};

export type CaseloadColumnName = keyof CaseloadColumnValues;

/** An expression for one listed person (`listedId` is their id in the outer statement). */
export type CaseloadColumn<Name extends CaseloadColumnName> = (
  listedId: SQL,
  actor: Actor,
) => SQL<CaseloadColumnValues[Name]>;

export type CaseloadColumns = { [Name in CaseloadColumnName]?: CaseloadColumn<Name> };

const nothing: { [Name in CaseloadColumnName]: SQL<CaseloadColumnValues[Name]> } = {
  nextActionDue: sql`null`,
  lastContactMs: sql`null`,
  openAlerts: sql`json_build_object('urgent', 0, 'warning', 0)`,
};

let columns: CaseloadColumns = {};

export function setCaseloadColumns(all: CaseloadColumns[]) {
  const merged: Record<string, unknown> = {};
  for (const set of all)
    for (const [name, column] of Object.entries(set)) {
      if (merged[name]) throw new Error(`two features give the caseload column "${name}"`);
      merged[name] = column;
    }
  columns = merged as CaseloadColumns;
}

/** The column's expression for a listed person, or what it is when no feature gives it. */
export function caseloadColumn<Name extends CaseloadColumnName>(
  name: Name,
  listedId: SQL,
  actor: Actor,
): SQL<CaseloadColumnValues[Name]> {
  const column = columns[name] as CaseloadColumn<Name> | undefined;
  return column ? column(listedId, actor) : nothing[name];
}
