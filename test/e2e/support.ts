import fs from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { startTestApp, type TestApp } from "../support/app";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export type BrowserHarness = { testApp: TestApp; browser: Browser; baseUrl: string; close(): Promise<void> };

/** The real app listening on a free port, and Debian's Chromium driven headless. */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const testApp = await startTestApp();
  await testApp.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = testApp.app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    testApp,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await testApp.close();
    },
  };
}

/**
 * Runs axe-core on the page and fails on any serious or critical violation. The page's CSP
 * forbids injected scripts, so test contexts are opened with bypassCSP.
 */
export async function expectNoSeriousAxeViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      );
  });
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("main button[type=submit]");
}

export async function navigationLabels(page: Page): Promise<string[]> {
  // The links only (not the "More" menu button), and each one's label without a count after it.
  return page
    .locator("a.nhsuk-header__navigation-link")
    .evaluateAll((links) => links.map((link) => link.firstChild?.textContent?.trim() ?? "").filter(Boolean));
}

/** Types a date (YYYY-MM-DD) into an NHS.UK date input's day, month and year, as a person would. */
export async function fillDate(page: Page, field: string, isoDate: string) {
  const [year, month, day] = isoDate.split("-");
  await page.fill(`#${field}-day`, String(Number(day)));
  await page.fill(`#${field}-month`, String(Number(month)));
  await page.fill(`#${field}-year`, year!);
}
