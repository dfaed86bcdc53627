import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app";
import { readConfig } from "../../src/config";
import { seedDemoService } from "../../src/demo/seed";
import { careTeamMember, participant } from "../../src/features/participants/schema";
import { hasPermission } from "../../src/platform/access/roles";
import { calendarDateAt, manualClock } from "../../src/platform/clock";
import { type StaffRole, staffAccount } from "../../src/platform/directory/schema";
import type { RouteAccess } from "../../src/platform/http/context";
import type { DeclaredRoute } from "../../src/platform/http/guard";
import {
  demoDirectoryIds,
  demoEmail,
  signedInAs,
  signedInDemoParticipant,
  type TestApp,
  TestClient,
} from "../support/app";
import { openTestDatabase } from "../support/database";

/**
 * Random input against every route the app declares (decision 50): each route is called by
 * someone it admits (signed out for public routes), with a form or JSON body that would pass
 * its validation except for one or more fields replaced by something nasty — NUL and other
 * control characters, half surrogate pairs, huge strings, year 0000 and impossible dates, odd
 * unicode — and the same in the query and the path. No answer may be a 5xx.
 *
 * The list of routes comes from the app, as the access matrix's does, so a new route is
 * covered without anyone editing this file. Bounded and repeatable: a fixed seed (set
 * RANDOM_INPUT_SEED to replay another), a fixed number of runs per route; a failure prints the
 * seed, the route and the smallest request fast-check found.
 */

const seed = Number(process.env.RANDOM_INPUT_SEED ?? 20261204);
// RANDOM_INPUT_TRACE="POST /refer-yourself" prints each request to that route and its answer.
const trace = process.env.RANDOM_INPUT_TRACE;
const runsPerRoute = Number(process.env.RANDOM_INPUT_RUNS ?? 8);
// Reads take fewer: their queries are few and mostly fall back to a default.
const runsPerRead = Math.ceil(runsPerRoute / 2);

let testApp: TestApp;
type Caller = StaffRole | "anonymous" | "participant";
const clients = new Map<Caller, TestClient>();
const ids: Record<string, string> = {};
const unknownId = "00000000-0000-4000-8000-000000000000";
let today = "";

// Routes that end the caller's session are left to their own tests: after them, every later
// request would only be sent to sign in.
const excluded = new Set(["POST /sign-out", "POST /my/sign-out"]);

/**
 * The test app as `startTestApp` makes it, but with its warnings kept: the error handler's safety
 * net (a data error answered 400) logs one, and a request that needed the net is a cause left
 * unfixed even though its answer was not a 5xx.
 */
