import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participant } from "../../src/features/participants/schema";
import { shownDate, signedInAs, startTestApp, type TestApp, TestClient, typedDate } from "../support/app";

// The NHS.UK date input end to end: a date typed in day, month and year reaches the feature as
// YYYY-MM-DD; one that cannot be read comes back with the date input's message beside it and in the
// error summary (linked to the first field in error), and with what the person typed.

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp();
}, 120_000);

afterAll(async () => {
  await testApp?.close();
});

const messageBeside = (html: string, field: string) =>
  new RegExp(`id="${field}-error"[^>]*>.*?</span>\\s*([^<]+)</span>`).exec(html)?.[1]?.trim();
const summaryLinks = (html: string) =>
  [...html.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((match) => [match[1], match[2]]);

describe("a date of birth on the public self-referral", () => {
  async function refer(
    date: Record<string, string>,
    familyName = `Datetest${Math.floor(Math.random() * 1e9)}`,
  ) {
    const visitor = new TestClient(testApp.app);
    const form = await visitor.get("/refer-yourself");
    expect(form.body).toContain('name="dateOfBirth[day]"');
    expect(form.body).not.toContain('type="date"');
    const teamId = /<option value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
    return visitor.post("/refer-yourself", {
      givenName: "Kim",
      familyName,
      workSituation: "unemployed",
      phone: "07700 900555",
      agreeToContact: "yes",
      teamId,
      ...date,
    });
  }

  it("is refused as not a real date on 31 February, keeping what was typed and marking the day", async () => {
    const response = await refer(typedDate("dateOfBirth", "1990-02-31"));
    expect(response.statusCode).toBe(400);
    expect(summaryLinks(response.body)).toEqual([["dateOfBirth-day", "Date of birth must be a real date"]]);
    expect(messageBeside(response.body, "dateOfBirth")).toBe("Date of birth must be a real date");
    expect(shownDate(response.body, "dateOfBirth")).toBe("1990-02-31");
    expect(response.body).toMatch(/class="nhsuk-input nhsuk-input--error[^"]*" id="dateOfBirth-day"/);
    expect(response.body).toMatch(/class="nhsuk-input nhsuk-input--width-2[^"]*" id="dateOfBirth-month"/);
  });

  it("says which part is missing, and links the summary to it", async () => {
    const response = await refer({
      "dateOfBirth[day]": "4",
      "dateOfBirth[month]": "",
      "dateOfBirth[year]": "1990",
    });
    expect(response.statusCode).toBe(400);
    expect(summaryLinks(response.body)).toEqual([
      ["dateOfBirth-month", "Date of birth must include a month"],
    ]);
  });

  it("asks for a four-digit year, and refuses year 0000 with a message rather than a server error", async () => {
    const short = await refer({
      "dateOfBirth[day]": "4",
      "dateOfBirth[month]": "4",
      "dateOfBirth[year]": "90",
    });
    expect(short.statusCode).toBe(400);
    expect(messageBeside(short.body, "dateOfBirth")).toBe("Year must include 4 numbers");
    const zero = await refer({
      "dateOfBirth[day]": "1",
      "dateOfBirth[month]": "1",
      "dateOfBirth[year]": "0000",
    });
    expect(zero.statusCode).toBe(400);
    expect(summaryLinks(zero.body)).toEqual([["dateOfBirth-year", "Year must be between 1900 and 2200"]]);
  });

  it("is accepted with spaces and single digits, and stored as the date typed", async () => {
    const response = await refer(
      {
        "dateOfBirth[day]": " 4 ",
        "dateOfBirth[month]": "04",
        "dateOfBirth[year]": "1990 ",
      },
      "Spacedate",
    );
    expect(response.statusCode).toBe(302);
    const [stored] = await testApp.db
      .select({ dateOfBirth: participant.dateOfBirth })
      .from(participant)
      .where(eq(participant.familyName, "Spacedate"));
    expect(stored?.dateOfBirth).toBe("1990-04-04");
  });
});

describe("the audit trail's date filters", () => {
  it("take day, month and year, keep them in the next page's address as a date, and explain a bad one", async () => {
    const admin = await signedInAs(testApp.app, "admin");
    const good = await admin.get(
      "/admin/audit?from[day]=1&from[month]=1&from[year]=2020&to[day]=&to[month]=&to[year]=",
    );
    expect(good.statusCode).toBe(200);
    expect(shownDate(good.body, "from")).toBe("2020-01-01");
    const bad = await admin.get("/admin/audit?from[day]=30&from[month]=2&from[year]=2026");
    expect(bad.statusCode).toBe(400);
    expect(summaryLinks(bad.body)).toEqual([["from-day", "From date must be a real date"]]);
    expect(shownDate(bad.body, "from")).toBe("2026-02-30");
  });
});
