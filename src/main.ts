import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { buildApp } from "./app";
import { type Config, ConfigError, readConfig } from "./config";
import { DEMO_PARTICIPANT_SIGN_IN, DEMO_PASSWORD, demoSignIns, isSeeded, seedDemoService } from "./demo/seed";
import {
  bootstrapAdministrator,
  INVITATION_VALID_DAYS,
  invitationLink,
} from "./features/administration/invitations";
import { startMonitoring } from "./features/monitoring/background";
import {
  anchorKeyFrom,
  anchorsFromLog,
  type ChainAnchor,
  parseAnchorArgument,
} from "./platform/audit/anchor";
import { ensureAuditPartitions, startAuditSealer, verifyAuditChain } from "./platform/audit/service";
import { removeExpiredParticipantSessions } from "./platform/auth/participant-sessions";
import { removeExpiredSessions } from "./platform/auth/sessions";
import { systemClock } from "./platform/clock";
import { openDatabase } from "./platform/db";
import { startMailSender } from "./platform/mail/sender";

const usage = `Usage: tandem <command>

  serve            start the web app (migrates, and seeds the demo service on first start in demo mode)
  migrate          apply database migrations
  seed             create the demo service (only into an empty database)
  audit verify [--anchor SEQ:HASH]... [--anchor-log FILE]...
                   check the audit trail's hash chain and report the first broken link; with
                   AUDIT_ANCHOR_KEY set, every seal's anchor too; --anchor and --anchor-log check
                   the chain against heads recorded outside the database (the log's "auditSeal")
  backup [file]    embedded database: write a consistent copy of the data folder
                   PostgreSQL: prints the pg_dump command to use
  restore <file>   embedded database: replace the data folder with a backup (server must be stopped)
  create-admin <email> <full name> [organisation name]
                   invite the first administrator of a new installation; prints their one-time link
`;

// The CLI talks to people at a terminal, so it writes plain lines rather than JSON logs.
const say = (line: string) => process.stdout.write(`${line}\n`);

/** Migrations, audit partitions and (in demo mode, once) the demo service: before any request. */
async function prepareDatabase(config: Config, database: Awaited<ReturnType<typeof openDatabase>>) {
  await database.migrate();
  await ensureAuditPartitions(database.db, systemClock);
  if (config.demoMode && !(await isSeeded(database.db))) {
    await seedDemoService(database.db, systemClock);
  }
}

function announce(config: Config, startedAt: number, databaseDescription: string) {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  say("");
  say(`Tandem is running at ${config.publicUrl}  (ready in ${seconds} s, ${databaseDescription})`);
  if (config.demoMode) {
    say("");
    say(`Demo mode: sign in as any of these, all with the password ${DEMO_PASSWORD}`);
    for (const person of demoSignIns) say(`  ${person.role.padEnd(22)} ${person.email}`);
    say(
      `  ${"participant".padEnd(22)} ${DEMO_PARTICIPANT_SIGN_IN}  (their own pages: ${config.publicUrl}/my/sign-in)`,
    );
    say("");
  }
}

/**
 * One HTTP process: the app, the audit sealer (one node at a time seals), the mail sender (every
 * node sends, each claiming different emails) and the session sweep.
 */
async function serveHttp(config: Config, onListening: () => void) {
  const database = await openDatabase(config.database);
  if (!cluster.isWorker) await prepareDatabase(config, database);
  const app = await buildApp({ config, db: database.db, clock: systemClock, ping: database.ping });
  const stopSealer = startAuditSealer(
    database.db,
    systemClock,
    config.auditSealIntervalMs,
    app.log,
    anchorKeyFrom(config.auditAnchorKey),
  );
  if (!config.auditAnchorKey && !config.demoMode && !cluster.isWorker)
    app.log.warn("AUDIT_ANCHOR_KEY is not set: audit seals are not anchored outside the database");
  const stopMailSender = startMailSender(database.db, systemClock, config.mail, app.log);
  const stopMonitoring = startMonitoring(database.db, systemClock, config.monitoring, app.log);
  const sessionSweep = setInterval(
    () =>
      Promise.all([
        removeExpiredSessions(database.db, systemClock, config.session),
        removeExpiredParticipantSessions(database.db, systemClock, config.session),
      ]).catch(() => {}),
    5 * 60_000,
  );
  sessionSweep.unref();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing requests in flight");
    clearInterval(sessionSweep);
    await app.close();
    await stopMonitoring();
    await stopSealer();
    await stopMailSender();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
  onListening();
}

/**
 * Several app processes on one machine share the port (node:cluster), as several machines would
 * share a load balancer: every node is stateless over PostgreSQL. The primary prepares the
 * database once, then starts the workers and replaces any that stop unexpectedly.
 */
async function servePrimary(config: Config, startedAt: number) {
  const database = await openDatabase(config.database);
  await prepareDatabase(config, database);
  await database.close();
  let stopping = false;
  let listening = 0;
  const start = () => cluster.fork();
  cluster.on("listening", () => {
    listening += 1;
    if (listening === config.webConcurrency)
      announce(config, startedAt, `PostgreSQL, ${config.webConcurrency} app processes`);
  });
  cluster.on("exit", (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    say(`App process ${worker.process.pid} stopped (code ${code}); starting another.`);
    start();
  });
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
  for (let index = 0; index < config.webConcurrency; index++) start();
}

