// Job matching at scale (issue 5): one person against 50,000 open opportunities.
//   DATABASE_URL=postgres://user@127.0.0.1:port/db npx tsx bench/matching.ts [samples] [opportunities]
//   DATA_DIR=/tmp/tandem-bench-data            npx tsx bench/matching.ts [samples] [opportunities]
// Run bench/generate-service.ts on the same database first. The first run adds, to the demo
// organisation, employers and open job opportunities (default 50,000) across the region's postcode
// districts, plus a few thousand closed or past their closing date that must never be suggested,
// and gives everyone in the organisation with a vocational profile but no address one with a
// postcode; later runs reuse them. Then, as the demo team leader, opens many different people's
// suggestions (default 300, after 20 to warm up) through the door as the page does — the audit
// event, the profile and address, the wage floor, the consent, the ranked page of 20 and its
// reasons — each in its own read transaction, and reports p50, p95 and p99. Page 1 mostly, some
// later pages, as specialists page on.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { and, eq, sql } from "drizzle-orm";
import { readConfig } from "../src/config";
import { demoSignIns } from "../src/demo/seed";
import { profileForMatching, rankedSuggestions } from "../src/features/employment/matching/service";
import { currentEmploymentSettings } from "../src/features/employment/settings/service";
import { mayContactEmployers } from "../src/features/employment/work/disclosure";
import { participantAccessFactsLoader } from "../src/features/participants/service";
import { createParticipantDoor } from "../src/platform/access/door";
import { ensureAuditPartitions } from "../src/platform/audit/service";
import { calendarDateAt, systemClock } from "../src/platform/clock";
import { openDatabase, rowsOf } from "../src/platform/db";
import { staffAccount, teamMembership } from "../src/platform/directory/schema";

const samples = Number(process.argv[2] ?? 300);
const wanted = Number(process.argv[3] ?? 50_000);
const WARM_UP = 20;
if (!process.env.DATABASE_URL && !process.env.DATA_DIR)
  throw new Error("Set DATABASE_URL or DATA_DIR to a database filled by bench/generate-service.ts.");
const config = readConfig({ ...process.env, LOG_LEVEL: "warn" });
const database = await openDatabase(config.database);
const { db } = database;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column]!)).join("  "));
};

// A deterministic stream, so two databases generated with the same size hold the same jobs.
let seed = 20261123;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

// Job titles with the everyday kind of work, shaped like what specialists record.
const jobs: [string, string][] = [
  ["Warehouse operative", "warehouse"],
  ["Picker packer", "warehouse"],
  ["Forklift driver", "warehouse"],
  ["Care assistant", "care work"],
  ["Support worker", "care work"],
  ["Home carer", "care work"],
  ["Retail assistant", "retail"],
  ["Shop floor colleague", "retail"],
  ["Customer service adviser", "office administration"],
  ["Administrative assistant", "office administration"],
  ["Receptionist", "office administration"],
  ["Kitchen porter", "hospitality"],
  ["Barista", "hospitality"],
  ["Cleaner", "cleaning"],
  ["Grounds maintenance operative", "outdoor work"],
  ["Gardener", "outdoor work"],
  ["Delivery driver", "driving"],
  ["Labourer", "construction"],
  ["Teaching assistant", "education"],
  ["Data entry clerk", "office administration"],
];
const qualifiers = ["", "", "Trainee", "Senior", "Part-time", "Weekend", "Night"];
const shiftSets = [
  ["weekday_daytime"],
  ["weekday_daytime"],
  ["weekday_daytime", "weekends"],
  ["evenings"],
  ["early_mornings", "weekday_daytime"],
  ["nights"],
  ["weekends"],
  [],
];
const hours = [8, 12, 16, 16, 20, 22.5, 24, 25, 30, 35, 37.5, 40];
// Birmingham and Solihull's districts, with neighbouring areas for places further away.
const districts = [
  ...Array.from({ length: 48 }, (_, index) => `B${index + 1}`),
  ...["B90", "B91", "B92", "B93", "WS1", "WS2", "WV1", "WV2", "DY1", "DY4", "CV1", "CV3"],
];

