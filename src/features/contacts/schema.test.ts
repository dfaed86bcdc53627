import { describe, expect, it } from "vitest";
import { fieldErrors } from "../../platform/web/forms";
import { createTranslator } from "../../platform/web/i18n";
import { contactForm } from "./schema";

const now = new Date("2026-11-20T15:00:00Z");
const t = createTranslator("en-GB");
const valid = {
  date: "2026-11-20",
  time: "14:30",
  method: "phone",
  withWhom: "participant",
  durationMinutes: "30",
  attendance: "attended",
  noteKind: "employment",
  note: "Talked about the interview on Monday.",
};
const errorsFor = (form: Record<string, string>) => {
  const parsed = contactForm(now).safeParse(form);
  return parsed.success ? [] : fieldErrors(parsed.error, t);
};

describe("the add-contact form", () => {
  it("reads a valid form, with the time as UK time", () => {
    const parsed = contactForm(now).parse(valid);
    expect(parsed.occurredAt.toISOString()).toBe("2026-11-20T14:30:00.000Z");
    expect(parsed.durationMinutes).toBe(30);
  });

  it("refuses a contact in the future, beside the date", () => {
    expect(errorsFor({ ...valid, time: "15:30" })).toEqual([
      { field: "date", message: "The date and time of the contact must not be in the future" },
    ]);
  });

  it("reports a future date together with other mistakes", () => {
    const fields = errorsFor({ ...valid, date: "2026-11-21", note: "" }).map((error) => error.field);
    expect(fields.sort()).toEqual(["date", "note"]);
  });

  it("asks for each missing field in words", () => {
    const messages = Object.fromEntries(errorsFor({}).map((error) => [error.field, error.message]));
    expect(messages).toEqual({
      date: "Enter the date of the contact",
      time: "Enter the time of the contact, like 14:30",
      method: "Choose how the contact happened",
      withWhom: "Choose who the contact was with",
      attendance: "Choose whether the participant attended",
      noteKind: "Choose whether this is an employment note or a clinical note",
      durationMinutes: "Enter how long the contact lasted, in minutes",
      note: "Enter a note about the contact",
    });
  });

  it("keeps the duration between 1 and 600 whole minutes", () => {
    expect(errorsFor({ ...valid, durationMinutes: "0" })[0]?.message).toBe(
      "Enter a duration between 1 and 600 minutes",
    );
    expect(errorsFor({ ...valid, durationMinutes: "601" })[0]?.message).toBe(
      "Enter a duration between 1 and 600 minutes",
    );
    expect(errorsFor({ ...valid, durationMinutes: "600" })).toEqual([]);
    expect(errorsFor({ ...valid, durationMinutes: "1.5" })[0]?.field).toBe("durationMinutes");
  });

  it("takes a note of up to 5,000 characters and no more", () => {
    expect(errorsFor({ ...valid, note: "a".repeat(5000) })).toEqual([]);
    expect(errorsFor({ ...valid, note: "a".repeat(5001) })).toEqual([
      { field: "note", message: "Enter 5000 characters or fewer" },
    ]);
    expect(errorsFor({ ...valid, note: "   " })[0]?.field).toBe("note");
  });

  it("refuses an impossible date or time", () => {
    expect(errorsFor({ ...valid, date: "2026-02-30" })[0]?.field).toBe("date");
    expect(errorsFor({ ...valid, time: "25:00" })[0]?.field).toBe("time");
  });
});
