import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { z } from "zod";
import { staffAccount } from "../../../platform/directory/schema";
import { participantOwned } from "../../participants/schema";

export const followAlongStatuses = ["active", "ended"] as const;

/**
 * Follow-along support once a person is in work (IPS: time-unlimited). It has no end date: it
 * ends only when the person chooses, recorded with who asked and when.
 */
export const followAlong = pgTable(
  "follow_along",
  {
    ...participantOwned(),
    jobStartedOn: date("job_started_on").notNull(),
    /** Where the job start came from: the employment records, or staff recording it here. */
    startedBy: uuid("started_by").references(() => staffAccount.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: followAlongStatuses }).notNull().default("active"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: uuid("ended_by").references(() => staffAccount.id),
    /** Only ever the person's own choice, in their words or as they put it to staff. */
    endReason: text("end_reason"),
  },
  (table) => [index("follow_along_participant_idx").on(table.participantId, table.status)],
);
export type FollowAlongRow = typeof followAlong.$inferSelect;

/** Ending follow-along is the person's choice, so the form asks whose choice it was and why. */
export const followAlongEndForm = z.object({
  personAsked: z.literal("yes", { message: "validation.followAlong.personAsked" }),
  reason: z
    .string({ message: "validation.followAlong.reason" })
    .trim()
    .min(1, "validation.followAlong.reason")
    .max(2000, "validation.tooLong"),
});
