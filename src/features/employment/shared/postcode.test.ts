import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findUkPostcode, parsePostcodeDistrict } from "./postcode";

// Valid postcodes built from Royal Mail's letter rules, in every outward shape (A9, A99, A9A,
// AA9, AA99, AA9A), so properties cover the whole pattern rather than a few examples.
const pick = (letters: string) => fc.constantFrom(...letters.split(""));
const first = pick("ABCDEFGHIJKLMNOPRSTUWYZ");
const second = pick("ABCDEFGHKLMNOPQRSTUVWXY");
const digit = pick("0123456789");
const outwardCode = fc.oneof(
  fc.tuple(first, digit).map((parts) => parts.join("")),
  fc.tuple(first, digit, digit).map((parts) => parts.join("")),
  fc.tuple(first, digit, pick("ABCDEFGHJKPSTUW")).map((parts) => parts.join("")),
  fc.tuple(first, second, digit).map((parts) => parts.join("")),
  fc.tuple(first, second, digit, digit).map((parts) => parts.join("")),
  fc.tuple(first, second, digit, pick("ABEHMNPRVWXY")).map((parts) => parts.join("")),
);
const inwardCode = fc
  .tuple(digit, pick("ABDEFGHJLNPQRSTUWXYZ"), pick("ABDEFGHJLNPQRSTUWXYZ"))
  .map((parts) => parts.join(""));
const streetText = fc.stringMatching(/^[A-Za-z ,]{0,30}$/);

describe("finding a UK postcode in an address", () => {
  it("finds the postcode at the end of an address, whatever its case and spacing", () => {
    expect(findUkPostcode("12 Broad Street, Birmingham, b15 2tt")).toEqual({
      postcode: "B15 2TT",
      district: "B15",
      area: "B",
    });
    expect(findUkPostcode("Flat 3, 1 High St, London SW1A1AA")).toEqual({
      postcode: "SW1A 1AA",
      district: "SW1A",
      area: "SW",
    });
    expect(findUkPostcode("M1 1AE")?.district).toBe("M1");
    expect(findUkPostcode("Girobank, GIR 0AA")?.postcode).toBe("GIR 0AA");
  });

  it("finds no postcode where there is none: no address, flat numbers, phone numbers, letters Royal Mail never uses", () => {
    expect(findUkPostcode(null)).toBeNull();
    expect(findUkPostcode("")).toBeNull();
    expect(findUkPostcode("Flat 2A, Station Road, Walsall")).toBeNull();
    expect(findUkPostcode("Phone 0121 496 0000")).toBeNull();
    expect(findUkPostcode("QA1 1AA")).toBeNull();
    expect(findUkPostcode("B15 2CI")).toBeNull();
    expect(findUkPostcode("XB15 2TTX")).toBeNull();
  });

  it("takes the last postcode when an address holds two (a care-of line, say)", () => {
    expect(findUkPostcode("c/o B1 1AA, now at 4 Elm Road, WS1 3EX")?.district).toBe("WS1");
  });

  it("finds any valid postcode written anywhere in an address line, and reports it normalised", () => {
    fc.assert(
      fc.property(
        streetText,
        outwardCode,
        inwardCode,
        fc.constantFrom("", " ", "  "),
        fc.boolean(),
        (street, outward, inward, gap, lower) => {
          const written = `${outward}${gap}${inward}`;
          const found = findUkPostcode(
            `${street}${street ? ", " : ""}${lower ? written.toLowerCase() : written}`,
          );
          expect(found).toEqual({
            postcode: `${outward} ${inward}`,
            district: outward,
            area: outward.match(/^[A-Z]+/)![0],
          });
        },
      ),
    );
  });

  it("never throws, and anything it finds is a well-formed postcode whose district starts with its area", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const found = findUkPostcode(text);
        if (found) {
          expect(found.postcode).toMatch(/^([A-Z]{1,2}[0-9][0-9A-Z]?|GIR) [0-9][A-Z]{2}$/);
          expect(found.postcode.startsWith(`${found.district} `)).toBe(true);
          expect(found.district.startsWith(found.area)).toBe(true);
        }
      }),
    );
  });
});

describe("postcode districts", () => {
  it("reads an outward code or a whole postcode, in any case and spacing", () => {
    expect(parsePostcodeDistrict("b15")).toBe("B15");
    expect(parsePostcodeDistrict(" B15 2TT ")).toBe("B15");
    expect(parsePostcodeDistrict("sw1a1aa")).toBe("SW1A");
    expect(parsePostcodeDistrict("M1")).toBe("M1");
    expect(parsePostcodeDistrict("EC1V 9HX")).toBe("EC1V");
  });

  it("refuses what cannot be a postcode", () => {
    for (const typed of ["", "Birmingham", "15B", "B", "BBB1", "B15 2T", "B15-2TT"])
      expect(parsePostcodeDistrict(typed)).toBeUndefined();
  });

  it("gives back the same district for any whole postcode built on it", () => {
    const letter = fc.constantFrom(..."ABCDEFGHJKLMNOPRSTUWYZ".split(""));
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const district = fc
      .tuple(letter, fc.option(letter, { nil: "" }), fc.integer({ min: 1, max: 99 }))
      .map(([first, second, number]) => `${first}${second}${number}`);
    const inward = fc.tuple(digit, letter, letter).map((parts) => parts.join(""));
    fc.assert(
      fc.property(
        district,
        inward,
        fc.constantFrom("", " ", "  "),
        fc.boolean(),
        (outward, rest, gap, lower) => {
          const typed = `${outward}${gap}${rest}`;
          expect(parsePostcodeDistrict(lower ? typed.toLowerCase() : typed)).toBe(outward);
          expect(parsePostcodeDistrict(outward)).toBe(outward);
        },
      ),
    );
  });
});
