import { z } from "zod";

/**
 * The years a date typed into Tandem may fall in (decision 50). Every date here is a birth, a
 * referral, a contact, a job, an absence or a plan's review: none is before 1900 or after 2200.
 * A year outside them is a slip of the keyboard (0000, 20266), and PostgreSQL cannot store some
 * of them at all, so each date schema refuses them with the field's own message.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

export const isYearInRange = (year: number) => year >= EARLIEST_YEAR && year <= LATEST_YEAR;

/** A real calendar date as YYYY-MM-DD (no 30 February), in any year. */
export function isRealCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real calendar date as YYYY-MM-DD, in the years above. */
export const isCalendarDate = (text: string) =>
  isRealCalendarDate(text) && isYearInRange(Number(text.slice(0, 4)));

/** A calendar date in a form or an API body: YYYY-MM-DD, real, in range; `message` for any fault. */
export const calendarDate = (message?: string) =>
  z.iso
    .date({ abort: true, ...(message ? { message } : {}) })
    .refine(isCalendarDate, message ? { message } : undefined);

/** An ISO 8601 instant with its offset (an API's "when"), whose date is in range. */
export const calendarInstant = (message?: string) =>
  z.iso
    .datetime({ offset: true, abort: true, ...(message ? { message } : {}) })
    .refine((text) => isYearInRange(new Date(text).getUTCFullYear()), message ? { message } : undefined);
