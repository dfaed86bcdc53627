import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPence, penceAsPounds, poundsToPence } from "./money";

describe("money typed in pounds and pence", () => {
  it("reads the ways people write an hourly rate", () => {
    expect(poundsToPence("12.71")).toBe(1271);
    expect(poundsToPence("£12.71")).toBe(1271);
    expect(poundsToPence(" £ 12.7 ")).toBe(1270);
    expect(poundsToPence("12")).toBe(1200);
    expect(poundsToPence("0.05")).toBe(5);
    expect(poundsToPence("1,250.00")).toBe(125000);
  });

  it("refuses anything that is not an amount of money", () => {
    for (const text of ["", "twelve", "12.715", "-12.71", "12.", "£", "12,71", "1e3", ".5"])
      expect(poundsToPence(text), text).toBeUndefined();
  });

  it("shows pence as pounds and reads them back unchanged", () => {
    expect(formatPence(1271)).toBe("£12.71");
    expect(formatPence(1200)).toBe("£12.00");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (pence) => {
        expect(poundsToPence(penceAsPounds(pence))).toBe(pence);
        expect(poundsToPence(formatPence(pence))).toBe(pence);
      }),
    );
  });
});

describe("pay", () => {
  it("reads pounds and pence as pence, with or without a pound sign", () => {
    expect(poundsToPence("12.71")).toBe(1271);
    expect(poundsToPence("£12.7")).toBe(1270);
    expect(poundsToPence("12")).toBe(1200);
    expect(poundsToPence("12.715")).toBeUndefined();
    expect(poundsToPence("twelve")).toBeUndefined();
    expect(poundsToPence("-12")).toBeUndefined();
  });

  it("writes pence back as the pounds it read", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (pence) => {
        expect(poundsToPence(penceAsPounds(pence))).toBe(pence);
      }),
    );
  });
});

describe("pay as typed", () => {
  it("reads pounds and pence into pence", () => {
    expect(poundsToPence("12.71")).toBe(1271);
    expect(poundsToPence("£13")).toBe(1300);
    expect(poundsToPence("13.5")).toBe(1350);
    expect(poundsToPence("thirteen")).toBeUndefined();
    expect(poundsToPence("12.715")).toBeUndefined();
  });
});
