import { desc, eq, inArray } from "drizzle-orm";
import { onRecord } from "../../../platform/access/on-record";
import { calendarDateAt } from "../../../platform/clock";
import type { Executor } from "../../../platform/db";
import { contact } from "../../contacts/schema";
import { moveIntoWork } from "../../participants/service";
import { followAlongSchedule, nextContactDue } from "./schedule";
import { followAlong } from "./schema";

type Target = { tx: Executor; participantId: string; organisationId: string };

/**
 * The hook for a job start (the employment records call it; staff can record a start here until
 * then): the person moves to "in work" and follow-along support begins, or carries on with the new
 * start date if it was already running (a move to a better job keeps the same support).
 */
export async function startFollowAlong(
  target: Target,
  start: { jobStartedOn: string; startedBy: string | null },
  now: Date,
): Promise<"started" | "continued" | "record_closed"> {
  if (!(await moveIntoWork(target, now))) return "record_closed";
  const [active] = await activeFollowAlong(target);
  if (active) {
    await target.tx
      .update(followAlong)
      .set({ jobStartedOn: start.jobStartedOn })
      .where(eq(followAlong.id, active.id));
    return "continued";
  }
  await target.tx.insert(followAlong).values({
    organisationId: target.organisationId,
    participantId: target.participantId,
    jobStartedOn: start.jobStartedOn,
    startedBy: start.startedBy,
    startedAt: now,
  });
  return "started";
}

function activeFollowAlong(target: Target) {
  return target.tx
    .select()
    .from(followAlong)
    .where(onRecord(target, followAlong, eq(followAlong.status, "active")))
    .limit(1);
}

/** Ends follow-along only because the person chose to: their reason, who recorded it, when. */
export async function endFollowAlong(
  target: Target,
  end: { reason: string; endedBy: string },
  now: Date,
): Promise<boolean> {
  const ended = await target.tx
    .update(followAlong)
    .set({ status: "ended", endedAt: now, endedBy: end.endedBy, endReason: end.reason })
    .where(onRecord(target, followAlong, eq(followAlong.status, "active")))
    .returning({ id: followAlong.id });
  return ended.length > 0;
}

/**
 * Follow-along as it stands: the latest episode and, while it runs, the contact schedule met by
 * attended contacts with the person or with their employer on their behalf.
 */
export async function followAlongView(target: Target, now: Date) {
  const [latest] = await target.tx
    .select()
    .from(followAlong)
    .where(onRecord(target, followAlong))
    .orderBy(desc(followAlong.startedAt))
    .limit(1);
  if (!latest) return { episode: undefined, schedule: [], nextDue: undefined };
  if (latest.status === "ended") return { episode: latest, schedule: [], nextDue: undefined };
  const contacts = await target.tx
    .select({ occurredAt: contact.occurredAt })
    .from(contact)
    .where(
      onRecord(
        target,
        contact,
        eq(contact.attendance, "attended"),
        inArray(contact.withWhom, ["participant", "employer"]),
      ),
    );
  const schedule = followAlongSchedule(
    latest.jobStartedOn,
    contacts.map((row) => calendarDateAt(row.occurredAt)),
    calendarDateAt(now),
  );
  return { episode: latest, schedule, nextDue: nextContactDue(schedule) };
}
