/**
 * One event on a participant's timeline. Each feature's service turns its own rows into these
 * (`timelineEntries(record, t)`), reading only what the record handle lets the reader see, and
 * the timeline tab merges them in order.
 */
export type TimelineEntry = {
  at: Date;
  /** The filter it falls under on the timeline. */
  category: "referral" | "consent" | "care_team" | "assessment" | "plan" | "contact" | "alert" | "work";
  /** Already in the reader's language. */
  title: string;
  detail?: string;
  /** Where to read the whole item, if it has a page of its own. */
  href?: string;
};
