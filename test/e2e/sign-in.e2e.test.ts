import { eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { features } from "../../src/app";
import { DEMO_PASSWORD } from "../../src/demo/seed";
import { hasPermission } from "../../src/platform/access/roles";
import { currentCode } from "../../src/platform/auth/mfa";
import { staffAccount, staffRoles } from "../../src/platform/directory/schema";
import { createTranslator } from "../../src/platform/web/i18n";
import { demoEmail } from "../support/app";
import {
  type BrowserHarness,
  expectNoSeriousAxeViolations,
  navigationLabels,
  signIn,
  startBrowserHarness,
} from "./support";

let harness: BrowserHarness;
let context: BrowserContext;
let page: Page;
const t = createTranslator("en-GB");

beforeAll(async () => {
  harness = await startBrowserHarness();
});

afterAll(async () => {
  await harness?.close();
});

async function freshPage() {
  await context?.close();
  context = await harness.browser.newContext({ bypassCSP: true });
  page = await context.newPage();
  return page;
}

/** What the navigation should hold for a role, from the same templates and entries the app uses. */
function expectedNavigation(role: (typeof staffRoles)[number]) {
  return features
    .flatMap((feature) => feature.navigation ?? [])
    .filter((entry) => entry.requires === "signed_in" || hasPermission(role, entry.requires))
    .map((entry) => t.t(entry.label));
}

describe("signing in", () => {
  for (const role of staffRoles) {
    it(`as the demo ${role}, shows that role's navigation and nothing more`, async () => {
      await freshPage();
      await signIn(page, harness.baseUrl, demoEmail(role), DEMO_PASSWORD);
      await page.waitForURL(`${harness.baseUrl}/`);
      expect(await page.locator("h1").textContent()).toContain("Welcome");
      expect(await page.locator(".nhsuk-header__account").textContent()).toContain(t.t(`role.${role}`));
      expect(await navigationLabels(page)).toEqual(expectedNavigation(role));
      await expectNoSeriousAxeViolations(page);
      await page.click(".nhsuk-header__account-button");
      await page.waitForURL(/\/sign-in\?signed_out=1/);
      expect(await page.locator(".nhsuk-notification-banner").textContent()).toContain("You have signed out");
    });
  }

  it("refuses a wrong password with a message beside the field that does not say whether the account exists", async () => {
    await freshPage();
    await signIn(page, harness.baseUrl, demoEmail("clinician"), "not the password");
    const wrongPassword = await page.locator(".nhsuk-error-summary").textContent();
    expect(wrongPassword).toContain("Enter a correct email address and password");
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator("#email").inputValue()).toBe(demoEmail("clinician"));
    await expectNoSeriousAxeViolations(page);
    await signIn(page, harness.baseUrl, "nobody@demo.tandem.example", "not the password");
    expect(await page.locator(".nhsuk-error-summary").textContent()).toBe(wrongPassword);
    // The error summary links to the field, so a keyboard user lands on it.
    await page.click(".nhsuk-error-summary a");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("email");
  });

  it("locks an account after repeated failures, even with the right password, then lets it in after the lock", async () => {
    await freshPage();
    const email = demoEmail("advocate");
    for (let attempt = 0; attempt < harness.testApp.config.signIn.maxFailures; attempt++) {
      await signIn(page, harness.baseUrl, email, `wrong ${attempt}`);
    }
    await signIn(page, harness.baseUrl, email, DEMO_PASSWORD);
    expect(await page.locator(".nhsuk-error-summary").textContent()).toContain("Too many attempts");
    expect(page.url()).toContain("/sign-in");
    harness.testApp.clock.advance((harness.testApp.config.signIn.lockMinutes + 1) * 60_000);
    await signIn(page, harness.baseUrl, email, DEMO_PASSWORD);
    await page.waitForURL(`${harness.baseUrl}/`);
  });

  it("sets up a TOTP second factor, shows recovery codes, and asks for a code at the next sign-in", async () => {
    await freshPage();
    const { clock, db } = harness.testApp;
    const email = demoEmail("team_leader");
    await signIn(page, harness.baseUrl, email, DEMO_PASSWORD);
    await page.waitForURL(`${harness.baseUrl}/`);
    await page.goto(`${harness.baseUrl}/account`);
    await expectNoSeriousAxeViolations(page);
    await page.click("text=Set up a second factor");
    expect(await page.locator(".app-svg svg").count()).toBe(1);
    await expectNoSeriousAxeViolations(page);
    const secret = (await page.locator("#secret").textContent())!.replace(/\s+/g, "");
    await page.fill("#code", "000000");
    await page.click("main button[type=submit]");
    expect(await page.locator(".nhsuk-error-summary").textContent()).toContain("The code is not right");
    await page.fill("#code", currentCode(secret, clock.now()));
    await page.click("main button[type=submit]");
    const codes = await page.locator(".app-recovery-codes li").allTextContents();
    expect(codes).toHaveLength(10);
    await expectNoSeriousAxeViolations(page);
    const [stored] = await db.select().from(staffAccount).where(eq(staffAccount.email, email));
    expect(stored?.mfaEnrolledAt).not.toBeNull();

    await page.goto(`${harness.baseUrl}/`);
    await page.click(".nhsuk-header__account-button");
    clock.advance(60_000);
    await signIn(page, harness.baseUrl, email, DEMO_PASSWORD);
    await page.waitForURL(/\/sign-in\/second-factor/);
    // Nothing else is reachable until the code is given.
    await page.goto(`${harness.baseUrl}/account`);
    await page.waitForURL(/\/sign-in\/second-factor/);
    await expectNoSeriousAxeViolations(page);
    await page.fill("#code", currentCode(secret, clock.now()));
    await page.click("main button[type=submit]");
    await page.waitForURL(`${harness.baseUrl}/`);

    // A recovery code works once.
    await page.click(".nhsuk-header__account-button");
    clock.advance(60_000);
    await signIn(page, harness.baseUrl, email, DEMO_PASSWORD);
    await page.fill("#code", codes[0]!);
    await page.click("main button[type=submit]");
    await page.waitForURL(`${harness.baseUrl}/`);

    // Replacing it takes the password and a code from the current app as well as the new one.
    await page.goto(`${harness.baseUrl}/account`);
    await page.click("text=Replace your authenticator");
    await page.waitForURL(/\/account\/second-factor/);
    await expectNoSeriousAxeViolations(page);
    const newSecret = (await page.locator("#secret").textContent())!.replace(/\s+/g, "");
    clock.advance(60_000);
    const right = currentCode(secret, clock.now());
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, "0");
    for (const currentAppCode of [wrong, right]) {
      await page.fill("#currentPassword", DEMO_PASSWORD);
      await page.fill("#currentCode", currentAppCode);
      await page.fill("#code", currentCode(newSecret, clock.now()));
      await page.click("main button[type=submit]");
      if (currentAppCode === wrong) {
        expect(await page.locator(".nhsuk-error-summary").textContent()).toContain("is not right");
        await expectNoSeriousAxeViolations(page);
      }
    }
    expect(await page.locator(".app-recovery-codes li").count()).toBe(10);
    const [replaced] = await db.select().from(staffAccount).where(eq(staffAccount.email, email));
    expect(replaced?.mfaSecret).toBe(newSecret);
  });

  it("works without JavaScript", async () => {
    await context?.close();
    context = await harness.browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
    page = await context.newPage();
    await signIn(page, harness.baseUrl, demoEmail("evaluator"), DEMO_PASSWORD);
    await page.waitForURL(`${harness.baseUrl}/`);
    expect(await page.locator("h1").textContent()).toContain("Welcome");
  });

  it("starts with a skip link for keyboard users", async () => {
    await freshPage();
    await page.goto(`${harness.baseUrl}/sign-in`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      "Skip to main content",
    );
    await page.keyboard.press("Enter");
    expect(page.url()).toContain("#maincontent");
  });
});
