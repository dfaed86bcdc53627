import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { demoEmail } from "../support/app";
import { type BrowserHarness, expectNoSeriousAxeViolations, signIn, startBrowserHarness } from "./support";

// A specialist's job development in a browser: find an employer, add one, log a face-to-face contact, add a vacancy, and see this week's count. axe on every page.

let harness: BrowserHarness;
let specialist: Page;

beforeAll(async () => {
  harness = await startBrowserHarness();
  const context = await harness.browser.newContext({ bypassCSP: true });
  specialist = await context.newPage();
  await signIn(specialist, harness.baseUrl, demoEmail("employment_specialist"), DEMO_PASSWORD);
  await specialist.waitForURL(`${harness.baseUrl}/`);
});

afterAll(async () => {
  await harness?.close();
});

const submit = () => specialist.click("main form[method=post] button[type=submit]");

describe("a specialist's job development", () => {
  it("finds and adds employers, logs a contact and a vacancy, and sees the week's count", async () => {
    await specialist.goto(`${harness.baseUrl}/employers`);
    await specialist.fill("#q", "bakery");
    await specialist.click("form.app-filter button");
    expect(await specialist.locator("table tbody tr").count()).toBe(1);
    await expectNoSeriousAxeViolations(specialist);

    await specialist.goto(`${harness.baseUrl}/employers/new`);
    await submit();
    expect(await specialist.locator(".nhsuk-error-summary").textContent()).toContain(
      "Enter the employer's name",
    );
    await expectNoSeriousAxeViolations(specialist);
    await specialist.fill("#name", "Harbourside Fish Bar");
    await specialist.selectOption("#sector", "hospitality_and_food");
    await submit();
    await specialist.waitForURL(/\/employers\/[0-9a-f-]{36}\?notice=saved/);
    const employerUrl = specialist.url().split("?")[0]!;
    await expectNoSeriousAxeViolations(specialist);

    await specialist.goto(`${employerUrl}/contacts/new`);
    await specialist.check("#contactType-2");
    await specialist.check("#faceToFace");
    await specialist.fill("#withWhom", "Owner");
    await specialist.fill("#outcome", "Met the owner about weekend kitchen shifts.");
    await expectNoSeriousAxeViolations(specialist);
    await submit();
    await specialist.waitForURL(/notice=contact/);
    expect(await specialist.locator("main").textContent()).toContain(
      "Met the owner about weekend kitchen shifts.",
    );

    await specialist.goto(`${employerUrl}/opportunities/new`);
    await specialist.fill("#title", "Kitchen porter");
    await specialist.fill("#hoursPerWeek", "12");
    await specialist.fill("#hourlyPay", "10.50");
    await specialist.fill("#location", "Harbourside");
    await specialist.fill("#postcodeDistrict", "bs1");
    await expectNoSeriousAxeViolations(specialist);
    await submit();
    await specialist.waitForURL(/\/opportunities\/[0-9a-f-]{36}/);
    expect(await specialist.locator("main").textContent()).toContain("would not count as a competitive job");
    await expectNoSeriousAxeViolations(specialist);

    await specialist.goto(`${employerUrl}/merge`);
    await expectNoSeriousAxeViolations(specialist);

    await specialist.goto(`${harness.baseUrl}/employer-contacts`);
    const page = (await specialist.locator("main").textContent()) ?? "";
    expect(page).toContain("Harbourside Fish Bar");
    expect(Number(/This week: (\d+) face-to-face/.exec(page)?.[1])).toBeGreaterThanOrEqual(1);
    await expectNoSeriousAxeViolations(specialist);
  });
});
