// Money as staff type it and read it. Pay is kept in whole pence so comparisons are exact.

/**
 * "12.71", "£12.71", "12.7" or "12" as pence; undefined for anything else (more than two decimal
 * places, letters, a negative amount). Commas are allowed as thousands separators in the pounds.
 */
export function poundsToPence(text: string): number | undefined {
  const match = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const pounds = Number(match[1]!.replaceAll(",", ""));
  const pence = Number((match[2] ?? "0").padEnd(2, "0"));
  const total = pounds * 100 + pence;
  return Number.isSafeInteger(total) ? total : undefined;
}

/** Pence as pounds with two decimal places, without the sign ("12.71"), for a form field. */
export const penceAsPounds = (pence: number) => (pence / 100).toFixed(2);

/** Pence for reading ("£12.71"). */
export const formatPence = (pence: number) => `£${penceAsPounds(pence)}`;
