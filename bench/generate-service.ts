// A realistic service to benchmark against:
//   DATABASE_URL=postgres://user@127.0.0.1:port/db npx tsx bench/generate-service.ts [participants]
//   DATA_DIR=/tmp/tandem-bench-data            npx tsx bench/generate-service.ts [participants]
// Starts from the app's own demo seed (so every demo sign-in works), then adds, spread over the
// 15 regions' IPS teams (default 100,000 participants in all): employment specialists with
// caseloads of about 30, clinicians and peer workers; participants at every stage with varied
// names and valid NHS numbers; a referral each (contact attempts for open ones), consents, care
// teams, PHQ-9 / GAD-7 / WSAS responses, vocational profiles, support plans (goals, actions,
// early-warning signs) and contacts. The demo specialist (specialist@demo.tandem.example) leads
// about 30 participants; the demo team leader's team holds a fifteenth of everyone.
// Participants go in as multi-row inserts of 5,000; everything else is `insert … select` from a
// staging table, so 100,000 participants take a few minutes on PostgreSQL. Bulk rows carry no
// audit events (nobody read or wrote them through the app). Runs once per database.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { readConfig } from "../src/config";
import { pilotRegions, seedDemoService } from "../src/demo/seed";
import { nhsNumberCheckDigit } from "../src/features/participants/service";
import { ensureAuditPartitions } from "../src/platform/audit/service";
import { systemClock } from "../src/platform/clock";
import { openDatabase, rowsOf } from "../src/platform/db";

const total = Number(process.argv[2] ?? 100_000);
if (!process.env.DATABASE_URL && !process.env.DATA_DIR)
  throw new Error(
    "Set DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite folder) for the database to fill.",
  );
const config = readConfig({ ...process.env, LOG_LEVEL: "warn" });
const database = await openDatabase(config.database);
const { db } = database;
const began = performance.now();
const step = (label: string) =>
  process.stdout.write(`  ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s  ${label}\n`);