const caughtByTheNet: string[] = [];
async function startAppKeepingWarnings(): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = manualClock(new Date());
  const config = readConfig({
    LOG_LEVEL: "warn",
    DEMO_MODE: "true",
    RATE_LIMIT_PER_MINUTE: "100000",
    SELF_REFERRALS_PER_HOUR: "1000",
  });
  await seedDemoService(database.db, clock);
  const stream = {
    write(line: string) {
      if (line.includes("should have been refused")) caughtByTheNet.push(line.slice(0, 600));
    },
  };
  const app = await buildApp({
    config,
    db: database.db,
    clock,
    ping: database.ping,
    signInDelayStepMs: 0,
    logger: { level: "warn", stream },
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

beforeAll(async () => {
  testApp = await startAppKeepingWarnings();
  const { db } = testApp;
  today = calendarDateAt(testApp.clock.now());
  const anonymous = new TestClient(testApp.app);
  await anonymous.get("/sign-in");
  clients.set("anonymous", anonymous);
  for (const role of preferredRoles) clients.set(role, await signedInAs(testApp.app, role));
  clients.set("participant", await signedInDemoParticipant(testApp.app));

  const directory = await demoDirectoryIds(testApp);
  const [specialist] = await db
    .select()
    .from(staffAccount)
    .where(eq(staffAccount.email, demoEmail("employment_specialist")));
  const [cared] = await db
    .select({ id: participant.id })
    .from(participant)
    .innerJoin(careTeamMember, eq(careTeamMember.participantId, participant.id))
    .where(and(eq(careTeamMember.staffId, specialist!.id)))
    .limit(1);
  // One of each record the routes name, so a request with a real id reaches the handler's depths.
  const first = async (query: ReturnType<typeof sql>) => {
    try {
      const result = (await db.execute(query)) as unknown as { rows: { id: string }[] };
      return result.rows[0]?.id ?? unknownId;
    } catch {
      return unknownId;
    }
  };
  const owned = (table: string) =>
    first(sql`select id from ${sql.identifier(table)} where participant_id = ${cared!.id} limit 1`);
  const [caredRow] = await db.select().from(participant).where(eq(participant.id, cared!.id));
  const employerId = await first(
    sql`select id from employer where organisation_id = ${caredRow!.organisationId} limit 1`,
  );
  Object.assign(ids, {
    goal: await owned("plan_goal"),
    action: await owned("plan_action"),
    support: await owned("plan_support_referral"),
    warningSign: await owned("plan_warning_sign"),
    contact: await owned("contact"),
    appointment: await owned("appointment"),
    alert: await owned("participant_alert"),
    application: await owned("job_application"),
    job: await owned("job"),
    absence: await owned("sickness_absence"),
    rtwPlan: await owned("return_to_work_plan"),
    employer: employerId,
    opportunity: await first(sql`select id from job_opportunity where employer_id = ${employerId} limit 1`),
    person: await first(
      sql`select id from employer_contact_person where employer_id = ${employerId} limit 1`,
    ),
    ...directory,
    participant: cared!.id,
  });
}, 180_000);

afterAll(async () => {
  await testApp?.close();
});

// The roles tried for a staff route, in order: those on the demo participant's care team first,
// so record routes reach their handlers.
const preferredRoles: StaffRole[] = [
  "employment_specialist",
  "team_leader",
  "clinician",
  "peer_worker",
  "admin",
  "manager",
  "evaluator",
  "advocate",
];

function callerFor(access: RouteAccess): Caller {
  if (access === "public") return "anonymous";
  if (access === "participant" || access === "participant_partly_signed_in") return "participant";
  if (access === "signed_in" || access === "partly_signed_in") return "employment_specialist";
  return preferredRoles.find((role) => hasPermission(role, access)) ?? "employment_specialist";
}

/** The route's address with real records in its parameters (the demo participant, a region …). */
function concreteUrl(url: string): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => {
    if (name === "participantId") return ids.participant!;
    if (name === "instrument") return "phq9";
    if (name === "number") return "1";
    if (name === "action") return "reissue-invitation";
    if (name === "itemId") {
      if (url.includes("/goals/")) return ids.goal!;
      if (url.includes("/actions/")) return ids.action!;
      if (url.includes("/supports/")) return ids.support!;
      if (url.includes("/warning-signs/")) return ids.warningSign!;
    }
    const byName: Record<string, string | undefined> = {
      contactId: ids.contact,
      appointmentId: ids.appointment,
      alertId: ids.alert,
      applicationId: ids.application,
      jobId: ids.job,
      absenceId: ids.absence,
      planId: ids.rtwPlan,
      employerId: ids.employer,
      opportunityId: ids.opportunity,
      personId: ids.person,
    };
    // A care-team member stays unknown: removing the specialist would lock them out of the rest.
    if (byName[name]) return byName[name]!;
    if (name === "id") {
      if (url.startsWith("/admin/regions")) return ids.region!;
      if (url.startsWith("/admin/organisations")) return ids.organisation!;
      if (url.startsWith("/admin/teams")) return ids.team!;
      if (url.startsWith("/admin/staff")) return ids.staff!;
    }
    return unknownId;
  });
}

// ---- What is sent ----

