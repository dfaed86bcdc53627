// The caseload pages, the participant summary and name search over HTTP, signed in:
//   DATABASE_URL=postgres://user@127.0.0.1:port/db npx tsx bench/participants.ts [seconds] [connections]
//   DATA_DIR=/tmp/tandem-bench-data            npx tsx bench/participants.ts [seconds] [connections]
// Run bench/generate-service.ts on the same database first. Starts the app on it (demo mode,
// rate limit out of the way, warn-level logs), signs in as the demo employment specialist and
// team leader through the sign-in form, and runs autocannon (default 10 connections, 15 s after a
// 3 s warm-up) against each case in turn. Every request goes through the access policy and writes
// its audit event, as in production; on PostgreSQL the count of audit events written is checked.
// CASES=caseload runs only the cases whose label contains that text. On Linux it also reports the
// app process's CPU time per request, steadier than requests per second on a shared machine.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import pg from "pg";

const duration = Number(process.argv[2] ?? 15);
const connections = Number(process.argv[3] ?? 10);
const WARM_UP_SECONDS = 3;
const DEMO_PASSWORD = "tandem-demo-2026";
if (!process.env.DATABASE_URL && !process.env.DATA_DIR)
  throw new Error("Set DATABASE_URL or DATA_DIR to a database filled by bench/generate-service.ts.");

const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
});
const base = `http://127.0.0.1:${port}`;

const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    DEMO_MODE: "true",
    RATE_LIMIT_PER_MINUTE: "100000000",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const stopServer = async () => {
  if (server.exitCode !== null) return;
  server.kill("SIGTERM");
  await new Promise((resolve) => server.on("exit", resolve));
};

/** A signed-in browser: its cookies and the CSRF token of the last page it read. */
class Session {
  cookies = new Map<string, string>();
  csrfToken = "";

  get cookie() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(method: string, path: string, init: { form?: Record<string, string>; json?: unknown } = {}) {
    const headers: Record<string, string> = { cookie: this.cookie };
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams({ _csrf: this.csrfToken, ...init.form }).toString();
    } else if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      headers["x-csrf-token"] = this.csrfToken;
      body = JSON.stringify(init.json);
    }
    const response = await fetch(`${base}${path}`, { method, headers, body, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrfToken = token;
    return { status: response.status, text };
  }

  static async signIn(email: string) {
    const session = new Session();
    await session.request("GET", "/sign-in");
    const signedIn = await session.request("POST", "/sign-in", { form: { email, password: DEMO_PASSWORD } });
    if (signedIn.status !== 302) throw new Error(`Signing in as ${email} answered ${signedIn.status}.`);
    await session.request("GET", "/");
    return session;
  }
}

type Case = {
  label: string;
  session: Session;
  method?: "GET" | "POST";
  /** One path, or a new one for each request (participants, search prefixes). */
  path: string | (() => string);
  body?: () => string;
};

const percentile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function run(item: Case, seconds: number) {
  const latencies: number[] = [];
  const pathFor = typeof item.path === "string" ? () => item.path as string : item.path;
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: item.method ?? "GET",
        headers: {
          cookie: item.session.cookie,
          ...(item.body
            ? { "content-type": "application/json", "x-csrf-token": item.session.csrfToken }
            : {}),
        },
        setupRequest: (request) => ({
          ...request,
          path: pathFor(),
          ...(item.body ? { body: item.body() } : {}),
        }),
      },
    ],
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return { result, latencies };
}

