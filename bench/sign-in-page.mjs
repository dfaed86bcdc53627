#!/usr/bin/env node
// Requests per second for the sign-in page: `node bench/sign-in-page.mjs [connections] [seconds]`.
// Starts the app on a fresh embedded database (or DATABASE_URL), then runs autocannon against
// GET /sign-in on the same machine.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";

const connections = Number(process.argv[2] ?? 10);
const duration = Number(process.argv[3] ?? 15);
const port = 3950 + Math.floor(Math.random() * 40);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-signin-"));
const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], {
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    RATE_LIMIT_PER_MINUTE: "100000000",
  },
  stdio: "ignore",
});
for (;;) {
  try {
    if ((await fetch(`http://localhost:${port}/readyz`)).status === 200) break;
  } catch {
    // not yet
  }
  await sleep(100);
}
const result = await autocannon({ url: `http://127.0.0.1:${port}/sign-in`, connections, duration });
console.log(
  `GET /sign-in, ${connections} connections, ${duration} s: ${result.requests.average.toFixed(0)} requests/s, ` +
    `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
);
server.kill("SIGTERM");
await new Promise((resolve) => server.on("exit", resolve));
fs.rmSync(dataDir, { recursive: true, force: true });