const nastyConstants = [
  "\u0000",
  "a\u0000b",
  "\u0000\u0000\u0000",
  "line\nbreak",
  "\r\n",
  "\t",
  "\u0007\u0008\u001b[31m",
  "\u007f",
  "\ud800",
  "x\udc00y",
  "\ufeff",
  "\u202etxt.exe",
  "\u200b",
  "ｆｕｌｌｗｉｄｔｈ",
  "Zoë Ångström-Nguyễn 😀 𠜎",
  "0000-01-01",
  "0000-00-00",
  "0001-01-01",
  "1899-12-31",
  "2201-01-01",
  "9999-12-31",
  "2026-02-30",
  "2026-13-01",
  "+275760-09-13",
  "-000001-01-01",
  "20266-01-01",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "31/12/0000",
  "0/0/0",
  "25:61",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "-0",
  "0x10",
  "",
  " ",
  "null",
  "true",
  "[]",
  "{}",
  "%00",
  "%",
  "%zz",
  "../../etc/passwd",
  "//evil.example",
  "/\t/evil.example",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "{{7*7}}",
  "x".repeat(101),
  "x".repeat(1_001),
  "x".repeat(20_000),
  unknownId,
  "not-a-uuid",
];

const controlHeavy = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
      fc.constantFrom("\u007f", "\ud800", "\udfff", "\u0085", "\u2028"),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

// What broke before: a NUL or another control character inside otherwise ordinary text.
const controlInText = fc
  .tuple(
    fc.constantFrom("Kim", "Jones", "a note", ""),
    fc.constantFrom("\u0000", "\u0001", "\u001f", "\n", "\t", "\u007f", "\ud800"),
    fc.constantFrom("", "son", " more"),
  )
  .map(([before, control, after]) => `${before}${control}${after}`);

const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyConstants) },
  { weight: 3, arbitrary: controlInText },
  { weight: 2, arbitrary: controlHeavy },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 90, maxLength: 400 }) },
);

const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, -1, 0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
);

// Query keys the pages and the API read, from their links and OpenAPI document (added in setup).
const queryKeys = new Set([
  "q",
  "page",
  "stage",
  "sort",
  "order",
  "search",
  "staffId",
  "next",
  "from",
  "to",
  "action",
  "actorId",
  "subjectId",
  "cursor",
  "before",
  "category",
  "notice",
  "status",
  "regionId",
  "organisationId",
  "role",
  "sector",
  "size",
  "token",
  "expired",
  "noteKind",
  "withWhom",
  "method",
]);

// ---- Forms as the pages render them ----

