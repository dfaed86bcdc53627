import { eq, sql } from "drizzle-orm";
import { onRecord } from "../../platform/access/on-record";
import type { RecordScope } from "../../platform/access/own-record";
import { supportPlan } from "./schema";

/** How often PHQ-9 and GAD-7 come with the person's check-ins, as agreed in their plan. */
export async function measuresInterval(scope: RecordScope) {
  const [plan] = await scope.tx
    .select({ everyWeeks: supportPlan.measuresEveryWeeks, version: supportPlan.measuresVersion })
    .from(supportPlan)
    .where(onRecord(scope, supportPlan));
  return plan;
}

/** Saves the interval if nobody changed it since the form was opened. */
export async function saveMeasuresInterval(
  scope: RecordScope,
  everyWeeks: number | null,
  basedOn: number,
  now: Date,
): Promise<"saved" | "stale" | "no_plan"> {
  const current = await measuresInterval(scope);
  if (!current) return "no_plan";
  const saved = await scope.tx
    .update(supportPlan)
    .set({
      measuresEveryWeeks: everyWeeks,
      measuresVersion: sql`${supportPlan.measuresVersion} + 1`,
      version: sql`${supportPlan.version} + 1`,
      updatedAt: now,
    })
    .where(onRecord(scope, supportPlan, eq(supportPlan.measuresVersion, basedOn)))
    .returning({ id: supportPlan.id });
  return saved.length > 0 ? "saved" : "stale";
}
