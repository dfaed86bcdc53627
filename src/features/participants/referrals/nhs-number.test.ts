import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNhsNumber, isValidNhsNumber, nhsNumberCheckDigit, normaliseNhsNumber } from "./nhs-number";

describe("NHS number Modulus 11 check", () => {
  it("accepts published valid numbers, written with or without spaces", () => {
    // 943 476 5919 is NHS Digital's documented example; 401 023 2137 appears in NHS test data.
    expect(isValidNhsNumber("9434765919")).toBe(true);
    expect(isValidNhsNumber("943 476 5919")).toBe(true);
    expect(isValidNhsNumber("943-476-5919")).toBe(true);
    expect(isValidNhsNumber("4010232137")).toBe(true);
  });

  it("works the example through: 9 4 3 4 7 6 5 9 1 gives check digit 9", () => {
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
    expect(nhsNumberCheckDigit("943476591")).toBe(9);
  });

  it("refuses a wrong check digit, the wrong length, letters, and numbers whose check would be 10", () => {
    expect(isValidNhsNumber("9434765918")).toBe(false);
    expect(isValidNhsNumber("943476591")).toBe(false);
    expect(isValidNhsNumber("94347659190")).toBe(false);
    expect(isValidNhsNumber("94347659l9")).toBe(false);
    expect(isValidNhsNumber("")).toBe(false);
    // 000 000 001: sum 2, 11 − 2 = 9, so 000 000 0019 is valid.
    expect(isValidNhsNumber("0000000019")).toBe(true);
    // 000 000 006: sum 12, 12 mod 11 = 1, 11 − 1 = 10: no check digit exists, so no number with
    // this prefix is valid.
    expect(nhsNumberCheckDigit("000000006")).toBeUndefined();
    for (let digit = 0; digit <= 9; digit++) expect(isValidNhsNumber(`000000006${digit}`)).toBe(false);
  });

  it("any single changed digit of a valid number is detected", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (firstNine, position, shift) => {
          const prefix = firstNine.join("");
          const check = nhsNumberCheckDigit(prefix);
          if (check === undefined) return true;
          const valid = `${prefix}${check}`;
          expect(isValidNhsNumber(valid)).toBe(true);
          const digits = valid.split("").map(Number);
          digits[position] = (digits[position]! + shift) % 10;
          expect(isValidNhsNumber(digits.join(""))).toBe(false);
          return true;
        },
      ),
    );
  });

  it("never throws on arbitrary text, and normalising then formatting keeps the digits", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof isValidNhsNumber(text)).toBe("boolean");
      }),
    );
    expect(formatNhsNumber(normaliseNhsNumber("9434765919"))).toBe("943 476 5919");
  });
});