type Form = Record<string, string | string[]>;
type ScrapedForm = { action: string; fields: Form };

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`)
    .exec(tag)?.[1]
    ?.replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"');

function scrapeForms(html: string): ScrapedForm[] {
  const forms: ScrapedForm[] = [];
  for (const match of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const action = attribute(match[1]!, "action") ?? "";
    const fields: Form = {};
    const inner = match[2]!;
    for (const input of inner.matchAll(/<input[^>]*>/g)) {
      const tag = input[0];
      const name = attribute(tag, "name");
      if (!name || name === "_csrf") continue;
      const type = attribute(tag, "type") ?? "text";
      const value = attribute(tag, "value") ?? "";
      if (type === "radio") {
        if (!(name in fields) || / checked/.test(tag)) fields[name] = value;
      } else if (type === "checkbox") {
        const list = Array.isArray(fields[name]) ? (fields[name] as string[]) : [];
        if (list.length === 0 || / checked/.test(tag)) fields[name] = [...list, value];
      } else fields[name] = value || fillFor(name, type);
    }
    for (const select of inner.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attribute(select[1]!, "name");
      if (!name) continue;
      const options = [...select[2]!.matchAll(/<option([^>]*)>/g)].map((option) => ({
        value: attribute(option[1]!, "value") ?? "",
        selected: / selected/.test(option[1]!),
      }));
      fields[name] =
        options.find((option) => option.selected && option.value)?.value ??
        options.find((option) => option.value)?.value ??
        "";
    }
    for (const area of inner.matchAll(/<textarea([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attribute(area[1]!, "name");
      if (name) fields[name] = area[2] || fillFor(name, "textarea");
    }
    forms.push({ action, fields });
  }
  return forms;
}

/** A value a person might type into an empty field, so the rest of the form is valid. */
function fillFor(name: string, type: string): string {
  const lower = name.toLowerCase();
  // Hidden fields keep what the page put there; the self-referral's honeypot must stay empty.
  if (type === "hidden" || name === "website") return "";
  if (type === "email" || lower.includes("email")) return "pat.example@example.nhs.uk";
  if (type === "password" || lower.includes("password")) return "a-long-enough-password-2026";
  if (lower.includes("birth")) return "1990-04-04";
  if (lower.endsWith("-day") || lower === "day") return "4";
  if (lower.endsWith("-month") || lower === "month") return "4";
  if (lower.endsWith("-year") || lower === "year") return "1990";
  if (type === "date" || /(Date|On|date)$/.test(name)) return today;
  if (type === "time" || lower.endsWith("time")) return "10:30";
  if (lower.includes("nhs")) return "943 476 5919";
  if (lower.includes("phone")) return "07700 900555";
  if (lower.includes("postcode")) return "B1 1AA";
  if (type === "number" || /hours|minutes|pay|count|version|pence|weeks|days/.test(lower)) return "10";
  return "Something a person wrote";
}

// ---- JSON bodies from the OpenAPI document ----

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  const?: unknown;
};
let openApi: { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: unknown[] }>> };

function validJson(schema: JsonSchema | undefined, depth = 0, name = ""): unknown {
  if (!schema || depth > 4) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return validJson(choice.find((option) => option.type !== "null") ?? choice[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== "null") : schema.type;
  if (type === "object") {
    const body: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties ?? {}))
      body[key] = validJson(property, depth + 1, key);
    return body;
  }
  if (type === "array") return [validJson(schema.items, depth + 1)];
  if (type === "integer" || type === "number") return Math.max(schema.minimum ?? 1, 1);
  if (type === "boolean") return true;
  if (schema.format === "date") return today;
  if (schema.format === "date-time") return testApp.clock.now().toISOString();
  if (schema.format === "uuid") return ids.team;
  return fillFor(name, schema.format === "email" ? "email" : "text");
}

function jsonBodyFor(route: DeclaredRoute): Record<string, unknown> {
  const path = route.url.replace(/:(\w+)/g, "{$1}");
  const operation = openApi.paths[path]?.[route.method.toLowerCase()] as
    | { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
    | undefined;
  const schema = operation?.requestBody?.content?.["application/json"]?.schema;
  const body = validJson(schema);
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

// ---- One request ----

type Attempt = {
  pathNasty: string | null;
  query: [string, string][];
  mutate: { pick: number; value: unknown }[];
  extra: [string, unknown] | null;
};

const attempt: fc.Arbitrary<Attempt> = fc.record({
  pathNasty: fc.option(nastyString, { freq: 6 }),
  query: fc
    .array(fc.tuple(fc.nat(), nastyString), { maxLength: 3 })
    .map((pairs) =>
      pairs.map(([index, value]): [string, string] => [[...queryKeys][index % queryKeys.size]!, value]),
    ),
  // Mostly one field, so the rest of the form stays valid and the request reaches the handler.
  mutate: fc.array(fc.record({ pick: fc.nat(), value: nastyJson }), { minLength: 1, maxLength: 2 }),
  extra: fc.option(fc.tuple(nastyString, nastyJson), { freq: 4 }),
});

const asFormValue = (value: unknown): string | string[] =>
  typeof value === "string"
    ? value
    : Array.isArray(value)
      ? value.map((item) => (typeof item === "string" ? item : JSON.stringify(item)))
      : JSON.stringify(value);

function buildUrl(route: DeclaredRoute, chosen: Attempt): string {
  let url = concreteUrl(route.url);
  const params = route.url.match(/:\w+/g) ?? [];
  if (chosen.pathNasty !== null && params.length > 0) {
    // One path parameter replaced, percent-encoded as a browser would send it.
    const param = params[chosen.pathNasty.length % params.length]!;
    url = concreteUrl(route.url.replace(param, "\u0001")).replace(
      "\u0001",
      encodeURIComponent(chosen.pathNasty.replace(/[\ud800-\udfff]/g, "\ufffd")) || "%00",
    );
  }
  const search = chosen.query
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key)}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"))}`,
    )
    .join("&");
  return search ? `${url}${url.includes("?") ? "&" : "?"}${search}` : url;
}

