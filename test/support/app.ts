import { eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../src/app";
import { type Config, readConfig } from "../../src/config";
import { DEMO_PARTICIPANT_SIGN_IN, DEMO_PASSWORD, demoSignIns, seedDemoService } from "../../src/demo/seed";
import { type ManualClock, manualClock } from "../../src/platform/clock";
import {
  organisation,
  region,
  type StaffRole,
  staffAccount,
  team,
} from "../../src/platform/directory/schema";
import { openTestDatabase } from "./database";

export type TestApp = {
  app: FastifyInstance;
  db: Awaited<ReturnType<typeof openTestDatabase>>["db"];
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
};

/** The real app on a fresh database (PGlite, or PostgreSQL when the suite runs against one), seeded. */
export async function startTestApp(
  overrides: NodeJS.ProcessEnv = {},
  options: { logStream?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = manualClock(new Date());
  const config = readConfig({
    LOG_LEVEL: "silent",
    DEMO_MODE: "true",
    RATE_LIMIT_PER_MINUTE: "100000",
    SELF_REFERRALS_PER_HOUR: "1000",
    ...overrides,
  });
  await seedDemoService(database.db, clock);
  const app = await buildApp({
    config,
    db: database.db,
    clock,
    ping: database.ping,
    signInDelayStepMs: 0,
    logStream: options.logStream,
  });
  await app.ready();
  return {
    app,
    db: database.db,
    clock,
    config,
    async close() {
      await app.close();
      await database.cleanup();
    },
  };
}

/** A browser-like client: keeps cookies between requests and knows the page's CSRF token. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  csrfToken = "";

  constructor(readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) {
      if (cookie.value === "" || (cookie.expires && cookie.expires.getTime() < Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    return response;
  }

  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({ method: "GET", url, headers: { cookie: this.cookieHeader, ...headers } }),
    );
  }

  /** Posts a form as a browser would, with the CSRF token from the last page unless told otherwise. */
  async post(url: string, form: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}) {
    const body = new URLSearchParams();
    if (options.csrf !== false) body.append("_csrf", this.csrfToken);
    for (const [key, value] of Object.entries(form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
    return this.remember(
      await this.app.inject({
        method: "POST",
        url,
        headers: { cookie: this.cookieHeader, "content-type": "application/x-www-form-urlencoded" },
        payload: body.toString(),
      }),
    );
  }

  async request(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({
        method: method as "GET",
        url,
        headers: {
          cookie: this.cookieHeader,
          ...(payload !== undefined ? { "content-type": "application/json" } : {}),
          ...(this.csrfToken ? { "x-csrf-token": this.csrfToken } : {}),
          ...headers,
        },
        ...(payload !== undefined
          ? { payload: typeof payload === "string" ? payload : JSON.stringify(payload) }
          : {}),
      }),
    );
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.get("/sign-in");
    return this.post("/sign-in", { email, password });
  }
}

export const demoEmail = (role: StaffRole) => demoSignIns.find((person) => person.role === role)!.email;

/** A client signed in as the demo person with this role. */
/** The demo organisation's staff account for a role, as stored: its id and organisation. */
export async function demoStaff(testApp: TestApp, role: StaffRole) {
  const [row] = await testApp.db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail(role)));
  return row!;
}

export async function signedInAs(app: FastifyInstance, role: StaffRole): Promise<TestClient> {
  const client = new TestClient(app);
  const response = await client.signIn(demoEmail(role));
  if (response.statusCode !== 302) throw new Error(`sign-in as ${role} failed with ${response.statusCode}`);
  await client.get("/");
  return client;
}

/**
 * A date as the NHS.UK date input posts it: `field[day]`, `field[month]` and `field[year]`, from
 * YYYY-MM-DD as a person would type it ("2026-03-02" is 2, 3, 2026). Anything else (an impossible
 * "2026-02-30", words) goes in as typed, and "" leaves all three fields empty.
 */
export function typedDate(field: string, date: string): Record<string, string> {
  const match = /^(\d+)-(\d+)-(\d+)$/.exec(date);
  const [year, month, day] = match
    ? [match[1]!, String(Number(match[2])), String(Number(match[3]))]
    : ["", "", date];
  return { [`${field}[day]`]: day, [`${field}[month]`]: month, [`${field}[year]`]: year };
}

/** The date a page's date input shows, as YYYY-MM-DD, or what its three fields hold when that is no date. */
export function shownDate(html: string, field: string): string {
  const part = (name: string) =>
    new RegExp(`name="${field}\\[${name}\\]"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? "";
  const [day, month, year] = [part("day"), part("month"), part("year")];
  if (!/^\d+$/.test(day) || !/^\d+$/.test(month)) return `${day}/${month}/${year}`;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** The demo participant, signed in to their own pages in a browser of their own. */
export async function signedInDemoParticipant(app: FastifyInstance): Promise<TestClient> {
  const client = new TestClient(app);
  await client.get("/my/sign-in");
  const signedIn = await client.post("/my/sign-in", {
    signInName: DEMO_PARTICIPANT_SIGN_IN,
    password: DEMO_PASSWORD,
  });
  if (signedIn.headers.location !== "/my") throw new Error("the demo participant could not sign in");
  await client.get("/my");
  return client;
}

/** The ids the directory's routes name, from the demo's first region: for tests over the route table. */
export async function demoDirectoryIds(testApp: Pick<TestApp, "db">) {
  const { db } = testApp;
  const [firstRegion] = await db.select().from(region).limit(1);
  const [firstOrganisation] = await db
    .select()
    .from(organisation)
    .where(eq(organisation.regionId, firstRegion!.id));
  const [firstTeam] = await db.select().from(team).where(eq(team.organisationId, firstOrganisation!.id));
  const [someStaff] = await db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("evaluator")));
  return {
    region: firstRegion!.id,
    organisation: firstOrganisation!.id,
    team: firstTeam!.id,
    staff: someStaff!.id,
  };
}