// A few hundred given and family names, so a two- or three-letter prefix narrows a search.
const givenNames =
  `Aaliyah Aaron Abdul Abigail Adam Adebayo Adrian Ahmed Aidan Aisha Alan Albert Alex Alexander
Alexandra Ali Alice Alicia Alison Amanda Amara Amber Amelia Amir Amy Andrew Angela Anita Ann Anna Anthony Anya
Arjun Arthur Asha Ashley Barbara Barry Beatrice Ben Bethany Bilal Billy Bogdan Brandon Brian Bridget Callum
Cameron Carl Carmen Caroline Catherine Chantelle Charlie Charlotte Chen Chidi Chloe Chris Christine Ciara Claire
Colin Connor Craig Daisy Dale Damian Daniel Danielle Darren David Dawn Dean Declan Deepak Denise Derek Diane
Dominic Donna Dylan Ebony Eden Edward Eilidh Elaine Eleanor Elena Eliza Ella Ellie Emeka Emily Emma Eric Erin
Ethan Eve Faisal Farah Fatima Finley Fiona Florence Frances Francis Freddie Gabriel Gareth Gary Gemma George
Georgia Gillian Grace Graham Hamza Hannah Harriet Harry Harvey Hassan Hayley Heather Helen Holly Ian Ibrahim
Imogen Irene Isaac Isabel Isla Ivan Jack Jacob Jade Jake James Jamie Jan Jane Janet Jason Jasmine Jay Jennifer
Jessica Joanne Joe Joel John Jordan Joseph Josh Joy Julia Julie Justin Kamal Karen Karim Kate Katie Kayleigh
Keith Kelly Kemi Kenneth Kerry Kevin Kieran Kim Kirsty Kwame Laura Lauren Layla Leah Lee Leo Leon Lewis Liam
Lily Linda Lisa Logan Louise Lucy Luke Lydia Maisie Malik Marcus Margaret Maria Mark Martin Mary Mason Matthew
Maya Megan Mehmet Melissa Michael Michelle Mohammed Molly Monika Muhammad Nadia Naomi Natalie Nathan Neil Niamh
Nicola Nikhil Noah Oliver Olivia Omar Oscar Owen Paige Pamela Patrick Paul Paula Peter Philip Piotr Poppy Priya
Rachel Rahul Rebecca Reece Rhys Richard Rita Robert Rosie Ruby Ryan Sadia Sally Samantha Samuel Sandra Sara
Sarah Scott Sean Shannon Sharon Shauna Simon Sinead Sophie Stacey Stephen Steven Stuart Sunita Susan Tariq
Teresa Thomas Tina Toby Tom Tony Tracey Tyler Usman Valerie Vanessa Victoria Vikram Vivienne Wayne Wendy
William Yasmin Yusuf Zainab Zara Zoe`.split(/\s+/);
const familyNames = `Abbott Adams Adeyemi Ahmed Ali Allen Anderson Andrews Armstrong Arnold Atkinson Austin
Bailey Baker Ball Banks Barker Barnes Bates Bell Bennett Berry Bibi Bird Bishop Black Booth Bradley Brooks
Brown Burns Butler Campbell Carr Carter Chambers Chapman Clark Clarke Cole Collins Cook Cooper Cox Cunningham
Dale Davies Davis Dawson Dean Dixon Doherty Douglas Doyle Duncan Dunn Edwards Elliott Ellis Evans Farrell
Ferguson Fisher Fleming Fletcher Ford Foster Fox Francis Fraser Gallagher Gardner George Gibson Gill Gordon
Graham Grant Gray Green Griffiths Hall Hamilton Harris Harrison Hart Harvey Hassan Hayes Henderson Hill
Holmes Hood Hooper Hopkins Howard Hughes Hunt Hunter Hussain Jackson James Jenkins Johnson Johnston Jones
Jordan Kaur Kelly Kennedy Khan King Knight Kowalski Lane Lawrence Lee Lewis Lloyd Lowe Macdonald Malik Marsh
Marshall Martin Mason Matthews McCarthy McDonald Miah Miller Mills Mitchell Moore Morgan Morris Murphy Murray
Nelson Nguyen Nowak Obi Okafor Oliver Osei Owen Palmer Parker Patel Payne Pearce Pearson Perry Phillips Poole
Powell Price Rahman Read Reid Reynolds Richards Richardson Riley Roberts Robertson Robinson Rogers Rose Ross
Russell Ryan Saunders Scott Shah Sharma Shaw Simpson Singh Smith Spencer Stevens Stewart Stone Sutton Taylor
Thomas Thompson Thomson Tucker Turner Walker Wallace Walsh Ward Watson Webb Wells West White Wilkinson Williams
Wilson Wood Woods Wright Yilmaz Young Zielinski`.split(/\s+/);

// Stages over the life of a service: many closed records, a live middle, a queue of referrals.
const stageCycle = [
  ...Array(40).fill("closed"),
  ...Array(8).fill("referred"),
  ...Array(12).fill("engaged"),
  ...Array(20).fill("job_seeking"),
  ...Array(14).fill("in_work"),
  ...Array(6).fill("paused"),
] as const;
const onCaseload = (stage: string) => stage !== "closed" && stage !== "referred";
const CASELOAD = 30;
const day = 86_400_000;

/** Spreads k over 0..m-1 without visible patterns (a multiplicative hash). */
const mix = (k: number, m: number) => Number((BigInt(k) * 2654435761n) % BigInt(m));

function nhsNumber(seed: number): string {
  for (let offset = 0; ; offset++) {
    const prefix = String(400_000_000 + seed * 11 + offset);
    const check = nhsNumberCheckDigit(prefix);
    if (check !== undefined) return `${prefix}${check}`;
  }
}

