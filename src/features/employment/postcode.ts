// Finding a UK postcode in a free-text address, for travel matching without a geocoder.

/** A UK postcode split the way travel matching compares places. */
export type UkPostcode = {
  /** Normalised: capitals and one space ("B15 2TT"). */
  postcode: string;
  /** The outward code, the postcode district ("B15"). */
  district: string;
  /** The postcode area, the district's letters ("B"). */
  area: string;
};

// The letters each position may hold (Royal Mail's rules): first letter never Q, V or X; second
// never I, J or Z; a letter after the district's digit only from a short list; the inward code's
// letters never C, I, K, M, O or V. Strict, so "Flat 2A" or a phone number is not a postcode.
const outward = "[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)";
const inward = "[0-9][ABD-HJLNP-UW-Z]{2}";
const postcodeInText = new RegExp(`(?<![A-Za-z0-9])(${outward}|GIR)[ \\t]*(${inward})(?![A-Za-z0-9])`, "gi");

/**
 * The last postcode written in the text (an address ends with it), or null. Case and spacing are
 * the writer's; the result is normalised.
 */
export function findUkPostcode(text: string | null | undefined): UkPostcode | null {
  if (!text) return null;
  let found: UkPostcode | null = null;
  for (const match of text.matchAll(postcodeInText)) {
    const district = match[1]!.toUpperCase();
    const inwardCode = match[2]!.toUpperCase();
    // Girobank's GIR 0AA is the one postcode outside the pattern.
    if (district === "GIR" && inwardCode !== "0AA") continue;
    found = { postcode: `${district} ${inwardCode}`, district, area: district.match(/^[A-Z]+/)![0] };
  }
  return found;
}
