import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db";

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new database
 * on the PostgreSQL server in TEST_DATABASE_URL when the suite runs with TEST_DATABASE=postgres.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { cleanup(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_DATABASE === "postgres") {
    if (!serverUrl) throw new Error("TEST_DATABASE=postgres needs TEST_DATABASE_URL");
    const name = `tandem_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
    await handle.migrate();
    return {
      ...handle,
      async cleanup() {
        await handle.close();
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const handle = await openDatabase({ kind: "pglite", dataDir: "memory://" });
  await handle.migrate();
  return { ...handle, cleanup: () => handle.close() };
}