try {
  await database.migrate();
  await ensureAuditPartitions(db, systemClock);
  if ((await seedDemoService(db, systemClock)) === "seeded") step("demo service seeded");
  const [done] = await rowsOf<{ value: string }>(
    db,
    sql`select value from app_setting where key = 'bench_generated_at'`,
  );
  if (done) throw new Error(`This database already holds a generated service (${done.value}).`);

  const organisations = await rowsOf<{
    organisation_id: string;
    region_name: string;
    ips_team_id: string;
    gp_team_id: string;
    cmht_team_id: string;
  }>(
    db,
    sql`select o.id as organisation_id, r.name as region_name,
          (select id from team where organisation_id = o.id and kind = 'ips_team' order by created_at limit 1) as ips_team_id,
          (select id from team where organisation_id = o.id and kind = 'gp_practice' order by created_at limit 1) as gp_team_id,
          (select id from team where organisation_id = o.id and kind = 'community_mental_health_team' order by created_at limit 1) as cmht_team_id
        from organisation o join region r on r.id = o.region_id`,
  );
  const regions = pilotRegions.map((name) => {
    const found = organisations.find((row) => row.region_name === name);
    if (!found) throw new Error(`The demo seed has no organisation for ${name}.`);
    return found;
  });
  const [demo] = await rowsOf<{ specialist_id: string; clinician_id: string; password_hash: string }>(
    db,
    sql`select (select id from staff_account where email = 'specialist@demo.tandem.example') as specialist_id,
               (select id from staff_account where email = 'clinician@demo.tandem.example') as clinician_id,
               (select password_hash from staff_account where email = 'specialist@demo.tandem.example') as password_hash`,
  );
  if (!demo?.specialist_id) throw new Error("The demo sign-ins are missing: start from the app's demo seed.");

  await db.execute(sql`drop table if exists bench_participant`);
  await db.execute(sql`create unlogged table bench_participant (
    id uuid primary key, organisation_id uuid not null, team_id uuid not null, n int not null,
    stage text not null, created_at timestamptz not null, engaged_at timestamptz, closed_at timestamptz,
    specialist_id uuid, clinician_id uuid not null, peer_id uuid)`);

  const now = Date.now();
  const perRegion = Math.ceil(total / regions.length);
  let made = 0;
  let staffMade = 0;
  for (const [regionIndex, region] of regions.entries()) {
    const count = Math.min(perRegion, total - made);
    if (count <= 0) break;
    const stages = Array.from({ length: count }, (_, k) => stageCycle[mix(made + k, stageCycle.length)]!);
    const caseloadSize = stages.filter(onCaseload).length;
    // Staff in proportion: an employment specialist per ~30 on a caseload, a clinician per ~150
    // people, a peer worker per ~300. All sign in with the demo password.
    const staffPlan = [
      {
        role: "employment_specialist",
        profession: "employment_specialist",
        count: Math.ceil(caseloadSize / CASELOAD),
        teams: [region.ips_team_id],
      },
      {
        role: "clinician",
        profession: "nurse",
        count: Math.ceil(count / 150),
        teams: [region.gp_team_id, region.cmht_team_id],
      },
      {
        role: "peer_worker",
        profession: "peer_support_worker",
        count: Math.ceil(count / 300),
        teams: [region.ips_team_id],
      },
    ];
    const staffIds: Record<string, string[]> = {};
    for (const kind of staffPlan) {
      const rows = Array.from({ length: kind.count }, (_, k) => ({
        id: randomUUID(),
        email: `bench.${kind.role.replace("_", ".")}.${regionIndex + 1}.${k + 1}@bench.tandem.example`,
        full_name: `${givenNames[mix(staffMade + k + 7, givenNames.length)]} ${familyNames[mix(staffMade + k + 13, familyNames.length)]}`,
      }));
      staffMade += kind.count;
      staffIds[kind.role] = rows.map((row) => row.id);
      await db.execute(sql`
        with x as (select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, email text, full_name text)),
        s as (insert into staff_account (id, email, full_name, role, profession, organisation_id, status, password_hash, created_at, updated_at)
              select id, email, full_name, ${kind.role}, ${kind.profession}, ${region.organisation_id}, 'active', ${demo.password_hash}, now(), now() from x)
        insert into team_membership (team_id, staff_id, created_at)
        select t.team_id, x.id, now() from x cross join unnest(${`{${kind.teams.join(",")}}`}::uuid[]) as t(team_id)`);
    }
    const specialists = staffIds.employment_specialist!;
    const clinicians = staffIds.clinician!;
    const peers = staffIds.peer_worker!;

    let caseloadIndex = 0;
    for (let start = 0; start < count; start += 5000) {
      const batch = [];
      for (let k = start; k < Math.min(count, start + 5000); k++) {
        const n = made + k;
        const stage = stages[k]!;
        const referredDaysAgo = stage === "referred" ? 1 + mix(n, 30) : 40 + mix(n, 1400);
        const createdAt = new Date(now - referredDaysAgo * day - mix(n, day));
        const engagedAt =
          stage === "referred" ? null : new Date(createdAt.getTime() + (3 + mix(n, 20)) * day);
        const closedAt =
          stage === "closed"
            ? new Date(Math.min(now - day, engagedAt!.getTime() + (60 + mix(n, 500)) * day))
            : null;
        // The demo specialist takes the first ten in the demo region on top of the demo seed's twenty.
        let specialistId: string | null = null;
        if (stage !== "referred") {
          if (regionIndex === 0 && onCaseload(stage) && caseloadIndex < 10) specialistId = demo.specialist_id;
          else if (onCaseload(stage))
            specialistId = specialists[Math.floor(caseloadIndex / CASELOAD) % specialists.length]!;
          else specialistId = specialists[mix(n, specialists.length)]!;
          if (onCaseload(stage)) caseloadIndex++;
        }
        const offSick = n % 5 === 1;
        batch.push({
          id: randomUUID(),
          n,
          stage,
          given_name: givenNames[mix(n + 1, givenNames.length)],
          family_name: familyNames[mix(n * 7 + 3, familyNames.length)],
          date_of_birth: `${1960 + mix(n, 45)}-${String(1 + mix(n + 5, 12)).padStart(2, "0")}-${String(1 + mix(n + 9, 28)).padStart(2, "0")}`,
          nhs_number: n % 10 === 9 ? null : nhsNumber(n),
          phone: `07700 ${String(900000 + mix(n, 100000)).slice(0, 6)}`,
          work_situation: offSick
            ? "employed_off_sick"
            : ["unemployed", "unemployed", "never_worked", "in_education"][n % 4],
          employer_name: offSick
            ? ["Greggs", "Royal Mail", "Tesco", "The local council", "NHS trust"][n % 5]
            : null,
          absence_start_date: offSick
            ? new Date(createdAt.getTime() - 30 * day).toISOString().slice(0, 10)
            : null,
          hopes: [
            "To get back to my job, on shorter shifts at first",
            "Something outdoors",
            "Part-time work in a café",
            "To use my qualification again",
            "Working with animals",
            "Back to driving, days only",
          ][n % 6],
          created_at: createdAt.toISOString(),
          engaged_at: engagedAt?.toISOString() ?? null,
          closed_at: closedAt?.toISOString() ?? null,
          specialist_id: specialistId,
          clinician_id:
            regionIndex === 0 && n % 200 === 0 ? demo.clinician_id : clinicians[mix(n, clinicians.length)]!,
          peer_id: onCaseload(stage) && n % 3 === 0 ? peers[mix(n, peers.length)]! : null,
        });
      }
      await db.execute(sql`
        with x as (
          select * from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(
            id uuid, n int, stage text, given_name text, family_name text, date_of_birth date, nhs_number text,
            phone text, work_situation text, employer_name text, absence_start_date date, hopes text,
            created_at timestamptz, engaged_at timestamptz, closed_at timestamptz, specialist_id uuid,
            clinician_id uuid, peer_id uuid)),
        p as (
          insert into participant (id, organisation_id, team_id, given_name, family_name, date_of_birth, nhs_number,
            phone, preferred_contact_method, work_situation, employer_name, absence_start_date, hopes, stage,
            stage_before_pause, engaged_at, closed_reason, created_at, updated_at)
          select id, ${region.organisation_id}, ${region.ips_team_id}, given_name, family_name, date_of_birth, nhs_number,
            phone, (array['phone','sms','email'])[1 + n % 3], work_situation, employer_name, absence_start_date, hopes, stage,
            case when stage = 'paused' then 'job_seeking' end, engaged_at,
            case when stage = 'closed' then (array['In work and no longer wants support','Stopped by the participant','Moved away'])[1 + n % 3] end,
            created_at, coalesce(closed_at, engaged_at, created_at)
          from x)
        insert into bench_participant
        select id, ${region.organisation_id}, ${region.ips_team_id}, n, stage, created_at, engaged_at, closed_at,
               specialist_id, clinician_id, peer_id from x`);
    }
    made += count;
    step(
      `${region.region_name}: ${count} participants, ${specialists.length} specialists, ${clinicians.length} clinicians`,
    );
  }

  // Referrals: open ones wait in the queue (half with a first-contact attempt); the rest ended.
  await db.execute(sql`
    insert into referral (organisation_id, participant_id, team_id, source, referrer_staff_id, referrer_name,
                          received_at, status, closed_at, closed_by)
    select organisation_id, id, team_id,
           (array['gp','community_mental_health_team','self_referral','talking_therapies','other_clinician'])[1 + n % 5],
           case when n % 5 = 2 then null else clinician_id end,
           case when n % 5 = 2 then null else 'Referring clinician' end,
           created_at,
           case when stage = 'referred' then 'open' else 'engaged' end,
           engaged_at, specialist_id
    from bench_participant`);
  await db.execute(sql`
    insert into referral_contact_attempt (organisation_id, participant_id, referral_id, attempted_on, method, outcome,
                                          recorded_by, recorded_at)
    select b.organisation_id, b.id, r.id, (b.created_at + interval '1 day')::date, 'phone', 'left_message',
           (select staff_id from team_membership where team_id = b.team_id order by staff_id limit 1),
           b.created_at + interval '1 day'
    from bench_participant b join referral r on r.participant_id = b.id
    where b.stage = 'referred' and b.n % 2 = 0`);
  step("referrals and contact attempts");

  // Care teams: the referring clinician alone for an open referral; a lead specialist, the
  // clinician and sometimes a peer worker otherwise. Closing a record ends the care team.
  await db.execute(sql`
    insert into care_team_member (organisation_id, participant_id, staff_id, care_team_role, responsibility, added_at, removed_at)
    select b.organisation_id, b.id, m.staff_id, m.role, m.responsibility, coalesce(b.engaged_at, b.created_at), b.closed_at
    from bench_participant b
    cross join lateral (values
      (b.specialist_id, 'lead_employment_specialist', 'Job search, employer contact and in-work support'),
      (b.clinician_id, 'clinician', 'Health, medication and fit notes'),
      (b.peer_id, 'peer_worker', 'Peer support and the peer group')) as m(staff_id, role, responsibility)
    where m.staff_id is not null`);
  step("care teams");

  await db.execute(sql`
    insert into consent_record (organisation_id, participant_id, purpose, decision, scope, method, recorded_by, recorded_at)
    select b.organisation_id, b.id, c.purpose,
           case when c.purpose = 'evaluation_data' and b.n % 4 = 0 then 'declined' else 'given' end,
           case when c.purpose = 'share_health_information' then '["assessment_scores"]'::jsonb else '[]'::jsonb end,
           (array['written','verbal'])[1 + b.n % 2], b.specialist_id, b.engaged_at
    from bench_participant b
    cross join (values ('employment_support'), ('contact_by_phone'), ('share_health_information'),
                       ('contact_employers'), ('evaluation_data')) as c(purpose)
    where b.stage <> 'referred'
      and (c.purpose <> 'share_health_information' or b.n % 2 = 0)
      and (c.purpose <> 'contact_employers' or b.stage in ('job_seeking', 'in_work', 'closed'))`);
  step("consents");

  // PHQ-9, GAD-7 and WSAS at engagement, and again three months on for those further along.
  // Item 9 of the PHQ-9 stays at zero: safety alerts are not part of this data set.
  await db.execute(sql`
    insert into assessment_response (organisation_id, participant_id, instrument, answers, total, band,
                                     completion_method, completed_at, recorded_by, recorded_at)
    select b.organisation_id, b.id, m.instrument,
           case when m.instrument = 'phq9' then a.answers || '{"10": 1}'::jsonb else a.answers end,
           a.total,
           case m.instrument
             when 'phq9' then case when a.total <= 4 then 'minimal' when a.total <= 9 then 'mild' when a.total <= 14 then 'moderate'
                                   when a.total <= 19 then 'moderately_severe' else 'severe' end
             when 'gad7' then case when a.total <= 4 then 'minimal' when a.total <= 9 then 'mild' when a.total <= 14 then 'moderate' else 'severe' end
             else case when a.total <= 9 then 'subclinical' when a.total <= 20 then 'significant' else 'moderately_severe' end
           end,
           'with_participant', b.engaged_at + r.round * interval '90 days', b.specialist_id,
           b.engaged_at + r.round * interval '90 days'
    from bench_participant b
    cross join (values ('phq9', 9, 3), ('gad7', 7, 3), ('wsas', 5, 8)) as m(instrument, items, top)
    cross join generate_series(0, 1) as r(round)
    cross join lateral (
      select jsonb_object_agg(i::text, v) as answers, sum(v)::int as total
      from (select i, case when m.instrument = 'phq9' and i = 9 then 0
                           else greatest(0, (b.n * 31 + i * 17) % (m.top + 1) - r.round) end as v
            from generate_series(1, m.items) as i) as items) as a
    where b.stage <> 'referred'
      and (r.round = 0 or (b.stage in ('job_seeking', 'in_work', 'closed') and b.engaged_at + interval '90 days' < now()))`);
  await db.execute(sql`
    insert into vocational_profile (organisation_id, participant_id, work_history, education, skills, strengths,
                                    interests, preferred_job_types, hours_per_week, shifts, travel_miles, barriers,
                                    benefits_counselling, disclosure_preference, started_at, started_by, updated_at, updated_by)
    select organisation_id, id,
           '[{"employer":"Royal Mail","role":"Sorting office operative","from":"2016","to":"2022","whyEnded":"Became unwell"}]'::jsonb,
           'GCSEs', 'Customer service, stock control', 'Reliable, good with people', 'Football, cooking',
           (array['Warehouse, daytime','Retail','Office administration','Outdoor work','Care work'])[1 + n % 5],
           16 + n % 4 * 6, '["weekday_daytime"]'::jsonb, 3 + n % 10, '["confidence","transport"]'::jsonb,
           (array['yes','no','not_sure'])[1 + n % 3], (array['nothing','support_from_service','condition'])[1 + n % 3],
           engaged_at, specialist_id, engaged_at, specialist_id
    from bench_participant where stage <> 'referred'`);
  step("assessments and vocational profiles");

  // Support plans: two goals, three actions (one open and due around now), an early-warning sign.
  await db.execute(sql`
    insert into support_plan (organisation_id, participant_id, contingency_text, contingency_alternatives,
                              created_by, created_at, updated_at)
    select organisation_id, id, 'If job coaching is not right for now, the clubhouse and a course at the college',
           '["clubhouse","courses"]'::jsonb, specialist_id, engaged_at + interval '7 days', engaged_at + interval '7 days'
    from bench_participant where stage <> 'referred'`);
  await db.execute(sql`
    insert into plan_goal (organisation_id, participant_id, plan_id, goal, success_looks_like, status, created_at, updated_at)
    select p.organisation_id, p.participant_id, p.id, g.goal, g.success,
           case when b.stage in ('in_work', 'closed') and g.k = 1 then 'achieved' else 'active' end, p.created_at, p.created_at
    from support_plan p join bench_participant b on b.id = p.participant_id
    cross join (values (1, 'A job with regular daytime hours', 'Sixteen hours a week, close to home'),
                       (2, 'Feel more confident talking to people', 'Going to the peer group every week')) as g(k, goal, success)`);
  await db.execute(sql`
    insert into plan_action (organisation_id, participant_id, plan_id, description, owner_kind, owner_staff_id,
                             due_date, status, created_at, updated_at)
    select p.organisation_id, p.participant_id, p.id, a.description, a.owner_kind,
           case when a.owner_kind = 'staff' then b.specialist_id end,
           case when b.stage = 'closed' then (b.closed_at - interval '20 days')::date
                else (now() + ((b.n % 60) - 15 + a.k * 7) * interval '1 day')::date end,
           case when b.stage = 'closed' or a.k = 1 then 'done' when a.k = 2 then 'in_progress' else 'to_do' end,
           p.created_at, p.created_at
    from support_plan p join bench_participant b on b.id = p.participant_id
    cross join (values (1, 'Update my CV with the employment specialist', 'participant'),
                       (2, 'Contact three local employers about warehouse roles', 'staff'),
                       (3, 'Visit the clubhouse open day', 'peer_worker')) as a(k, description, owner_kind)`);
  await db.execute(sql`
    insert into plan_warning_sign (organisation_id, participant_id, plan_id, sign, what_i_will_do, what_my_team_will_do,
                                   check_in_field, created_at, updated_at)
    select organisation_id, participant_id, id, 'My sleep times start drifting', 'Keep to my alarm and tell my specialist',
           'Check in by phone within two days', 'sleep', created_at, created_at
    from support_plan`);
  step("support plans");

  // Contacts: two to nine each since engagement, mostly with the participant, some clinical notes.
  await db.execute(sql`
    insert into contact (organisation_id, participant_id, occurred_at, method, with_whom, duration_minutes, attendance,
                         note_kind, note, face_to_face_employer_contact, recorded_by, recorded_at)
    select b.organisation_id, b.id, c.at,
           (array['face_to_face','phone','video','face_to_face'])[1 + (b.n + c.k) % 4],
           case when (b.n + c.k) % 7 = 0 then 'employer' when (b.n + c.k) % 11 = 0 then 'clinical_team' else 'participant' end,
           15 + (b.n + c.k) % 4 * 15,
           case when (b.n + c.k) % 9 = 0 then 'did_not_attend' else 'attended' end,
           case when (b.n + c.k) % 6 = 0 then 'clinical' else 'employment' end,
           'Talked through the job search and next steps; agreed to meet again next week.',
           (b.n + c.k) % 7 = 0 and (b.n + c.k) % 4 in (0, 3),
           case when (b.n + c.k) % 6 = 0 then b.clinician_id else b.specialist_id end, c.at
    from bench_participant b
    cross join lateral (
      select k, least(coalesce(b.closed_at, now()) - interval '1 hour',
                      b.engaged_at + k * ((coalesce(b.closed_at, now()) - b.engaged_at) / (2 + b.n % 8))) as at
      from generate_series(1, 2 + b.n % 8) as k) as c
    where b.stage <> 'referred'`);
  step("contacts");

  await db.execute(sql`drop table bench_participant`);
  await db.execute(
    sql`insert into app_setting (key, value, updated_at) values ('bench_generated_at', ${`${total} participants, ${new Date().toISOString()}`}, now())`,
  );
  await db.execute(sql`analyze`);
  const counts = await rowsOf<{ name: string; rows: number }>(
    db,
    sql`select name, rows from (values
          ('participant', (select count(*) from participant)), ('care_team_member', (select count(*) from care_team_member)),
          ('referral', (select count(*) from referral)), ('consent_record', (select count(*) from consent_record)),
          ('assessment_response', (select count(*) from assessment_response)), ('support_plan', (select count(*) from support_plan)),
          ('plan_action', (select count(*) from plan_action)), ('contact', (select count(*) from contact)),
          ('staff_account', (select count(*) from staff_account))) as t(name, rows)`,
  );
  const [caseloads] = await rowsOf<{ specialist: number; team: number }>(
    db,
    sql`select (select count(*) from care_team_member where staff_id = ${demo.specialist_id} and removed_at is null)::int as specialist,
               (select count(*) from participant where team_id = ${regions[0]!.ips_team_id})::int as team`,
  );
  step(`done: ${counts.map((row) => `${row.name} ${row.rows}`).join(", ")}`);
  console.log(
    `specialist@demo.tandem.example is on ${caseloads?.specialist} care teams; the demo team leader's team holds ${caseloads?.team} participants`,
  );
} finally {
  await database.close();
}
