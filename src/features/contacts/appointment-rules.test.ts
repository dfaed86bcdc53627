import { describe, expect, it } from "vitest";
import { fieldErrors } from "../../platform/web/forms";
import { createTranslator } from "../../platform/web/i18n";
import { appointmentStage, firstName } from "./rules";
import { appointmentForm, outcomeForm } from "./schema";

const now = new Date("2026-11-20T15:00:00Z");
const t = createTranslator("en-GB");
const booking = {
  date: "2026-11-24",
  time: "10.30",
  durationMinutes: "45",
  method: "face_to_face",
  withStaffId: "5c7a4d8e-2f1b-4c3d-9e8f-1a2b3c4d5e6f",
  location: "  Jobcentre café, Hill Street ",
};

describe("where an appointment stands", () => {
  it("can be called off until it starts, then waits for its outcome, then is settled", () => {
    const startsAt = new Date("2026-11-20T15:00:00Z");
    expect(appointmentStage({ status: "scheduled", startsAt }, new Date("2026-11-20T14:59:00Z"))).toBe(
      "upcoming",
    );
    expect(appointmentStage({ status: "scheduled", startsAt }, now)).toBe("outcome_to_record");
    expect(appointmentStage({ status: "did_not_attend", startsAt }, now)).toBe("settled");
    expect(appointmentStage({ status: "cancelled_by_service", startsAt }, new Date(0))).toBe("settled");
  });

  it("names staff to the person by their first name only", () => {
    expect(firstName("Priya Shah")).toBe("Priya");
    expect(firstName("  Sam  ")).toBe("Sam");
  });

  it("names someone with a title as the person would address them, never by the title alone", () => {
    expect(firstName("Dr Tom Okafor")).toBe("Dr Okafor");
    expect(firstName("Prof. Amina Khan")).toBe("Prof. Khan");
    expect(firstName("mrs Jo Bloggs-Smith")).toBe("mrs Bloggs-Smith");
    expect(firstName("Drew Barry")).toBe("Drew");
  });
});

describe("the booking form", () => {
  it("reads the UK wall-clock time, trims the place and keeps an empty place as none", () => {
    const parsed = appointmentForm(now).parse(booking);
    expect(parsed.startsAt.toISOString()).toBe("2026-11-24T10:30:00.000Z");
    expect(parsed.location).toBe("Jobcentre café, Hill Street");
    expect(appointmentForm(now).parse({ ...booking, location: "" }).location).toBeNull();
    // British Summer Time: 10:30 in London is 09:30 UTC.
    const summer = appointmentForm(new Date("2027-06-01T08:00:00Z")).parse({
      ...booking,
      date: "2027-06-02",
    });
    expect(summer.startsAt.toISOString()).toBe("2027-06-02T09:30:00.000Z");
  });

  it("refuses a time that has passed, beside the date, together with other mistakes", () => {
    const result = appointmentForm(now).safeParse({
      ...booking,
      date: "2026-11-20",
      time: "14:59",
      method: "",
    });
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!, t);
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: "date", message: "The appointment must be later than now" },
        { field: "method", message: "Choose how the appointment will happen" },
      ]),
    );
  });
});

describe("recording what happened", () => {
  it("needs a note only when the person attended", () => {
    const base = { noteKind: "employment", version: "1" };
    expect(outcomeForm.safeParse({ ...base, outcome: "did_not_attend" }).success).toBe(true);
    const attended = outcomeForm.safeParse({ ...base, outcome: "attended", note: "   " });
    expect(attended.success).toBe(false);
    expect(fieldErrors(attended.error!, t)).toEqual([
      { field: "note", message: "Enter a note about the appointment" },
    ]);
  });
});
