// The features as the app composes them: their reactions to each other (a job start starts
// follow-along) hold while the demo is seeded, whoever seeds it.
import "../app";
import { eq } from "drizzle-orm";
import { recordAuditEvent } from "../platform/audit/service";
import { hashPassword } from "../platform/auth/passwords";
import { participantAccount } from "../platform/auth/schema";
import type { Clock } from "../platform/clock";
import type { Database, Transaction } from "../platform/db";
import { appSetting } from "../platform/db/schema";
import {
  organisation,
  type Profession,
  region,
  type StaffRole,
  staffAccount,
  team,
  teamMembership,
} from "../platform/directory/schema";
import { seedDemoAssessments } from "./assessments";
import { seedDemoAppointments, seedDemoContacts } from "./contacts";
import { seedDemoEmployers } from "./employment/employers";
import { seedDemoJobs } from "./employment/jobs";
import { seedDemoReturnToWork } from "./employment/return-to-work";
import { seedDemoCheckIns } from "./monitoring";
import { type DemoParticipant, seedParticipants } from "./participants";
import { seedDemoPlans } from "./plans";

/** The 15 pilot regions named in seed 001. */
export const pilotRegions = [
  "Birmingham and Solihull",
  "Black Country",
  "Bristol, North Somerset and South Gloucestershire",
  "Cambridgeshire and Peterborough",
  "Cornwall and the Isles of Scilly",
  "Coventry and Warwickshire",
  "Frimley",
  "Herefordshire and Worcestershire",
  "Greater Manchester",
  "Lancashire and South Cumbria",
  "Leicester, Leicestershire and Rutland",
  "North Central London",
  "North West London",
  "South Yorkshire",
  "Surrey Heartlands",
] as const;

export const DEMO_PASSWORD = "tandem-demo-2026";

/** The demo participant's sign-in to their own pages at /my/sign-in (same password as staff). */
export const DEMO_PARTICIPANT_SIGN_IN = "participant.demo";

/** The sign-ins printed at start in demo mode: one per role, all in the first region. */
export const demoSignIns: {
  role: StaffRole;
  fullName: string;
  email: string;
  profession: Profession | null;
}[] = [
  {
    role: "employment_specialist",
    fullName: "Priya Shah",
    email: "specialist@demo.tandem.example",
    profession: "employment_specialist",
  },
  {
    role: "clinician",
    fullName: "Dr Tom Okafor",
    email: "clinician@demo.tandem.example",
    profession: "general_practitioner",
  },
  {
    role: "peer_worker",
    fullName: "Sam Rivers",
    email: "peer@demo.tandem.example",
    profession: "peer_support_worker",
  },
  {
    role: "team_leader",
    fullName: "Aisha Karim",
    email: "teamleader@demo.tandem.example",
    profession: "employment_specialist",
  },
  { role: "manager", fullName: "Gareth Evans", email: "manager@demo.tandem.example", profession: "manager" },
  { role: "advocate", fullName: "Mei Lin", email: "advocate@demo.tandem.example", profession: "other" },
  {
    role: "evaluator",
    fullName: "Dr Ruth Adeyemi",
    email: "evaluator@demo.tandem.example",
    profession: "other",
  },
  { role: "admin", fullName: "Ola Nordmann", email: "admin@demo.tandem.example", profession: null },
];

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");

export async function isSeeded(db: Database): Promise<boolean> {
  const [row] = await db.select().from(appSetting).where(eq(appSetting.key, "demo_seeded_at"));
  return row !== undefined;
}

/**
 * Creates the demo service once: regions, organisations, teams, staff of every role and sample
 * participants with care teams. Refuses to run over existing data.
 */
export async function seedDemoService(db: Database, clock: Clock): Promise<"seeded" | "already_seeded"> {
  if (await isSeeded(db)) return "already_seeded";
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const participants: DemoParticipant[] = [];
    for (const [regionIndex, regionName] of pilotRegions.entries()) {
      participants.push(...(await seedRegion(tx, now, regionIndex, regionName, passwordHash)));
    }
    await seedDemoAssessments(tx, clock, participants);
    await seedDemoPlans(tx, clock, participants);
    await seedDemoContacts(tx, clock, participants);
    const employers = await seedDemoEmployers(tx, clock, participants);
    await seedDemoCheckIns(tx, clock, participants);
    // A job start begins follow-along, so the jobs come after the check-ins they are read beside.
    await seedDemoJobs(tx, clock, participants, employers);
    await seedDemoAppointments(tx, clock, participants);
    await seedDemoReturnToWork(tx, clock, participants, employers);
    await seedDemoPortalAccount(tx, now, participants, passwordHash);
    await tx.insert(appSetting).values({ key: "demo_seeded_at", value: now.toISOString(), updatedAt: now });
    await recordAuditEvent(tx, clock, {
      actor: null,
      action: "demo.seeded",
      outcome: "succeeded",
      detail: { regions: pilotRegions.length },
    });
    return "seeded" as const;
  });
}

