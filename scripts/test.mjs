#!/usr/bin/env node
// `npm test`: lint, type check, unit, integration (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set) and browser tests. Says plainly what it skipped; with CI=true it skips nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ci = process.env.CI === "true" || process.env.CI === "1";
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const hasChromium = fs.existsSync(chromiumPath);
const postgresUrl = process.env.TEST_DATABASE_URL;
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
const skipped = [];
let failedSteps = 0;

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failedSteps += 1;
  summary.push({ label, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

function vitest(label, project, env = {}) {
  const report = path.join(reports, `${label.replace(/\W+/g, "-")}.json`);
  const ok = run(
    label,
    "npx",
    [
      "vitest",
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    env,
  );
  let counts = "no report";
  if (fs.existsSync(report)) {
    const result = JSON.parse(fs.readFileSync(report, "utf8"));
    const passed = result.numPassedTests ?? 0;
    const failed = result.numFailedTests ?? 0;
    const pending = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
    totals.passed += passed;
    totals.failed += failed;
    totals.skipped += pending;
    counts = `${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ""}`;
    if (result.numTotalTests === 0) {
      failedSteps += 1;
      counts += " (no tests ran)";
    }
  }
  summary.at(-1).counts = counts;
  return ok;
}

run("lint (biome)", "npx", ["biome", "check", "."]);
run("type check (tsc)", "npx", ["tsc", "--noEmit"]);
vitest("unit", "unit");
vitest("integration on PGlite", "integration");

if (postgresUrl) {
  vitest("integration on PostgreSQL", "integration", { TEST_DATABASE: "postgres" });
} else {
  const message =
    "Integration tests ran on PGlite only: set TEST_DATABASE_URL=postgres://user@host:port/db (a server where the user may create databases) to run them on PostgreSQL as well.";
  skipped.push(message);
  if (ci) failedSteps += 1;
}

if (hasChromium) {
  vitest("browser (Chromium)", "browser", { CHROMIUM_PATH: chromiumPath });
} else {
  const message = `Skipped browser tests: no Chromium at ${chromiumPath}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`;
  skipped.push(message);
  if (ci) failedSteps += 1;
}

process.stdout.write("\n=== summary ===\n");
for (const step of summary) {
  process.stdout.write(
    `${step.ok ? "ok  " : "FAIL"}  ${step.label.padEnd(28)} ${step.seconds.padStart(6)} s  ${step.counts ?? ""}\n`,
  );
}
for (const message of skipped)
  process.stdout.write(`${ci ? "FAIL (CI=true skips nothing): " : "NOTE: "}${message}\n`);
process.stdout.write(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}\n`,
);
fs.rmSync(reports, { recursive: true, force: true });
process.exit(failedSteps > 0 ? 1 : 0);
