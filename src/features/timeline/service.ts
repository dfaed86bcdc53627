import type { ParticipantRecord } from "../../platform/access/door";
import type { Translator } from "../../platform/web/i18n";
import type { TimelineEntry } from "../../platform/web/timeline";
import { timelineEntries as assessmentEntries } from "../assessments/service";
import { timelineEntries as contactEntries } from "../contacts/service";
import {
  returnToWorkTimelineEntries as returnToWorkEntries,
  timelineEntries as workEntries,
} from "../employment/service";
import { timelineEntries as alertEntries } from "../monitoring/service";
import { timelineEntries as journeyEntries } from "../participants/service";
import { timelineEntries as planEntries } from "../plans/service";
import { arrangeTimeline, type TimelinePage } from "./rules";
import type { TimelineQuery } from "./schema";

export { type AccessLogEntry, type AccessLogPage, participantAccessLog } from "./access-log";

export type TimelineSource = (record: ParticipantRecord, t: Translator) => Promise<TimelineEntry[]>;

/**
 * Every feature that puts entries on the participant timeline: each reads its own rows through
 * the record handle and shows only what this reader may see.
 */
export const timelineSources: readonly TimelineSource[] = [
  journeyEntries,
  assessmentEntries,
  planEntries,
  contactEntries,
  alertEntries,
  workEntries,
  returnToWorkEntries,
];

/** One page of the timeline, read within the record already opened through the door. */
export async function participantTimeline(
  record: ParticipantRecord,
  t: Translator,
  query: TimelineQuery,
): Promise<TimelinePage> {
  // One after another: they share the record's one connection.
  const lists: TimelineEntry[][] = [];
  for (const source of timelineSources) lists.push(await source(record, t));
  return arrangeTimeline(lists, query.category, query.page);
}
