import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { asc, count, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchorKeyFrom } from "../../src/platform/audit/anchor";
import { linkHash } from "../../src/platform/audit/chain";
import { sealPendingEvents } from "../../src/platform/audit/service";
import { auditEvent } from "../../src/platform/audit/table";
import { systemClock } from "../../src/platform/clock";
import { openDatabase } from "../../src/platform/db";
import { region } from "../../src/platform/directory/schema";

const run = promisify(execFile);
let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-cli-"));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** The command line as an operator runs it, on the embedded database in a folder of its own. */
async function cli(args: string[], dataDir: string, env: Record<string, string> = {}) {
  try {
    const { stdout } = await run("npx", ["tsx", "src/main.ts", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent", ...env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: `${failure.stdout}${failure.stderr}` };
  }
}

async function withData<T>(
  dataDir: string,
  work: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const handle = await openDatabase({ kind: "pglite", dataDir });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

describe("the command line", () => {
  it("seeds once, verifies an intact audit trail, and reports the first broken link after tampering", async () => {
    const dataDir = path.join(workDir, "audit");
    expect((await cli(["seed"], dataDir)).stdout).toContain("Demo service created");
    expect((await cli(["seed"], dataDir)).stdout).toContain("already exists; nothing was changed");
    await withData(dataDir, (handle) => sealPendingEvents(handle.db, systemClock));
    const intact = await cli(["audit", "verify"], dataDir);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain("Audit trail intact: 1 sealed events checked");

    await withData(dataDir, (handle) =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update audit_event set reason = 'rewritten' where chain_seq = 1`);
      }),
    );
    const broken = await cli(["audit", "verify"], dataDir);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain("Audit trail BROKEN at event 1");
  }, 120_000);

  it("catches a history rewritten with every hash and seal recomputed, through the anchor key and the logged heads", async () => {
    const dataDir = path.join(workDir, "anchored");
    const key = "an-operator-chosen-anchor-key-0123456789abcdef";
    await cli(["seed"], dataDir);
    const logFile = path.join(workDir, "tandem.log");
    // The sealer's log lines, as `npm start` would write them to its log.
    await withData(dataDir, (handle) =>
      sealPendingEvents(handle.db, systemClock, 2000, anchorKeyFrom(key), (head) =>
        fs.appendFileSync(
          logFile,
          `${JSON.stringify({ level: 30, auditSeal: head, msg: "audit trail sealed" })}\n`,
        ),
      ),
    );
    const intact = await cli(["audit", "verify", "--anchor-log", logFile], dataDir, {
      AUDIT_ANCHOR_KEY: key,
    });
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain("1 seals' anchors checked, 1 recorded heads matched");

    await withData(dataDir, (handle) =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update audit_event set reason = 'rewritten' where chain_seq = 1`);
        const [event] = await tx.select().from(auditEvent).orderBy(asc(auditEvent.chainSeq)).limit(1);
        const forged = linkHash("0".repeat(64), 1, event!);
        await tx.execute(sql`update audit_event set hash = ${forged} where chain_seq = 1`);
        await tx.execute(sql`update audit_seal set last_hash = ${forged} where last_seq = 1`);
      }),
    );
    expect((await cli(["audit", "verify"], dataDir)).code).toBe(0);
    const byKey = await cli(["audit", "verify"], dataDir, { AUDIT_ANCHOR_KEY: key });
    expect(byKey.code).toBe(2);
    expect(byKey.stdout).toContain("does not match: the seal was forged or rewritten");
    const byLog = await cli(["audit", "verify", "--anchor-log", logFile], dataDir);
    expect(byLog.code).toBe(2);
    expect(byLog.stdout).toContain("does not have the hash the log recorded");
  }, 120_000);

  it("backs up the embedded database and restores it, keeping the replaced data beside it", async () => {
    const dataDir = path.join(workDir, "backup");
    await cli(["seed"], dataDir);
    const file = path.join(workDir, "tandem.tar.gz");
    expect((await cli(["backup", file], dataDir)).stdout).toContain("Backup written");
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);

    const restored = await cli(["restore", file], dataDir);
    expect(restored.stdout).toContain("Restored");
    expect(restored.stdout).toContain("the previous data is kept in");
    const regions = await withData(
      dataDir,
      async (handle) => (await handle.db.select({ count: count() }).from(region))[0]!.count,
    );
    expect(regions).toBe(15);
  }, 120_000);

  it("explains how to back up PostgreSQL rather than pretending to", async () => {
    const { stdout } = await run("npx", ["tsx", "src/main.ts", "backup"], {
      env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", LOG_LEVEL: "silent" },
    });
    expect(stdout).toContain("pg_dump");
  });

  it("serves, prints the address and demo sign-ins, stops cleanly on SIGTERM, and never re-seeds", async () => {
    const dataDir = path.join(workDir, "serve");
    const port = 4100 + Math.floor(Math.random() * 500);
    const serve = async () => {
      const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", PORT: String(port), LOG_LEVEL: "warn" },
      });
      let output = "";
      server.stdout.on("data", (chunk) => {
        output += chunk;
      });
      while (!output.includes("Tandem is running")) await sleep(100);
      await sleep(300);
      const ready = await fetch(`http://localhost:${port}/readyz`);
      server.kill("SIGTERM");
      const exitCode = await new Promise((resolve) => server.on("exit", resolve));
      return { output, ready: ready.status, exitCode };
    };
    const first = await serve();
    expect(first).toMatchObject({ ready: 200, exitCode: 0 });
    expect(first.output).toContain(`Tandem is running at http://localhost:${port}`);
    expect(first.output).toContain("admin@demo.tandem.example");
    const second = await serve();
    expect(second.exitCode).toBe(0);
    const regions = await withData(
      dataDir,
      async (handle) => (await handle.db.select({ count: count() }).from(region))[0]!.count,
    );
    expect(regions).toBe(15);
  }, 120_000);

  it("runs several app processes on PostgreSQL (one on the embedded database) and stops them all on SIGTERM", async () => {
    const port = 4700 + Math.floor(Math.random() * 200);
    const onPostgres = process.env.TEST_DATABASE === "postgres";
    let databaseUrl = "";
    let dataDir = "";
    let dropDatabase = async () => {};
    if (onPostgres) {
      const serverUrl = process.env.TEST_DATABASE_URL!;
      const name = `tandem_cluster_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      };
    } else {
      dataDir = path.join(workDir, "one-process");
    }
    const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        DEMO_MODE: "true",
        WEB_CONCURRENCY: "2",
        PORT: String(port),
        LOG_LEVEL: "warn",
      },
    });
    let output = "";
    server.stdout.on("data", (chunk) => {
      output += chunk;
    });
    try {
      while (!output.includes("Tandem is running")) await sleep(100);
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          fetch(`http://localhost:${port}/readyz`).then((response) => response.status),
        ),
      );
      expect(answers).toEqual(Array(8).fill(200));
      expect(output).toContain(onPostgres ? "PostgreSQL, 2 app processes" : "embedded database");
    } finally {
      server.kill("SIGTERM");
      const exitCode = await new Promise((resolve) => server.on("exit", resolve));
      expect(exitCode).toBe(0);
      await dropDatabase();
    }
  }, 120_000);

  it("invites the first administrator of a new installation, once", async () => {
    const dataDir = path.join(workDir, "bootstrap");
    const first = await cli(
      ["create-admin", "first.admin@example.nhs.uk", "First Admin", "Example NHS Trust"],
      dataDir,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/http:\/\/localhost:3000\/accept-invitation\?token=[\w-]{20,}/);
    const again = await cli(["create-admin", "first.admin@example.nhs.uk", "First Admin"], dataDir);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("already has an account");
  }, 120_000);

  it("prints its usage for an unknown command", async () => {
    const result = await cli(["frobnicate"], path.join(workDir, "unused"));
    expect(result.code).toBe(64);
    expect(result.stdout).toContain("audit verify");
  });
});
