import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "../../platform/web/forms";
import { createTranslator } from "../../platform/web/i18n";

const t = createTranslator("en-GB");

import { organisationForm, staffInviteForm, staffListQuery } from "./schema";

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
