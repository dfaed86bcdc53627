import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { demoEmail } from "../support/app";
import { chartsPage } from "./charts-page";
import { type BrowserHarness, expectNoSeriousAxeViolations, signIn, startBrowserHarness } from "./support";

let harness: BrowserHarness;
let context: BrowserContext;
let admin: Page;

beforeAll(async () => {
  harness = await startBrowserHarness();
  context = await harness.browser.newContext({ bypassCSP: true });
  admin = await context.newPage();
  await signIn(admin, harness.baseUrl, demoEmail("admin"), DEMO_PASSWORD);
  await admin.waitForURL(`${harness.baseUrl}/`);
});

afterAll(async () => {
  await harness?.close();
});

describe("an admin sets the early-warning rules", () => {
  it("reaches them from the navigation, switches a rule off by keyboard and saves", async () => {
    await admin.click("text=Early-warning rules");
    await admin.waitForURL(`${harness.baseUrl}/admin/monitoring-rules`);
    await expectNoSeriousAxeViolations(admin);
    await admin.focus("#sleepEnabled");
    await admin.keyboard.press("Space");
    expect(await admin.isChecked("#sleepEnabled")).toBe(false);
    await admin.fill("#noContactDays", "3");
    await admin.click("main button[type=submit]");
    expect(await admin.locator(".nhsuk-error-summary").textContent()).toContain(
      "Enter a number of days from 7 to 120",
    );
    await expectNoSeriousAxeViolations(admin);
    await admin.fill("#noContactDays", "28");
    await admin.click("main button[type=submit]");
    expect(await admin.locator(".nhsuk-notification-banner").textContent()).toContain("saved as version 1");
    expect(await admin.isChecked("#sleepEnabled")).toBe(false);
    await expectNoSeriousAxeViolations(admin);
  });
});

describe("charts", () => {
  it("pass axe with bands, highlighted points, one point and none, and open their table by keyboard", async () => {
    const html = chartsPage();
    await admin.goto(`${harness.baseUrl}/`);
    await admin.setContent(html, { waitUntil: "load" });
    await expectNoSeriousAxeViolations(admin);
    await admin.focus("#phq9 summary");
    await admin.keyboard.press("Enter");
    expect(await admin.locator("#phq9 table").isVisible()).toBe(true);
    expect(await admin.locator("#phq9 tbody tr").count()).toBe(4);
    await expectNoSeriousAxeViolations(admin);
  });
});
