import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Config } from "../../config";

export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  /** Applies committed migrations; safe to call from several app nodes at once. */
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The embedded engine, for backup of its data folder. Undefined on a PostgreSQL server. */
  pglite?: PGlite;
};

export const migrationsFolder = path.resolve(import.meta.dirname, "../../../drizzle");

// An arbitrary constant shared by every node so that only one applies migrations at a time.
const MIGRATION_LOCK_KEY = 7_204_113;

export async function openDatabase(database: Config["database"]): Promise<DatabaseHandle> {
  if (database.kind === "postgres") {
    // JIT compilation costs far more than it saves on the short queries an app like this runs.
    const pool = new pg.Pool({
      connectionString: database.url,
      max: database.poolSize,
      options: "-c jit=off",
    });
    pool.on("error", () => {
      // A dropped idle connection is replaced by the pool; the next query reports real failures.
    });
    const db = drizzleNodePostgres({ client: pool }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
          await migrateNodePostgres(drizzleNodePostgres({ client }), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
          client.release();
        }
      },
      ping: () => ping(db),
      close: () => pool.end(),
    };
  }
  const release = database.dataDir === "memory://" ? () => {} : claimDataDir(database.dataDir);
  const pglite = database.dataDir === "memory://" ? new PGlite() : new PGlite(path.resolve(database.dataDir));
  await pglite.waitReady;
  const db = drizzlePglite({ client: pglite }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    pglite,
    migrate: () => migratePglite(drizzlePglite({ client: pglite }), { migrationsFolder }),
    ping: () => ping(db),
    async close() {
      await pglite.close();
      release();
    },
  };
}

async function ping(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded engine is single-process: two servers on one data folder would corrupt it,
 * so the folder carries a lock file naming the process that holds it.
 */
function claimDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `.${path.basename(dataDir)}.lock`);
  if (fs.existsSync(lockFile)) {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The data folder ${dataDir} is in use by process ${holder}. Stop it first, or set DATA_DIR to another folder.`,
      );
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // Already gone.
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Identifiers as one uuid[] parameter (for `unnest`), the same on PGlite and node-postgres. */
export function uuidArray(ids: readonly string[]): SQL {
  // Written as an array literal, so anything but a uuid could change its meaning.
  for (const id of ids) if (!UUID.test(id)) throw new Error("uuidArray takes uuids only");
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

/** Rows from a raw SQL statement, the same shape on PGlite and node-postgres. */
export async function rowsOf<Row>(executor: Executor, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await executor.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * Like rowsOf, but on PostgreSQL the statement is parsed and planned once per connection (named
 * after its text) and afterwards only bound and run: planning is most of the server's work for the
 * short look-ups every request makes (the session, the access facts, the audit event). Only for
 * statements with few variants of text and whose best plan does not depend on the values (key
 * look-ups): after a few runs PostgreSQL may settle on one generic plan, which would be wrong for,
 * say, a name search.
 */
export async function preparedRowsOf<Row>(executor: Executor, query: ReturnType<typeof sql>): Promise<Row[]> {
  const statement = dialect.sqlToQuery(query);
  const name = `tandem_${createHash("sha1").update(statement.sql).digest("base64url")}`;
  const prepared = executor._.session.prepareQuery(statement, undefined, name, false);
  const result = (await prepared.execute()) as { rows: Row[] };
  return result.rows;
}

/**
 * Runs queries one after another on one connection and returns their results as a tuple, like
 * Promise.all. A transaction is one connection: node-postgres queues overlapping queries on it
 * but warns that it will stop doing so, and nothing is gained by overlapping them.
 */
export async function inOrder<Tasks extends readonly (() => Promise<unknown>)[]>(
  tasks: Tasks,
): Promise<{ -readonly [Index in keyof Tasks]: Awaited<ReturnType<Tasks[Index]>> }> {
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as { -readonly [Index in keyof Tasks]: Awaited<ReturnType<Tasks[Index]>> };
}
