#!/usr/bin/env node
// Cold start and memory at idle: `node bench/startup.mjs`.
// First start on an empty data folder (migrate + seed the demo service), then a second start on
// the same folder, each timed from process spawn to /readyz answering 200; RSS after 10 s idle.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const port = 3900 + Math.floor(Math.random() * 50);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-bench-start-"));

async function start(label) {
  const began = performance.now();
  const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  for (;;) {
    try {
      const response = await fetch(`http://localhost:${port}/readyz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  const seconds = (performance.now() - began) / 1000;
  await sleep(10_000);
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  const rssMiB = Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
  console.log(`${label.padEnd(34)} ready in ${seconds.toFixed(2)} s, RSS at idle ${rssMiB.toFixed(0)} MiB`);
}

await start("first start (migrate + seed demo)");
await start("later start (existing data)");
fs.rmSync(dataDir, { recursive: true, force: true });
