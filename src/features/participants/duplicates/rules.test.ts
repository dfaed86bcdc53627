import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { duplicateReason, normaliseName } from "./rules";

const person = {
  givenName: "Siobhán",
  familyName: "O'Neill-Smith",
  dateOfBirth: "1984-03-02",
  nhsNumber: null,
};

describe("duplicate detection", () => {
  it("matches the same NHS number whatever the names", () => {
    expect(
      duplicateReason(
        { ...person, nhsNumber: "9434765919" },
        { givenName: "Shiv", familyName: "Smith", dateOfBirth: "1990-01-01", nhsNumber: "9434765919" },
      ),
    ).toBe("nhs_number");
  });

  it("matches name and date of birth written differently", () => {
    expect(
      duplicateReason(person, {
        givenName: "siobhan",
        familyName: "O Neill Smith",
        dateOfBirth: "1984-03-02",
        nhsNumber: null,
      }),
    ).toBe("name_and_date_of_birth");
  });

  it("does not match a different date of birth or a different person", () => {
    expect(duplicateReason(person, { ...person, dateOfBirth: "1984-03-03" })).toBeNull();
    expect(duplicateReason(person, { ...person, givenName: "Sinead" })).toBeNull();
    // Two different NHS numbers with the same name and birth date are still flagged for a person to check.
    expect(
      duplicateReason({ ...person, nhsNumber: "9434765919" }, { ...person, nhsNumber: "4010232137" }),
    ).toBe("name_and_date_of_birth");
  });

  it("is symmetric and every record matches itself", () => {
    const identity = fc.record({
      givenName: fc.string({ minLength: 1, maxLength: 20 }),
      familyName: fc.string({ minLength: 1, maxLength: 20 }),
      dateOfBirth: fc.constantFrom("1980-01-01", "1990-05-05"),
      nhsNumber: fc.option(fc.constantFrom("9434765919", "4010232137"), { nil: null }),
    });
    fc.assert(
      fc.property(identity, identity, (a, b) => {
        expect(duplicateReason(a, b)).toBe(duplicateReason(b, a));
        expect(duplicateReason(a, a)).not.toBeNull();
      }),
    );
    expect(normaliseName("  Zoë  ")).toBe("zoe");
  });
});
