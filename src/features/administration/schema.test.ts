import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "../../platform/web/forms";
import { createTranslator } from "../../platform/web/i18n";

const t = createTranslator("en-GB");

import { organisationForm, staffInviteForm, staffListQuery, teamForm, teamUpdate } from "./schema";

const organisationId = "9b2b7c1e-5d7a-4c8e-8f3e-2a1b3c4d5e6f";

describe("the staff invitation form", () => {
  it("accepts a complete invitation, normalising the email", () => {
    const parsed = staffInviteForm.parse({
      fullName: " Niamh Doyle ",
      email: " Niamh.Doyle@Example.NHS.uk ",
      role: "clinician",
      profession: "nurse",
      organisationId,
      teamIds: organisationId,
    });
    expect(parsed).toMatchObject({
      fullName: "Niamh Doyle",
      email: "niamh.doyle@example.nhs.uk",
      teamIds: [organisationId],
    });
  });

  it("says what is missing, field by field, in plain words", () => {
    const result = staffInviteForm.safeParse({ fullName: "", email: "nope", role: "wizard" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!, t)).toEqual([
      { field: "fullName", message: "Enter the person's full name" },
      { field: "email", message: "Enter an email address in the correct format, like name@example.nhs.uk" },
      { field: "role", message: "Choose their role" },
      { field: "organisationId", message: "Choose their organisation" },
    ]);
  });

  it("never throws on anything a browser could send", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom("fullName", "email", "role", "profession", "organisationId", "teamIds", "x"),
          fc.oneof(fc.string(), fc.array(fc.string())),
        ),
        (form) => {
          const result = staffInviteForm.safeParse(form);
          return result.success || fieldErrors(result.error, t).length > 0;
        },
      ),
    );
  });
});

describe("the staff list query", () => {
  it("falls back to sensible defaults for nonsense in the address bar", () => {
    expect(staffListQuery.parse({ page: "-4", sort: "password", role: "king" })).toMatchObject({
      page: 1,
      sort: "name",
      role: undefined,
    });
  });
});

describe("the organisation's crisis information", () => {
  const organisation = { name: "Frimley Work and Health", kind: "nhs_trust", regionId: organisationId };

  it("is optional: empty means the UK defaults show", () => {
    expect(organisationForm.parse({ ...organisation, crisisInformation: "  " }).crisisInformation).toBeNull();
    expect(organisationForm.parse(organisation).crisisInformation).toBeNull();
  });

  it("keeps the organisation's words and refuses more than 2,000 characters beside the field", () => {
    expect(
      organisationForm.parse({ ...organisation, crisisInformation: "Call 0800 000 0000" }),
    ).toMatchObject({
      crisisInformation: "Call 0800 000 0000",
    });
    const result = organisationForm.safeParse({ ...organisation, crisisInformation: "x".repeat(2001) });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!, t)).toEqual([
      { field: "crisisInformation", message: "Enter 2000 characters or fewer" },
    ]);
  });
});

describe("the team's contact", () => {
  const team = { name: "Frimley IPS Employment Team", kind: "ips_team", organisationId };

  it("is optional: blank or absent is stored as none", () => {
    expect(teamForm.parse(team)).toMatchObject({ phone: null, email: null });
    expect(teamForm.parse({ ...team, phone: "  ", email: "" })).toMatchObject({ phone: null, email: null });
  });

  it.each([
    ["01632 960 001", "01632 960 001"],
    ["01632960001", "01632960001"],
    ["020 7946 0123", "020 7946 0123"],
    ["  0121   496  0000 ", "0121 496 0000"],
    ["07700 900 982", "07700 900 982"],
    ["+44 20 7946 0123", "+44 20 7946 0123"],
    ["+447700900982", "+447700900982"],
  ])("accepts the UK number %j as %j", (typed, kept) => {
    expect(teamForm.parse({ ...team, phone: typed }).phone).toBe(kept);
  });

  it.each([
    "016329600",
    "016329600011",
    "1632 960 001",
    "+1 202 555 0100",
    "01632-960-001",
    "ring 01632 960 001",
    "999",
  ])("refuses %j beside the phone field", (typed) => {
    const result = teamForm.safeParse({ ...team, phone: typed });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!, t)).toEqual([
      {
        field: "phone",
        message: "Enter a UK phone number in the correct format, like 01632 960 001 or +44 20 7946 0123",
      },
    ]);
  });

  it("keeps an email in lower case and refuses one that is not an address beside the field", () => {
    expect(teamForm.parse({ ...team, email: " IPS.Team@Example.NHS.uk " }).email).toBe(
      "ips.team@example.nhs.uk",
    );
    for (const typed of [
      "ips team@example.nhs.uk",
      "ips.team@",
      "@example.nhs.uk",
      "ips.team",
      `${"a".repeat(250)}@x.uk`,
    ]) {
      const result = teamForm.safeParse({ ...team, email: typed });
      expect(result.success).toBe(false);
      expect(fieldErrors(result.error!, t)).toEqual([
        { field: "email", message: "Enter an email address in the correct format, like team@example.nhs.uk" },
      ]);
    }
  });

  it("never throws on anything a browser could send", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom("name", "kind", "organisationId", "phone", "email", "active", "version"),
          fc.oneof(fc.string(), fc.array(fc.string())),
        ),
        (form) => {
          const result = teamUpdate.safeParse(form);
          return result.success || fieldErrors(result.error, t).length > 0;
        },
      ),
    );
  });
});