/** The app process's CPU time so far in ms (Linux), or undefined elsewhere. */
function appCpuMs(): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function auditEvents(): Promise<number | undefined> {
  if (!process.env.DATABASE_URL) return undefined;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query("select count(*)::int as n from audit_event");
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

try {
  for (;;) {
    if (server.exitCode !== null) throw new Error("The app stopped while starting.");
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) break;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  const specialist = await Session.signIn("specialist@demo.tandem.example");
  const leader = await Session.signIn("teamleader@demo.tandem.example");

  // The specialist's own care teams, as the API lists them (a page past the last repeats the last).
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const { status, text } = await specialist.request("GET", `/api/v1/participants?page=${page}`);
    if (status !== 200) throw new Error(`GET /api/v1/participants answered ${status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { items: { id: string }[]; total: number };
    for (const row of body.items) if (!ids.includes(row.id)) ids.push(row.id);
    if (ids.length >= body.total || body.items.length === 0) break;
  }
  if (ids.length === 0)
    throw new Error("The specialist has no participants: run bench/generate-service.ts first.");

  // Prefixes people type: the start of a family name, of a given name, or of both.
  const prefixes = [
    "pat",
    "smi",
    "jo",
    "ali kh",
    "mar",
    "wil",
    "sa",
    "chen",
    "o",
    "hug",
    "kaur",
    "da wa",
    "emm",
    "th",
    "bro",
    "le",
  ];
  // Newer builds take the search in a POST body (so it never sits in a URL); older ones as ?q=.
  const probe = await leader.request("POST", "/api/v1/participants/search", { json: { q: "smi" } });
  const searchInBody = probe.status === 200;
  if (!searchInBody && probe.status !== 404)
    throw new Error(`POST /api/v1/participants/search answered ${probe.status}: ${probe.text.slice(0, 200)}`);
  let turn = 0;
  const next = <T>(list: T[]) => list[turn++ % list.length]!;

  const cases: Case[] = [
    { label: "GET /caseload (specialist)", session: specialist, path: "/caseload" },
    { label: "GET /caseload (team leader)", session: leader, path: "/caseload" },
    { label: "GET /team/caseloads (team leader)", session: leader, path: "/team/caseloads" },
    {
      label: `GET /api/v1/participants/:id (${ids.length} ids)`,
      session: specialist,
      path: () => `/api/v1/participants/${next(ids)}`,
    },
    searchInBody
      ? {
          label: "POST /api/v1/participants/search (team leader)",
          session: leader,
          method: "POST",
          path: "/api/v1/participants/search",
          body: () => JSON.stringify({ q: next(prefixes) }),
        }
      : {
          label: "GET /api/v1/participants?q= (team leader)",
          session: leader,
          path: () => `/api/v1/participants?q=${encodeURIComponent(next(prefixes))}`,
        },
  ];

  console.log(
    `${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}, ${connections} connections, ${duration} s each after a ${WARM_UP_SECONDS} s warm-up\n`,
  );
  console.log(
    `${"case".padEnd(52)} ${"req/s".padStart(7)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)}  non-2xx  audit       app CPU µs/req`,
  );
  for (const item of cases.filter((each) => each.label.includes(process.env.CASES ?? ""))) {
    await run(item, WARM_UP_SECONDS);
    const before = await auditEvents();
    const cpuBefore = appCpuMs();
    const { result, latencies } = await run(item, duration);
    const cpuAfter = appCpuMs();
    const after = await auditEvents();
    const ms = (q: number) => `${percentile(latencies, q).toFixed(1)}`.padStart(7);
    const cpu =
      cpuBefore === undefined || cpuAfter === undefined
        ? ""
        : `${((1000 * (cpuAfter - cpuBefore)) / result.requests.total).toFixed(0)}`.padStart(6);
    const audited =
      before === undefined || after === undefined ? "" : `${after - before}/${result.requests.total}`;
    console.log(
      `${item.label.padEnd(52)} ${result.requests.average.toFixed(0).padStart(7)} ${ms(0.5)} ${ms(0.95)} ${ms(0.99)}  ${String(result.non2xx + result.errors).padStart(7)}  ${audited.padEnd(11)} ${cpu}`,
    );
  }
  console.log(
    "\nLatencies in ms; audit: events written / requests completed (PostgreSQL only); app CPU: the app process's CPU time per request (one process; Linux only).",
  );
} finally {
  await stopServer();
}
