// The audit page over millions of events on PostgreSQL:
//   DATABASE_URL=postgres://user@host:port/postgres npx tsx bench/audit-trail.ts [millions]
// Creates a scratch database, fills a year of monthly partitions with generated events, then
// times the queries the audit page and API run (50 runs each, p50 and p95), and drops it.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { searchAuditEvents } from "../src/platform/audit/service";
import { openDatabase, rowsOf } from "../src/platform/db";

const millions = Number(process.argv[2] ?? 10);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("Set DATABASE_URL to a PostgreSQL server where you may create databases.");

const name = `tandem_bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });

try {
  await database.migrate();
  const now = new Date();
  for (let monthsBack = 12; monthsBack >= 0; monthsBack -= 3) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, 1))
      .toISOString()
      .slice(0, 10);
    await database.db.execute(sql`select audit_ensure_partitions(${from}::date, 3)`);
  }
  const total = Math.round(millions * 1_000_000);
  const started = performance.now();
  // Bulk load first and index after, as a restore would; the indexes are the migration's own.
  const indexes = await rowsOf<{ indexname: string; indexdef: string }>(
    database.db,
    sql`select indexname, indexdef from pg_indexes where tablename = 'audit_event' and indexname <> 'audit_event_pkey'`,
  );
  for (const index of indexes) await database.db.execute(sql.raw(`drop index ${index.indexname}`));
  // Generated in slices so one statement never holds the whole set; hashes are placeholders (the
  // page's queries never read them) so the sealer's work is not part of this measurement.
  const slice = 1_000_000;
  for (let offset = 0; offset < total; offset += slice) {
    const count = Math.min(slice, total - offset);
    await database.db.execute(sql`
      insert into audit_event (occurred_at, actor_id, actor_role, action, subject_type, subject_id, organisation_id,
                               ip_address, outcome, reason, detail, chain_seq, hash)
      select now() - (random() * interval '365 days'),
             ('00000000-0000-4000-8000-' || lpad((n % 2000)::text, 12, '0'))::uuid,
             (array['employment_specialist','clinician','team_leader','admin'])[1 + n % 4],
             (array['participant.read','participant.write','sign_in','staff.update','route.refused'])[1 + n % 5],
             'participant',
             'p-' || (n % 200000),
             null,
             '10.0.' || (n % 250) || '.' || (n % 200),
             (array['succeeded','succeeded','succeeded','refused','failed'])[1 + (n / 7) % 5],
             null,
             '{}'::jsonb,
             ${offset} + n,
             md5(n::text)
      from generate_series(1, ${count}) as n`);
    process.stdout.write(`  ${((offset + count) / 1e6).toFixed(1)} M events written\n`);
  }
  // pg_indexes shows a partitioned index as "ON ONLY", which would leave the partitions unindexed.
  for (const index of indexes)
    await database.db.execute(sql.raw(index.indexdef.replace(" ON ONLY ", " ON ")));
  await database.db.execute(sql`analyze audit_event`);
  const [size] = await rowsOf<{ size: string }>(
    database.db,
    sql`select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) as size from pg_inherits where inhparent = 'audit_event'::regclass`,
  );
  console.log(
    `${millions} M events in ${((performance.now() - started) / 1000).toFixed(0)} s (${size?.size} with indexes)\n`,
  );

  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
  const yearAgo = new Date(now.getTime() - 366 * 86_400_000);
  const [deep] = await rowsOf<{ occurred_at: Date; id: string }>(
    database.db,
    sql`select occurred_at, id from audit_event where occurred_at >= ${monthAgo} order by occurred_at desc, id desc offset 10000 limit 1`,
  );
  const cases: [string, Parameters<typeof searchAuditEvents>[1]][] = [
    ["newest page, last 30 days", { from: monthAgo, limit: 51 }],
    [
      "one person's actions, last 30 days",
      { from: monthAgo, actorId: "00000000-0000-4000-8000-000000000042", limit: 51 },
    ],
    [
      "one participant's record, whole year",
      { from: yearAgo, subjectType: "participant", subjectId: "p-4242", limit: 51 },
    ],
    [
      "refused reads, last 30 days",
      { from: monthAgo, action: "participant.read", outcome: "refused", limit: 51 },
    ],
    [
      "page 200 by keyset cursor",
      {
        from: monthAgo,
        before: { occurredAt: new Date(deep!.occurred_at), id: Number(deep!.id) },
        limit: 51,
      },
    ],
  ];
  for (const [label, search] of cases) {
    const timings: number[] = [];
    for (let run = 0; run < 50; run++) {
      const began = performance.now();
      await searchAuditEvents(database.db, search);
      timings.push(performance.now() - began);
    }
    timings.sort((a, b) => a - b);
    const p = (q: number) =>
      timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(1);
    console.log(`${label.padEnd(40)} p50 ${p(0.5).padStart(6)} ms   p95 ${p(0.95).padStart(6)} ms`);
  }
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
