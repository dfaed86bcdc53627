// The ceiling this machine puts on a signed-in, audited read: a bare Fastify route that makes N
// sequential PostgreSQL round trips (`select $1::int`) and nothing else, under autocannon with
// 10 connections, the server in its own process as bench/participants.ts runs the app:
//   DATABASE_URL=postgres://… npx tsx bench/round-trips.ts [counts, default 0,1,3,6,9] [seconds]
import { spawn } from "node:child_process";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import Fastify from "fastify";
import pg from "pg";

const PORT = 4799;
if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a PostgreSQL database.");

if (process.argv[2] === "serve") {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const app = Fastify({ logger: false });
  app.get<{ Params: { n: string } }>("/round-trips/:n", async (request) => {
    const n = Number(request.params.n);
    let last: unknown = null;
    if (n > 0) {
      const client = await pool.connect();
      try {
        for (let index = 0; index < n; index++)
          last = (await client.query("select $1::int as v", [index])).rows[0];
      } finally {
        client.release();
      }
    }
    return { last };
  });
  await app.listen({ port: PORT, host: "127.0.0.1" });
} else {
  const counts = (process.argv[2] ?? "0,1,3,6,9").split(",").map(Number);
  const seconds = Number(process.argv[3] ?? 10);
  const server = spawn(process.execPath, ["--import", "tsx", "bench/round-trips.ts", "serve"], {
    env: process.env,
    stdio: "inherit",
  });
  const cpuMs = () => {
    const fields = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  };
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/round-trips/0`)).ok) break;
      } catch {
        await sleep(200);
      }
    }
    console.log("round trips   req/s     p50     p99  server CPU µs/req  load");
    for (const n of counts) {
      const url = `http://127.0.0.1:${PORT}/round-trips/${n}`;
      await autocannon({ url, connections: 10, duration: 2 });
      const before = cpuMs();
      const result = await autocannon({ url, connections: 10, duration: seconds });
      const used = cpuMs() - before;
      console.log(
        `${String(n).padStart(11)} ${result.requests.average.toFixed(0).padStart(7)} ${String(result.latency.p50).padStart(7)} ${String(result.latency.p99).padStart(7)} ${((1000 * used) / result.requests.total).toFixed(0).padStart(18)}  ${fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0]}`,
      );
    }
  } finally {
    server.kill("SIGTERM");
  }
}
