// A year of weekly check-ins for everyone in support, for the early-warning benchmark:
//   DATABASE_URL=postgres://user@127.0.0.1:port/db npx tsx bench/generate-check-ins.ts [weeks]
//   DATA_DIR=/tmp/tandem-bench-data            npx tsx bench/generate-check-ins.ts [weeks]
// Run bench/generate-service.ts on the same database first. Every participant in a stage the
// sweep watches gets one check-in a week (default 52 weeks) on their own weekday and evening:
// around 7 hours' sleep, bedtime around 23:00 with a half-hour's noise, mood, stress and energy
// around their middle, hours worked for those in work. One in twenty-five drifts over the last
// three weeks (less sleep, later and later to bed, lower mood) and checks in twice in the last
// week, as someone struggling often does, so the sleep rule has enough recent nights to fire.
// One `insert … select generate_series` per organisation, all in SQL: about 2.7 million rows
// for 100,000 participants. Runs once per database.
import { sql } from "drizzle-orm";
import { readConfig } from "../src/config";
import { watchedStages } from "../src/features/monitoring/rules/sweep";
import { openDatabase, rowsOf } from "../src/platform/db";

const weeks = Number(process.argv[2] ?? 52);
if (!process.env.DATABASE_URL && !process.env.DATA_DIR)
  throw new Error("Set DATABASE_URL or DATA_DIR to a database filled by bench/generate-service.ts.");
const config = readConfig({ ...process.env, LOG_LEVEL: "warn" });
const database = await openDatabase(config.database);
const { db } = database;
const began = performance.now();
const step = (label: string) =>
  process.stdout.write(`  ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s  ${label}\n`);

try {
  await database.migrate();
  const [generated] = await rowsOf<{ value: string }>(
    db,
    sql`select value from app_setting where key = 'bench_generated_at'`,
  );
  if (!generated) throw new Error("Run bench/generate-service.ts on this database first.");
  const [done] = await rowsOf<{ value: string }>(
    db,
    sql`select value from app_setting where key = 'bench_check_ins_generated_at'`,
  );
  if (done) throw new Error(`This database already holds generated check-ins (${done.value}).`);

  const stages = `{${watchedStages.join(",")}}`;
  const organisations = await rowsOf<{ id: string; name: string }>(
    db,
    sql`select id, name from organisation order by name`,
  );
  for (const organisation of organisations) {
    // k counts weeks back from now (0 = this week); each person has their own weekday and hour
    // (the phase), so the latest check-in is between a few hours and seven days old. Drifting
    // people (drift = 1) slide over their last three weeks and add a check-in mid-week.
    const [inserted] = await rowsOf<{ rows: number }>(
      db,
      sql`with people as (
            select id, organisation_id, stage,
                   (abs(hashtext(id::text)) % 25 = 0)::int as drift,
                   make_interval(secs => 3600 + abs(hashtext(id::text || 'phase')) % (6 * 86400)) as phase
            from participant
            where organisation_id = ${organisation.id} and stage = any(${stages}::text[])),
          moments as (
            select p.*, w.k, now() - p.phase - w.k * interval '7 days' as at
            from people p cross join generate_series(0, ${weeks - 1}) as w(k)
            union all
            select p.*, -1, now() - p.phase / 2 - interval '30 minutes'
            from people p where p.drift = 1 and p.phase > interval '1 day'),
          facts as (
            select m.*, case when m.drift = 1 and m.k < 3 then 3 - greatest(m.k, 0) else 0 end as slide
            from moments m),
          x as (
            insert into check_in (organisation_id, participant_id, recorded_at, source, sleep_hours, bedtime,
                                  wake_time, mood, stress, energy, hours_worked, how_work_is_going)
            select organisation_id, id, at, case when random() < 0.2 then 'staff' else 'participant' end,
                   round((7 + (random() - 0.5) * 1.6 - slide * 0.9)::numeric, 1),
                   time '23:00' + (random() * 60 - 30 + slide * 55) * interval '1 minute',
                   time '07:00' + (random() * 60 - 30) * interval '1 minute',
                   greatest(0, least(10, 6 + floor(random() * 3)::int - 1 - slide)),
                   greatest(0, least(10, 4 + floor(random() * 3)::int - 1 + slide)),
                   greatest(0, least(10, 6 + floor(random() * 3)::int - 1 - slide)),
                   case when stage = 'in_work' then round((16 + random() * 8)::numeric, 1) end,
                   case when stage = 'in_work' and k % 4 = 0 then 'Settling in; the early shifts are hard.' end
            from facts
            returning 1)
          select count(*)::int as rows from x`,
    );
    step(`${organisation.name}: ${inserted?.rows} check-ins`);
  }
  await db.execute(
    sql`insert into app_setting (key, value, updated_at)
        values ('bench_check_ins_generated_at', ${`${weeks} weeks, ${new Date().toISOString()}`}, now())`,
  );
  await db.execute(sql`analyze check_in`);
  const [count] = await rowsOf<{ rows: number }>(db, sql`select count(*)::int as rows from check_in`);
  step(`done: ${count?.rows} check-ins`);
} finally {
  await database.close();
}
