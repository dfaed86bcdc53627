import { index, numeric, pgTable, smallint, text, time, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffAccount } from "../../../platform/directory/schema";
import { participantOwned } from "../../participants/schema";

/** Who filled a check-in in: the person in their own pages, or staff with them (phone, visit). */
export const checkInSources = ["participant", "staff"] as const;
export type CheckInSource = (typeof checkInSources)[number];

/**
 * A check-in: how the person slept and feels, and how work is going. Their own report, shared
 * with their care team to notice early when things slip (seed 003); never edited once saved.
 */
export const checkIn = pgTable(
  "check_in",
  {
    ...participantOwned(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    source: text("source", { enum: checkInSources }).notNull(),
    /** The member of staff who filled it in with the person, when they did. */
    recordedBy: uuid("recorded_by").references(() => staffAccount.id),
    sleepHours: numeric("sleep_hours", { precision: 3, scale: 1, mode: "number" }),
    bedtime: time("bedtime"),
    wakeTime: time("wake_time"),
    mood: smallint("mood"),
    stress: smallint("stress"),
    energy: smallint("energy"),
    hoursWorked: numeric("hours_worked", { precision: 4, scale: 1, mode: "number" }),
    howWorkIsGoing: text("how_work_is_going"),
  },
  (table) => [index("check_in_participant_idx").on(table.participantId, table.recordedAt)],
);
export type CheckInRow = typeof checkIn.$inferSelect;