// The form each POST route's page shows, found by fetching the likely pages once per caller.
const formCache = new Map<string, Form>();

async function baselineForm(client: TestClient, caller: Caller, route: DeclaredRoute): Promise<Form> {
  const target = concreteUrl(route.url);
  const key = `${caller} ${target}`;
  const cached = formCache.get(key);
  if (cached) return cached;
  const parent = target.replace(/\/[^/]+$/, "");
  const candidates = [target, `${target}/new`, parent, `${parent}/new`, `${parent.replace(/\/[^/]+$/, "")}`];
  if (target === "/admin/staff") candidates.unshift("/admin/staff/invite");
  if (target.endsWith("/contacts")) candidates.unshift(`${target}/new`);
  let found: Form = {};
  for (const candidate of candidates) {
    if (!candidate) continue;
    const page = await client.get(candidate);
    if (page.statusCode !== 200 || !page.headers["content-type"]?.toString().includes("text/html")) continue;
    const form = scrapeForms(page.body).find((each) => each.action === target);
    if (form) {
      found = form.fields;
      break;
    }
  }
  formCache.set(key, found);
  return found;
}

let requestsSent = 0;

async function send(route: DeclaredRoute, chosen: Attempt) {
  requestsSent++;
  const caller = callerFor(route.access);
  const client = clients.get(caller)!;
  const url = buildUrl(route, chosen);
  if (route.method === "GET") return { url, body: undefined, response: await client.get(url) };
  if (url.startsWith("/api/")) {
    const body: Record<string, unknown> = jsonBodyFor(route);
    const keys = Object.keys(body);
    for (const { pick, value } of chosen.mutate) {
      const name = keys.length > 0 ? keys[pick % keys.length]! : `field${pick % 5}`;
      body[name] = value;
    }
    if (chosen.extra) body[chosen.extra[0]] = chosen.extra[1];
    return { url, body, response: await client.request(route.method, url, body) };
  }
  const form: Form = { ...(await baselineForm(client, caller, route)) };
  const keys = Object.keys(form);
  for (const { pick, value } of chosen.mutate) {
    const name = keys.length > 0 ? keys[pick % keys.length]! : [...queryKeys][pick % queryKeys.size]!;
    form[name] = asFormValue(value);
  }
  if (chosen.extra) form[chosen.extra[0].replace(/[\ud800-\udfff]/g, "")] = asFormValue(chosen.extra[1]);
  // The body is sent as the browser would encode it; a half surrogate pair cannot be, so it is
  // sent as the replacement character a browser would send (it is tested in JSON bodies).
  for (const [name, value] of Object.entries(form)) {
    form[name] = Array.isArray(value)
      ? value.map((item) => item.replace(/[\ud800-\udfff]/g, "\ufffd"))
      : value.replace(/[\ud800-\udfff]/g, "\ufffd");
  }
  return { url, body: form, response: await client.post(url, form) };
}

/** The fields a write route's body has when valid: its page's form, or its OpenAPI body. */
async function fieldsOf(route: DeclaredRoute): Promise<Record<string, unknown>> {
  if (route.url.startsWith("/api/")) return jsonBodyFor(route);
  const caller = callerFor(route.access);
  return baselineForm(clients.get(caller)!, caller, route);
}

// The year box of a day, month and year date input.
const yearField = (name: string) => /(-|\[|\b)year\]?$/i.test(name);
const looksLikeDate = (name: string, value: unknown) =>
  /date|On$|At$|birth/i.test(name) || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value));

const callerOrder: Caller[] = ["anonymous", "participant", ...preferredRoles];

/** Anonymous and participant routes first, then staff; reads before writes within each. */
function routesInOrder(): DeclaredRoute[] {
  return testApp.app.declaredRoutes
    .filter((route) => !excluded.has(`${route.method} ${route.url}`))
    .sort(
      (a, b) =>
        callerOrder.indexOf(callerFor(a.access)) - callerOrder.indexOf(callerFor(b.access)) ||
        Number(a.method !== "GET") - Number(b.method !== "GET"),
    );
}