/**
 * A team's phone from Ofcom's range kept for drama (01632 960000-960999, never a real line) and an
 * address on the demo's reserved domain, so nobody is ever called or emailed from a demo.
 */
function demoTeamContact(regionIndex: number, teamNumber: number, email: string | null) {
  const line = String(100 + regionIndex * 10 + teamNumber).padStart(3, "0");
  return { phone: `01632 960 ${line}`, email };
}

async function seedRegion(
  tx: Transaction,
  now: Date,
  regionIndex: number,
  regionName: string,
  passwordHash: string,
) {
  const [createdRegion] = await tx.insert(region).values({ name: regionName, createdAt: now }).returning();
  const [service] = await tx
    .insert(organisation)
    .values({
      name: `${regionName} Work and Health Service`,
      kind: "nhs_trust",
      regionId: createdRegion!.id,
      createdAt: now,
    })
    .returning();
  const organisationId = service!.id;
  const teams = await tx
    .insert(team)
    .values([
      {
        organisationId,
        name: `${regionName} IPS Employment Team`,
        kind: "ips_team",
        ...demoTeamContact(regionIndex, 1, `ips.team@${slug(regionName)}.demo.tandem.example`),
        createdAt: now,
      },
      // No contact given: the printed plan of someone in this team says so plainly.
      { organisationId, name: `${regionName} GP Practice`, kind: "gp_practice", createdAt: now },
      {
        organisationId,
        name: `${regionName} Community Mental Health Team`,
        kind: "community_mental_health_team",
        ...demoTeamContact(regionIndex, 2, null),
        createdAt: now,
      },
    ])
    .returning();
  const [ipsTeam, gpPractice, mentalHealthTeam] = teams as [
    typeof team.$inferSelect,
    typeof team.$inferSelect,
    typeof team.$inferSelect,
  ];

  // The first region carries the printed demo sign-ins; the others get a small team each.
  const people =
    regionIndex === 0
      ? demoSignIns
      : [
          {
            role: "team_leader" as const,
            fullName: `Team Leader ${regionIndex + 1}`,
            profession: "employment_specialist" as const,
          },
          {
            role: "employment_specialist" as const,
            fullName: `Specialist ${regionIndex + 1}A`,
            profession: "employment_specialist" as const,
          },
          {
            role: "employment_specialist" as const,
            fullName: `Specialist ${regionIndex + 1}B`,
            profession: "employment_specialist" as const,
          },
          {
            role: "clinician" as const,
            fullName: `Clinician ${regionIndex + 1}`,
            profession: "nurse" as const,
          },
        ].map((person) => ({
          ...person,
          email: `${slug(person.fullName)}@${slug(regionName)}.demo.tandem.example`,
        }));
  const staff = await tx
    .insert(staffAccount)
    .values(
      people.map((person) => ({
        email: person.email,
        fullName: person.fullName,
        role: person.role,
        profession: person.profession,
        organisationId,
        status: "active" as const,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
  const byRole = (role: StaffRole) => staff.filter((member) => member.role === role);
  const membershipRows = staff.flatMap((member) => {
    const teamIds = ["employment_specialist", "team_leader", "peer_worker"].includes(member.role)
      ? [ipsTeam.id]
      : member.role === "clinician"
        ? [gpPractice.id, mentalHealthTeam.id]
        : [];
    return teamIds.map((teamId) => ({ teamId, staffId: member.id, createdAt: now }));
  });
  if (membershipRows.length > 0) await tx.insert(teamMembership).values(membershipRows);

  return seedParticipants(tx, now, regionIndex, {
    organisationId,
    ipsTeamId: ipsTeam.id,
    specialists: byRole("employment_specialist"),
    clinician: byRole("clinician")[0]!,
    peerWorker: byRole("peer_worker")[0],
  });
}

/**
 * One participant in the first region, looking for work with a plan of their own, can sign in to
 * their own pages: the demo shows both sides of the same record.
 */
async function seedDemoPortalAccount(
  tx: Transaction,
  now: Date,
  participants: DemoParticipant[],
  passwordHash: string,
) {
  const person = participants.find((candidate) => candidate.stage === "job_seeking");
  if (!person) return;
  await tx.insert(participantAccount).values({
    participantId: person.id,
    organisationId: person.organisationId,
    signInName: DEMO_PARTICIPANT_SIGN_IN,
    passwordHash,
    createdAt: now,
    updatedAt: now,
  });
}
