// The early-warning rules at scale (issue 4):
//   DATABASE_URL=postgres://user@127.0.0.1:port/db npx tsx bench/early-warnings.ts [sweeps] [samples]
//   DATA_DIR=/tmp/tandem-bench-data            npx tsx bench/early-warnings.ts [sweeps] [samples]
// Run bench/generate-service.ts and bench/generate-check-ins.ts on the same database first.
// Runs the full sweep (default 3 times) as the background job does: the first sweep on a fresh
// database raises alerts; later ones find mostly what is already raised and only de-duplicate.
// Each line says how many alerts that sweep raised, so which kind it was is plain. Then saves a
// new check-in for many different people in support (default 500), each in its own transaction
// rolled back afterwards so the data stays as it was: the time is begin, the insert, evaluating
// every rule for that person and raising what they find, and the rollback.
import { sql } from "drizzle-orm";
import { readConfig } from "../src/config";
import { configureAlertEmails } from "../src/features/monitoring/alerts/notifications";
import { saveCheckIn } from "../src/features/monitoring/check-ins/service";
import { sweepEarlyWarnings, watchedStages } from "../src/features/monitoring/rules/sweep";
import { ensureAuditPartitions } from "../src/platform/audit/service";
import { systemClock } from "../src/platform/clock";
import { openDatabase, rowsOf } from "../src/platform/db";

const sweeps = Number(process.argv[2] ?? 3);
const samples = Number(process.argv[3] ?? 500);
const batchSize = process.env.SWEEP_BATCH_SIZE ? Number(process.env.SWEEP_BATCH_SIZE) : undefined;
if (!process.env.DATABASE_URL && !process.env.DATA_DIR)
  throw new Error("Set DATABASE_URL or DATA_DIR to a database filled by bench/generate-service.ts.");
const config = readConfig({ ...process.env, LOG_LEVEL: "warn" });
const database = await openDatabase(config.database);
const { db } = database;
// As the app does on start: raised alerts queue their emails in the same transaction.
configureAlertEmails(config.publicUrl);

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column]!)).join("  "));
};

class RolledBack extends Error {}

try {
  await database.migrate();
  await ensureAuditPartitions(db, systemClock);
  const [counts] = await rowsOf<{ watched: number; check_ins: number; alerts: number }>(
    db,
    sql`select (select count(*) from participant where stage = any(${`{${watchedStages.join(",")}}`}::text[]))::int as watched,
               (select count(*) from check_in)::int as check_ins,
               (select count(*) from participant_alert)::int as alerts`,
  );
  console.log(
    `${database.kind === "postgres" ? "PostgreSQL" : "PGlite"}: ${counts?.watched} people in support, ` +
      `${counts?.check_ins} check-ins, ${counts?.alerts} alerts before the first sweep` +
      (batchSize ? `, batches of ${batchSize}` : ""),
  );

  const sweepRows = [["sweep", "seconds", "people/s", "alerts raised"]];
  for (let run = 1; run <= sweeps; run++) {
    const started = performance.now();
    const result = await sweepEarlyWarnings(db, systemClock, batchSize);
    const seconds = (performance.now() - started) / 1000;
    if (!result) throw new Error("Another sweep holds the lease; wait for it to finish.");
    sweepRows.push([
      String(run),
      seconds.toFixed(1),
      Math.round(result.participants / seconds).toLocaleString("en-GB"),
      String(result.raised.length),
    ]);
    console.log(
      `  sweep ${run}: ${seconds.toFixed(1)} s, ${result.participants} people, ${result.raised.length} raised`,
    );
  }

  const people = await rowsOf<{ id: string; organisation_id: string }>(
    db,
    sql`select id, organisation_id from participant
        where stage = any(${`{${watchedStages.join(",")}}`}::text[]) order by random() limit ${samples}`,
  );
  const times: number[] = [];
  let raised = 0;
  for (const [index, person] of people.entries()) {
    const started = performance.now();
    try {
      await db.transaction(async (tx) => {
        const saved = await saveCheckIn(
          { tx, participantId: person.id, organisationId: person.organisation_id },
          {
            sleepHours: 6 + (index % 4) * 0.5,
            bedtime: index % 3 === 0 ? "23:30" : "22:45",
            wakeTime: "07:00",
            mood: 5 + (index % 3),
            stress: 4,
            energy: 6,
          },
          { source: "participant", staffId: null },
          systemClock.now(),
        );
        raised += saved.raised.length;
        throw new RolledBack();
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);

  console.log();
  table(sweepRows);
  if (times.length > 0) {
    console.log();
    table([
      ["new check-in", "samples", "p50 ms", "p95 ms", "p99 ms", "max ms", "alerts raised"],
      [
        "saveCheckIn",
        String(times.length),
        percentile(times, 50).toFixed(1),
        percentile(times, 95).toFixed(1),
        percentile(times, 99).toFixed(1),
        times.at(-1)!.toFixed(1),
        String(raised),
      ],
    ]);
  }
} finally {
  await database.close();
}