describe("random input over every route", () => {
  it("covers every declared route", () => {
    const routes = routesInOrder();
    expect(routes.length).toBeGreaterThan(200);
    expect(routes.map((route) => `${route.method} ${route.url}`)).toEqual(
      expect.arrayContaining(["POST /refer-yourself", "POST /sign-in", "POST /my/sign-in", "POST /caseload"]),
    );
  });

  it("every signed-in read says Cache-Control: no-store", async () => {
    const cacheable: string[] = [];
    for (const route of routesInOrder()) {
      if (route.method !== "GET" || route.access === "public") continue;
      const response = await clients.get(callerFor(route.access))!.get(concreteUrl(route.url));
      if (response.headers["cache-control"] !== "no-store")
        cacheable.push(`${route.url}: ${response.statusCode} ${response.headers["cache-control"]}`);
    }
    expect(cacheable).toEqual([]);
  }, 120_000);

  it("a NUL, or year 0000 in a date, in any one field of any write's valid body never gets a 5xx", async () => {
    // The class the walkthrough found, tried field by field so that nothing is left to chance:
    // every other field holds what a person would type, so the request reaches the handler.
    openApi ??= (await testApp.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    const failures: string[] = [];
    let tried = 0;
    for (const route of routesInOrder()) {
      if (route.method === "GET") continue;
      const fields = Object.entries(await fieldsOf(route));
      for (const [index, [name, value]] of fields.entries()) {
        const chosen: Attempt = {
          pathNasty: null,
          query: [],
          mutate: [
            {
              pick: index,
              value: yearField(name) ? "0000" : looksLikeDate(name, value) ? "0000-01-01" : "Kim\u0000son",
            },
          ],
          extra: null,
        };
        const { url, body, response } = await send(route, chosen);
        tried++;
        if (trace && `${route.method} ${route.url} ${name}`.includes(trace))
          console.error(
            response.statusCode,
            JSON.stringify({ url, body }).slice(0, 400),
            response.body.slice(0, 300),
          );
        if (response.statusCode >= 500)
          failures.push(`${route.method} ${route.url} field ${name}: ${response.statusCode}`);
      }
    }
    expect(tried).toBeGreaterThan(300);
    expect(failures).toEqual([]);
    expect(caughtByTheNet).toEqual([]);
  }, 300_000);

  it("never answers 5xx, whatever is sent", async () => {
    openApi ??= (await testApp.app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
    for (const [, operations] of Object.entries(openApi.paths))
      for (const operation of Object.values(operations))
        for (const parameter of (operation.parameters ?? []) as { in: string; name: string }[])
          if (parameter.in === "query") queryKeys.add(parameter.name);

    const failures: string[] = [];
    const before = requestsSent;
    for (const [index, route] of routesInOrder().entries()) {
      const result = await fc.check(
        fc.asyncProperty(attempt, async (chosen) => {
          const { url, body, response } = await send(route, chosen);
          if (trace && `${route.method} ${route.url}`.includes(trace))
            console.error(response.statusCode, JSON.stringify({ url, body }).slice(0, 400));
          return response.statusCode < 500;
        }),
        {
          seed: seed + index,
          numRuns: route.method === "GET" ? runsPerRead : runsPerRoute,
          endOnFailure: true,
        },
      );
      if (result.failed) {
        const chosen = result.counterexample![0];
        const { url, body, response } = await send(route, chosen);
        failures.push(
          `${route.method} ${route.url} as ${callerFor(route.access)} (seed ${seed + index}, path ${result.counterexamplePath}): ` +
            `${response.statusCode} for ${JSON.stringify({ url, body })}`.slice(0, 1200),
        );
      }
    }
    if (failures.length > 0) console.error(`random input: seed ${seed}\n${failures.join("\n")}`);
    expect(failures).toEqual([]);
    // Bounded, but not trivially: about a thousand requests with the default runs.
    expect(requestsSent - before).toBeGreaterThan(runsPerRoute * 100);
    expect(caughtByTheNet).toEqual([]);
  }, 600_000);
});
