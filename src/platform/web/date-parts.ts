// A date typed as the NHS.UK date input asks for it: day, month and year in three fields. One
// parser turns the three parts into a calendar date (YYYY-MM-DD, what every schema and the API
// already take) or says precisely what is wrong, in the NHS.UK / GOV.UK date-input pattern's
// words ("… must include a month", "… must be a real date", "Year must include 4 numbers").

export const dateParts = ["day", "month", "year"] as const;
export type DatePart = (typeof dateParts)[number];
export type TypedDate = Partial<Record<DatePart, string>>;

import { EARLIEST_YEAR, LATEST_YEAR } from "../calendar-date";

/** The earliest and latest years a person may type: the one range every date schema holds too. */
export const earliestYear = EARLIEST_YEAR;
export const latestYear = LATEST_YEAR;

export type DateProblem =
  /** Some parts left empty: "… must include a day and month". */
  | { kind: "missing"; parts: DatePart[] }
  /** Not a day of the calendar (31 February, month 13, letters): "… must be a real date". */
  | { kind: "notReal"; parts: DatePart[] }
  /** "84" or "19840": "Year must include 4 numbers". */
  | { kind: "yearDigits"; parts: ["year"] }
  /** A real date, but before 1900 or after 2200. */
  | { kind: "yearRange"; parts: ["year"] };

export type ParsedDate = { kind: "blank" } | { kind: "date"; iso: string } | DateProblem;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (month: number, year: number) =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * Three typed parts as a calendar date. Spaces around a part are ignored and a day or month may be
 * one digit ("3") or two ("03"); the year must be four digits. Everything empty is `blank`, so the
 * form's own schema says whether the date is needed. Problems name the parts in error, so the page
 * marks only those fields and the error summary links to the first of them.
 */
export function parseDateParts(typed: TypedDate): ParsedDate {
  const day = (typed.day ?? "").trim();
  const month = (typed.month ?? "").trim();
  const year = (typed.year ?? "").trim();
  const given = { day, month, year };
  const missing = dateParts.filter((part) => given[part] === "");
  if (missing.length === 3) return { kind: "blank" };
  if (missing.length > 0) return { kind: "missing", parts: missing };

  const monthNumber = /^\d{1,2}$/.test(month) ? Number(month) : Number.NaN;
  const dayNumber = /^\d{1,2}$/.test(day) ? Number(day) : Number.NaN;
  const notReal: DatePart[] = [];
  if (!(dayNumber >= 1 && dayNumber <= 31)) notReal.push("day");
  if (!(monthNumber >= 1 && monthNumber <= 12)) notReal.push("month");
  if (!/^\d+$/.test(year)) notReal.push("year");
  if (notReal.length > 0) return { kind: "notReal", parts: notReal };
  if (!/^\d{4}$/.test(year)) return { kind: "yearDigits", parts: ["year"] };
  const yearNumber = Number(year);
  // 29 February is real only in a leap year, so the day is checked against this month of this year.
  if (dayNumber > daysIn(monthNumber, yearNumber)) return { kind: "notReal", parts: ["day"] };
  if (yearNumber < earliestYear || yearNumber > latestYear) return { kind: "yearRange", parts: ["year"] };
  const two = (value: number) => String(value).padStart(2, "0");
  return { kind: "date", iso: `${year}-${two(monthNumber)}-${two(dayNumber)}` };
}

/** A calendar date (YYYY-MM-DD) as the three parts the fields show: "2026-03-02" is 2, 3, 2026. */
export function partsOfDate(iso: unknown): TypedDate {
  const match = typeof iso === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim()) : null;
  if (!match) return {};
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] };
}

/** The form field name of one part: `dateOfBirth[day]`. */
export const partName = (field: string, part: DatePart) => `${field}[${part}]`;

/** The element id of one part, the error summary's link target: `dateOfBirth-day`. */
export const partId = (field: string, part: DatePart) => `${field}-${part}`;

const partKey = /^(.+)\[(day|month|year)\]$/;

/** The date fields a form holds parts for, in the order their first part appears. */
export function dateFieldsIn(form: Record<string, unknown>): string[] {
  const fields: string[] = [];
  for (const key of Object.keys(form)) {
    const field = partKey.exec(key)?.[1];
    if (field && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/**
 * What a date that could not be read stands for in the collapsed form: a value no date rule
 * accepts, so the form's schema fails on that field even when the date is optional, and the
 * page shows the parser's message instead of the schema's.
 */
export const unreadableDate = "unreadable-date";