async function generate(organisationId: string, createdBy: string) {
  const [counted] = await rowsOf<{ open: number }>(
    db,
    sql`select count(*)::int as open from job_opportunity where organisation_id = ${organisationId} and status = 'open'
        and (closes_on is null or closes_on >= ${calendarDateAt(systemClock.now())})`,
  );
  const missing = wanted - (counted?.open ?? 0);
  if (missing <= 0) return;
  const started = performance.now();
  const now = systemClock.now();
  const employerIds = Array.from({ length: Math.max(1, Math.round(missing / 25)) }, () => randomUUID());
  for (let start = 0; start < employerIds.length; start += 1000) {
    const batch = employerIds.slice(start, start + 1000);
    await db.execute(sql`insert into employer (id, organisation_id, name, sector, created_by, created_at, updated_at)
      select id, ${organisationId}, 'Employer ' || left(id::text, 8), 'other', ${createdBy}, ${now}, ${now}
      from unnest(${`{${batch.join(",")}}`}::uuid[]) as id`);
  }
  // A tenth more than wanted: closed, or past their closing date, to be left out.
  const total = Math.round(missing * 1.1);
  for (let start = 0; start < total; start += 2000) {
    const rows = Array.from({ length: Math.min(2000, total - start) }, (_, index) => {
      const [title, jobType] = pick(jobs);
      const qualifier = pick(qualifiers);
      const homeBased = random() < 0.05;
      const left = start + index >= missing;
      const status = left && random() < 0.5 ? "closed" : "open";
      const closesOn =
        left && status === "open"
          ? calendarDateAt(new Date(now.getTime() - (1 + Math.floor(random() * 60)) * 86_400_000))
          : random() < 0.6
            ? calendarDateAt(new Date(now.getTime() + Math.floor(random() * 60) * 86_400_000))
            : null;
      const district = homeBased ? null : pick(districts);
      return sql`(${randomUUID()}::uuid, ${organisationId}::uuid, ${pick(employerIds)}::uuid,
        ${qualifier ? `${qualifier} ${title.toLowerCase()}` : title}, ${jobType}, ${pick(hours)}::numeric,
        ${1100 + Math.floor(random() * 900)}::int, ${JSON.stringify(pick(shiftSets))}::jsonb,
        ${district ?? "Home"}, ${district}, ${homeBased}, ${status}, ${closesOn}::date, ${createdBy}::uuid,
        ${new Date(now.getTime() - Math.floor(random() * 90 * 86_400_000))}::timestamptz, ${now}::timestamptz)`;
    });
    await db.execute(sql`insert into job_opportunity (id, organisation_id, employer_id, title, job_type,
      hours_per_week, hourly_pay_pence, shifts, location, postcode_district, home_based, status, closes_on,
      created_by, created_at, updated_at) values ${sql.join(rows, sql`, `)}`);
  }
  await db.execute(sql`update participant p set address = 'Flat ' || (1 + abs(hashtext(p.id::text)) % 90)
      || ', Birmingham ' || 'B' || (1 + abs(hashtext(p.id::text)) % 48) || ' ' || (1 + abs(hashtext(p.id::text || 'x')) % 9) || 'AB'
    from vocational_profile v where v.participant_id = p.id and p.organisation_id = ${organisationId} and p.address is null`);
  // As autovacuum would soon after: the visibility map lets the count come from the index alone.
  await db.execute(sql`vacuum analyze job_opportunity`);
  await db.execute(sql`analyze participant`);
  console.log(
    `  added ${employerIds.length} employers and ${total} opportunities (${missing} open) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

try {
  await database.migrate();
  await ensureAuditPartitions(db, systemClock);
  const email = demoSignIns.find((person) => person.role === "team_leader")!.email;
  const [leader] = await db.select().from(staffAccount).where(eq(staffAccount.email, email));
  if (!leader) throw new Error("No demo team leader: run bench/generate-service.ts first.");
  await generate(leader.organisationId, leader.id);
  const teams = await db
    .select({ teamId: teamMembership.teamId })
    .from(teamMembership)
    .where(and(eq(teamMembership.staffId, leader.id)));
  const actor = {
    staffId: leader.id,
    role: leader.role,
    organisationId: leader.organisationId,
    teamIds: teams.map((row) => row.teamId),
  };
  const people = await rowsOf<{ id: string }>(
    db,
    sql`select p.id from participant p join vocational_profile v on v.participant_id = p.id
        where p.team_id = any(${`{${actor.teamIds.join(",")}}`}::uuid[]) and p.stage <> 'closed'
        order by random() limit ${samples + WARM_UP}`,
  );
  const [sizes] = await rowsOf<{ open: number; all: number }>(
    db,
    sql`select count(*) filter (where status = 'open' and (closes_on is null or closes_on >= ${calendarDateAt(systemClock.now())}))::int as open,
               count(*)::int as all
        from job_opportunity where organisation_id = ${leader.organisationId}`,
  );
  console.log(
    `${database.kind === "postgres" ? "PostgreSQL" : "PGlite"}: ${sizes?.open} open opportunities ` +
      `(${sizes?.all} in all) in the organisation; ${samples} suggestion pages measured, for ${people.length} ` +
      `different people in turn, after ${WARM_UP} to warm up`,
  );

  const door = createParticipantDoor(db, systemClock, participantAccessFactsLoader(systemClock));
  const times: number[] = [];
  const rankingTimes: number[] = [];
  let shown = 0;
  if (people.length === 0) throw new Error("No one in the team leader's team has a vocational profile.");
  // A small database (PGlite) has fewer people than samples: each is opened again in turn.
  const visits = Array.from({ length: samples + WARM_UP }, (_, index) => people[index % people.length]!);
  for (const [index, person] of visits.entries()) {
    // Most people are looked at on the first page; every fifth on a later one.
    const page = index % 5 === 4 ? 2 + (index % 3) : 1;
    const started = performance.now();
    const found = await door.withParticipant(
      actor,
      person.id,
      { purpose: "read", what: "job_matching" },
      async (record) => {
        const profile = await profileForMatching(record);
        const { wageFloorPence } = await currentEmploymentSettings(record.tx, record.organisationId);
        await mayContactEmployers(record);
        if (!profile) return 0;
        const rankingStarted = performance.now();
        const result = await rankedSuggestions(record.tx, record.organisationId, profile.criteria, {
          wageFloorPence,
          today: calendarDateAt(systemClock.now()),
          page,
        });
        if (index >= WARM_UP) rankingTimes.push(performance.now() - rankingStarted);
        return result.rows.length;
      },
    );
    if (index >= WARM_UP) {
      times.push(performance.now() - started);
      shown += found;
    }
  }
  const row = (label: string, measured: number[]) => {
    measured.sort((a, b) => a - b);
    return [
      label,
      String(measured.length),
      percentile(measured, 50).toFixed(1),
      percentile(measured, 95).toFixed(1),
      percentile(measured, 99).toFixed(1),
      measured.at(-1)!.toFixed(1),
    ];
  };
  console.log();
  table([
    ["case", "measured", "p50 ms", "p95 ms", "p99 ms", "max ms"],
    row("suggestions (door, audit, profile, ranking, reasons)", times),
    row("  of which counting, ranking and reading the page", rankingTimes),
  ]);
  console.log(
    `\n${shown} suggestions shown; load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`,
  );
} finally {
  await database.close();
}
