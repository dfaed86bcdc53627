import { type ActionStatus, openActionStatuses, type PlanSnapshot } from "./schema";

// Pure rules of the plan: no database, no HTTP, so they are tested on their own.

export { calendarDateAt } from "../../platform/clock";

export const isOpenAction = (status: ActionStatus): boolean =>
  (openActionStatuses as readonly string[]).includes(status);

/** Overdue: still open and due before today. An action due today is not yet overdue. */
export function isOverdue(action: { status: ActionStatus; dueDate: string }, today: string): boolean {
  return isOpenAction(action.status) && action.dueDate < today;
}

/** Agreed versions are numbered 1, 2, 3 … within one plan, never reused. */
export function nextVersionNumber(existing: readonly number[]): number {
  return existing.reduce((highest, number) => Math.max(highest, number), 0) + 1;
}

/** The earliest open action's due date, or undefined when nothing is open. */
export function earliestOpenDue(actions: readonly { status: ActionStatus; dueDate: string }[]) {
  return actions
    .filter((action) => isOpenAction(action.status))
    .map((action) => action.dueDate)
    .sort()[0];
}

export type PlanSection = "goals" | "actions" | "supports" | "warningSigns" | "contingency";

/** One line of "what changed since the last agreed version". */
export type PlanChange = {
  section: PlanSection;
  change: "added" | "changed" | "removed";
  /** The item's own words (goal text, action description …) so a reader knows which it was. */
  label: string;
  /** Which of the item's fields changed, by name. */
  fields: string[];
};

type Item = { id: string } & Record<string, unknown>;

function compareItems<Row extends Item>(
  section: PlanSection,
  before: readonly Row[],
  after: readonly Row[],
  labelOf: (row: Row) => string,
): PlanChange[] {
  const changes: PlanChange[] = [];
  const previous = new Map(before.map((row) => [row.id, row]));
  const current = new Set(after.map((row) => row.id));
  for (const row of after) {
    const old = previous.get(row.id);
    if (!old) {
      changes.push({ section, change: "added", label: labelOf(row), fields: [] });
      continue;
    }
    const fields = Object.keys(row).filter(
      (key) => key !== "id" && JSON.stringify(row[key]) !== JSON.stringify(old[key]),
    );
    if (fields.length > 0) changes.push({ section, change: "changed", label: labelOf(row), fields });
  }
  for (const row of before) {
    if (!current.has(row.id)) changes.push({ section, change: "removed", label: labelOf(row), fields: [] });
  }
  return changes;
}

/** What changed between two snapshots of the same plan (an empty list when nothing did). */
export function planChanges(before: PlanSnapshot, after: PlanSnapshot): PlanChange[] {
  const contingencyFields = (["text", "alternatives", "checkBackDate"] as const).filter(
    (key) =>
      JSON.stringify(
        key === "alternatives" ? [...before.contingency.alternatives].sort() : before.contingency[key],
      ) !==
      JSON.stringify(
        key === "alternatives" ? [...after.contingency.alternatives].sort() : after.contingency[key],
      ),
  );
  return [
    ...compareItems("goals", before.goals, after.goals, (goal) => goal.goal),
    ...compareItems("actions", before.actions, after.actions, (action) => action.description),
    ...compareItems(
      "supports",
      before.supports,
      after.supports,
      (support) => support.otherKind ?? support.kind,
    ),
    ...compareItems("warningSigns", before.warningSigns, after.warningSigns, (sign) => sign.sign),
    ...(contingencyFields.length > 0
      ? [
          {
            section: "contingency" as const,
            change: "changed" as const,
            label: "",
            fields: [...contingencyFields],
          },
        ]
      : []),
  ];
}

export const emptySnapshot: PlanSnapshot = {
  goals: [],
  actions: [],
  supports: [],
  warningSigns: [],
  contingency: { text: null, alternatives: [], checkBackDate: null },
};
