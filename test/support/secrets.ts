import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { rowsOf } from "../../src/platform/db";
import { outboundEmail } from "../../src/platform/mail/schema";
import { signedInAs, startTestApp, type TestApp } from "./app";
import type { ReceivedEmail } from "./smtp";

// Looking for a secret wherever it could be at rest: every table and the app's log output.

export type Captured = { app: TestApp; log: string[] };

/** The real app with its own pino logger at its most talkative, written to memory instead of stdout. */
export async function startCaptured(overrides: NodeJS.ProcessEnv): Promise<Captured> {
  const log: string[] = [];
  const app = await startTestApp(
    { LOG_LEVEL: "trace", ...overrides },
    { logStream: { write: (line) => log.push(line) } },
  );
  return { app, log };
}

/**
 * Every table in the database, partitions and the audit trail included, whose rows hold any of the
 * needles anywhere: each row is read whole as text, so no column of any type is left out.
 */
export async function tablesHolding(testApp: TestApp, needles: string[]): Promise<string[]> {
  const tables = await rowsOf<{ table_schema: string; table_name: string }>(
    testApp.db,
    sql`select table_schema, table_name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`,
  );
  expect(tables.map((table) => table.table_name)).toEqual(
    expect.arrayContaining(["outbound_email", "audit_event", "participant_invitation", "staff_invitation"]),
  );
  const found: string[] = [];
  for (const { table_schema, table_name } of tables) {
    for (const needle of needles) {
      const [hit] = await rowsOf<{ n: number }>(
        testApp.db,
        sql`select count(*)::int as n from ${sql.identifier(table_schema)}.${sql.identifier(table_name)} row
            where strpos(row::text, ${needle}) > 0`,
      );
      if ((hit?.n ?? 0) > 0) found.push(`${table_schema}.${table_name}`);
    }
  }
  return found;
}

/** Where a secret can be found at rest: tables, and the app's log output. */
export async function placesHolding(captured: Captured, needles: string[]) {
  const tables = await tablesHolding(captured.app, needles);
  const logged = needles.some((needle) => captured.log.join("").includes(needle)) ? ["the log output"] : [];
  return [...tables, ...logged];
}

/** Everything an admin can read of the outbox: the list and every email's own page. */
export async function outboxAsAdminSees(testApp: TestApp): Promise<string> {
  const admin = await signedInAs(testApp.app, "admin");
  const pages: string[] = [];
  const ids = (await testApp.db.select({ id: outboundEmail.id }).from(outboundEmail)).map((row) => row.id);
  for (let page = 1; page <= Math.ceil(ids.length / 25) + 1; page++)
    pages.push((await admin.get(`/admin/outbox?page=${page}`)).body);
  for (const id of ids) {
    const response = await admin.get(`/admin/outbox/${id}`);
    expect(response.statusCode).toBe(200);
    pages.push(response.body);
  }
  return pages.join("\n");
}

export const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
export const linkIn = (email: ReceivedEmail) => /https?:\/\/\S+token=\S+/.exec(email.text)![0];
export const pathOf = (link: string) => link.replace(/^https?:\/\/[^/]+/, "");
