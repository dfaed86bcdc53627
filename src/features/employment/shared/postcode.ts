// UK postcodes: the district staff type for an employer or a vacancy, and the postcode found in
// a free-text address for travel matching, without a geocoder. The two read differently on
// purpose: a field that asks for a postcode refuses only what cannot have a postcode's shape,
// while a search through an address needs Royal Mail's letter rules so that "Flat 2A" or a phone
// number is not taken for one.

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

/**
 * The outward code of a UK postcode ("B15", "SW1A", "M1"), upper-cased, from what staff typed:
 * an outward code alone or a whole postcode. Undefined when it cannot be one.
 */
export function parsePostcodeDistrict(typed: string): string | undefined {
  const compact = typed.replace(/\s+/g, " ").trim().toUpperCase();
  const outward = /^([A-Z]{1,2}\d[A-Z\d]?)(?: ?\d[A-Z]{2})?$/.exec(compact);
  return outward?.[1];
}
