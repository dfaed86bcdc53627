import fc from "fast-check";
import { renderToString as render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ErrorSummary } from "./components";
import { DateInput } from "./date-input";
import { parseDateParts, partsOfDate, unreadableDate } from "./date-parts";
import { fieldErrors, formBody } from "./forms";
import { createTranslator } from "./i18n";

const t = createTranslator("en-GB");

/** Every calendar day from 1900 to 2200, as YYYY-MM-DD. */
const anyDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe("reading a date from its day, month and year", () => {
  it("reads every real date back as itself, however its day and month are padded or spaced", () => {
    fc.assert(
      fc.property(anyDay, fc.boolean(), fc.constantFrom("", " ", "  "), (iso, pad, space) => {
        const [year, month, day] = iso.split("-");
        const parts = pad
          ? { day: day!, month: month!, year: year! }
          : { day: String(Number(day)), month: String(Number(month)), year: year! };
        const spaced = {
          day: `${space}${parts.day}${space}`,
          month: `${space}${parts.month}`,
          year: `${parts.year}${space}`,
        };
        expect(parseDateParts(spaced)).toEqual({ kind: "date", iso });
        expect(parseDateParts(partsOfDate(iso))).toEqual({ kind: "date", iso });
      }),
    );
  });

  it("refuses a day past the end of its month as not a real date, marking the day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
        for (let day = daysInMonth + 1; day <= 31; day++)
          expect(parseDateParts({ day: String(day), month: String(month), year: String(year) })).toEqual({
            kind: "notReal",
            parts: ["day"],
          });
      }),
    );
    expect(parseDateParts({ day: "31", month: "2", year: "2026" })).toEqual({
      kind: "notReal",
      parts: ["day"],
    });
    expect(parseDateParts({ day: "29", month: "2", year: "2100" }).kind).toBe("notReal");
    expect(parseDateParts({ day: "29", month: "2", year: "2000" })).toEqual({
      kind: "date",
      iso: "2000-02-29",
    });
  });

  it("says which parts are missing, and that nothing typed is blank", () => {
    expect(parseDateParts({})).toEqual({ kind: "blank" });
    expect(parseDateParts({ day: " ", month: "", year: "  " })).toEqual({ kind: "blank" });
    expect(parseDateParts({ day: "27", year: "1984" })).toEqual({ kind: "missing", parts: ["month"] });
    expect(parseDateParts({ year: "1984" })).toEqual({ kind: "missing", parts: ["day", "month"] });
    expect(parseDateParts({ month: "3" })).toEqual({ kind: "missing", parts: ["day", "year"] });
  });

  it("refuses letters, month 13, day 0 and long numbers as not real, a short year, and years outside 1900-2200", () => {
    expect(parseDateParts({ day: "27", month: "13", year: "1984" })).toEqual({
      kind: "notReal",
      parts: ["month"],
    });
    expect(parseDateParts({ day: "0", month: "3", year: "1984" })).toEqual({
      kind: "notReal",
      parts: ["day"],
    });
    expect(parseDateParts({ day: "x", month: "March", year: "1984" })).toEqual({
      kind: "notReal",
      parts: ["day", "month"],
    });
    expect(parseDateParts({ day: "027", month: "3", year: "1984" }).kind).toBe("notReal");
    expect(parseDateParts({ day: "2", month: "3", year: "84" })).toEqual({
      kind: "yearDigits",
      parts: ["year"],
    });
    expect(parseDateParts({ day: "2", month: "3", year: "19840" }).kind).toBe("yearDigits");
    expect(parseDateParts({ day: "1", month: "1", year: "0000" })).toEqual({
      kind: "yearRange",
      parts: ["year"],
    });
    expect(parseDateParts({ day: "1", month: "1", year: "1899" }).kind).toBe("yearRange");
    expect(parseDateParts({ day: "1", month: "1", year: "2201" }).kind).toBe("yearRange");
  });

  it("never gives anything but a real date in range, or a problem naming at least one part", () => {
    const part = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 3000 }).map(String));
    fc.assert(
      fc.property(part, part, part, (day, month, year) => {
        const parsed = parseDateParts({ day, month, year });
        if (parsed.kind === "date") {
          expect(parsed.iso).toMatch(/^(19\d\d|2[01]\d\d|2200)-\d\d-\d\d$/);
          expect(new Date(`${parsed.iso}T00:00:00Z`).toISOString().slice(0, 10)).toBe(parsed.iso);
        } else if (parsed.kind !== "blank") expect(parsed.parts.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("a form with a date in three fields", () => {
  it("arrives as one YYYY-MM-DD field with the typed parts kept", () => {
    const form = formBody({
      _csrf: "x",
      "dateOfBirth[day]": "7",
      "dateOfBirth[month]": "3",
      "dateOfBirth[year]": "1984",
    });
    expect(form.dateOfBirth).toBe("1984-03-07");
    expect(form["dateOfBirth[day]"]).toBe("7");
    expect(formBody({ "dueDate[day]": "", "dueDate[month]": "", "dueDate[year]": "" }).dueDate).toBe("");
  });

  it("that cannot be read fails the schema and says why in the date input's words, linking to the part", async () => {
    const { z } = await import("zod");
    const schema = z.object({ dateOfBirth: z.iso.date({ message: "validation.tooLong" }).optional() });
    const form = formBody({
      "dateOfBirth[day]": "31",
      "dateOfBirth[month]": "2",
      "dateOfBirth[year]": "2026",
    });
    expect(form.dateOfBirth).toBe(unreadableDate);
    const parsed = schema.safeParse(form);
    expect(parsed.success).toBe(false);
    const errors = fieldErrors(parsed.error!, t, form);
    expect(errors).toEqual([
      {
        field: "dateOfBirth",
        message: "Date of birth must be a real date",
        anchor: "dateOfBirth-day",
        parts: ["day"],
      },
    ]);
    const missing = formBody({ "dueDate[day]": "2", "dueDate[month]": "", "dueDate[year]": "" });
    expect(
      fieldErrors(z.object({ dueDate: z.iso.date() }).safeParse(missing).error!, t, missing)[0],
    ).toMatchObject({
      message: "Due date must include a month and year",
      anchor: "dueDate-month",
    });
  });
});

describe("the date input", () => {
  it("is the NHS.UK date input: a fieldset, hint, and day, month and year fields named for the form", () => {
    const html = render(
      <DateInput t={t} name="dateOfBirth" legend="Date of birth" hint="For example, 27 3 1984" values={{}} />,
    );
    expect(html).toContain(
      '<fieldset class="nhsuk-fieldset" role="group" aria-describedby="dateOfBirth-hint">',
    );
    expect(html).toContain('<legend class="nhsuk-fieldset__legend">Date of birth</legend>');
    expect(html).toContain('<div class="nhsuk-date-input" id="dateOfBirth">');
    expect(html.match(/class="nhsuk-date-input__item"/g)).toHaveLength(3);
    expect(html).toContain(
      '<input class="nhsuk-input nhsuk-input--width-2 nhsuk-date-input__input" id="dateOfBirth-day" name="dateOfBirth[day]" type="text" inputmode="numeric" value/>',
    );
    expect(html).toContain('id="dateOfBirth-year" name="dateOfBirth[year]"');
    expect(html).toContain("nhsuk-input--width-4");
    expect(html).not.toContain("nhsuk-input--error");
  });

  it("shows a saved date in its parts, or what was typed when the form comes back, and marks only the parts in error", () => {
    expect(render(<DateInput t={t} name="d" legend="D" values={{ d: "2026-03-02" }} />)).toMatch(
      /id="d-day" name="d\[day\]"[^>]*value="2"[\s\S]*id="d-month"[^>]*value="3"[\s\S]*id="d-year"[^>]*value="2026"/,
    );
    const html = render(
      <DateInput
        t={t}
        name="d"
        legend="D"
        values={{ "d[day]": "31", "d[month]": "2", "d[year]": "2026", d: unreadableDate }}
        errors={[{ field: "d", message: "D must be a real date", parts: ["day"] }]}
      />,
    );
    expect(html).toContain('class="nhsuk-form-group nhsuk-form-group--error"');
    expect(html).toContain('<span class="nhsuk-error-message" id="d-error">');
    expect(html).toContain('aria-describedby="d-error"');
    expect(html).toMatch(
      /class="nhsuk-input nhsuk-input--error nhsuk-input--width-2 nhsuk-date-input__input" id="d-day"[^>]*value="31"/,
    );
    expect(html).toMatch(/class="nhsuk-input nhsuk-input--width-2 nhsuk-date-input__input" id="d-month"/);
    const whole = render(
      <DateInput t={t} name="d" legend="D" values={{}} errors={[{ field: "d", message: "x" }]} />,
    );
    expect(whole.match(/nhsuk-input--error/g)).toHaveLength(3);
  });

  it("is linked from the error summary at its first field in error", () => {
    const html = render(
      <ErrorSummary title="There is a problem" errors={[{ field: "d", message: "m", anchor: "d-month" }]} />,
    );
    expect(html).toContain('<a href="#d-month">m</a>');
  });
});