async function serve(config: Config) {
  const startedAt = performance.now();
  // The embedded database is one process by nature; only PostgreSQL runs several app processes.
  const clustered = config.webConcurrency > 1 && config.database.kind === "postgres";
  if (clustered && cluster.isPrimary) return servePrimary(config, startedAt);
  await serveHttp(config, () => {
    if (clustered) return;
    announce(
      config,
      startedAt,
      config.database.kind === "pglite" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL",
    );
  });
}

async function withDatabase<T>(
  config: Config,
  work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const database = await openDatabase(config.database);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function backup(config: Config, target?: string) {
  if (config.database.kind === "postgres") {
    say("On PostgreSQL, back up with the server's own tools, for example:");
    say('  pg_dump --format=custom --file=tandem.dump "$DATABASE_URL"');
    say('and restore with pg_restore --clean --dbname="$DATABASE_URL" tandem.dump');
    return;
  }
  const file = path.resolve(
    target ?? `backups/tandem-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`,
  );
  await withDatabase(config, async (database) => {
    const archive = await database.pglite!.dumpDataDir("gzip");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
  });
  say(`Backup written to ${file}`);
}

async function restore(config: Config, source?: string) {
  if (config.database.kind === "postgres") {
    say('On PostgreSQL, restore with pg_restore --clean --dbname="$DATABASE_URL" <file>.');
    return;
  }
  if (!source || !fs.existsSync(source))
    throw new ConfigError("Name the backup file to restore: tandem restore <file>");
  const dataDir = config.database.dataDir;
  // Opening and closing first proves no server holds the folder (the lock check refuses if one does).
  if (fs.existsSync(dataDir)) await (await openDatabase(config.database)).close();
  const archive = new Blob([fs.readFileSync(source)]);
  const setAside = `${dataDir}.before-restore-${Date.now()}`;
  if (fs.existsSync(dataDir)) fs.renameSync(dataDir, setAside);
  const restored = new PGlite(dataDir, { loadDataDir: archive });
  await restored.waitReady;
  await restored.close();
  say(
    `Restored ${source} into ${dataDir}${fs.existsSync(setAside) ? `; the previous data is kept in ${setAside}` : ""}`,
  );
}

/** `--anchor SEQ:HASH` and `--anchor-log FILE`, any number of each; undefined if any is malformed. */
function readAnchors(args: string[]): ChainAnchor[] | undefined {
  const anchors: ChainAnchor[] = [];
  for (let index = 0; index < args.length; index += 2) {
    const [flag, value] = [args[index], args[index + 1]];
    if (value === undefined) return undefined;
    if (flag === "--anchor") {
      const anchor = parseAnchorArgument(value);
      if (!anchor)
        throw new ConfigError(`--anchor takes SEQ:HASH (a 64-character hex hash), not "${value}".`);
      anchors.push(anchor);
    } else if (flag === "--anchor-log") {
      anchors.push(...anchorsFromLog(fs.readFileSync(value, "utf8")));
    } else return undefined;
  }
  return anchors;
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const config = readConfig();
  switch (command) {
    case "serve":
      return serve(config);
    case "migrate":
      return withDatabase(config, async (database) => {
        await database.migrate();
        await ensureAuditPartitions(database.db, systemClock);
        say("Migrations applied.");
      });
    case "seed":
      return withDatabase(config, async (database) => {
        await database.migrate();
        const result = await seedDemoService(database.db, systemClock);
        say(
          result === "seeded"
            ? "Demo service created."
            : "The demo service already exists; nothing was changed.",
        );
      });
    case "audit": {
      if (rest[0] !== "verify") break;
      const anchors = readAnchors(rest.slice(1));
      if (!anchors) break;
      const anchorKey = anchorKeyFrom(config.auditAnchorKey);
      const verdict = await withDatabase(config, (database) =>
        verifyAuditChain(database.db, { anchorKey, anchors }),
      );
      const anchoring = anchorKey
        ? `${verdict.anchoredSeals} seals' anchors checked` +
          (verdict.sealsBeforeAnchoring
            ? ` (${verdict.sealsBeforeAnchoring} sealed before anchoring began)`
            : "")
        : "seals' anchors not checked (AUDIT_ANCHOR_KEY is not set)";
      const external = anchors.length ? `, ${verdict.externalAnchorsChecked} recorded heads matched` : "";
      if (verdict.intact) {
        say(
          `Audit trail intact: ${verdict.checked} sealed events checked, ${verdict.unsealed} awaiting sealing; ${anchoring}${external}.`,
        );
        return;
      }
      say(
        `Audit trail BROKEN at event ${verdict.firstBrokenLink.chainSeq}: ${verdict.firstBrokenLink.problem}`,
      );
      say(`(${verdict.checked} events before it are intact.)`);
      process.exitCode = 2;
      return;
    }
    case "create-admin": {
      const [email, fullName, organisationName = "Tandem service"] = rest;
      if (!email?.includes("@") || !fullName) break;
      const outcome = await withDatabase(config, async (database) => {
        await database.migrate();
        return bootstrapAdministrator(database.db, systemClock, { email, fullName, organisationName });
      });
      if (outcome.kind === "duplicate")
        throw new ConfigError(`Someone already has an account with ${email}.`);
      say(`Invitation for ${fullName}: send them this one-time link (valid ${INVITATION_VALID_DAYS} days):`);
      say(`  ${invitationLink(config.publicUrl, outcome.invitationToken)}`);
      say("They will set a password and, outside demo mode, a second factor at first sign-in.");
      return;
    }
    case "backup":
      return backup(config, rest[0]);
    case "restore":
      return restore(config, rest[0]);
  }
  process.stderr.write(usage);
  process.exitCode = 64;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
