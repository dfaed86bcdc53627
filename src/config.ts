import path from "node:path";
import { z } from "zod";

// Every setting Tandem reads from the environment, read once, validated, and documented in the README.
const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DEMO_MODE: booleanFlag.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10000).default(30),
  SECOND_FACTOR_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SECOND_FACTOR_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  TRUST_PROXY: booleanFlag.default(false),
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
  AUDIT_ANCHOR_KEY: z.string().min(32, "must be at least 32 characters (a random secret)").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SELF_REFERRALS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  EMERGENCY_ACCESS_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  EARLY_WARNING_SWEEP_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
  URGENT_ALERT_ESCALATION_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .refine(
      (value) => /^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value),
      "must be an address, or a name and <address>",
    )
    .optional(),
  MAIL_SEND_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  secureCookies: boolean;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; poolSize: number };
  demoMode: boolean;
  session: { idleMinutes: number; maxHours: number };
  signIn: { maxFailures: number; lockMinutes: number; maxFailuresPerAddress: number };
  /** Wrong second-factor codes for one account before its codes are locked, and for how long. */
  secondFactor: { maxFailures: number; lockMinutes: number };
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  auditSealIntervalMs: number;
  /** Key for the seals' HMAC, kept outside the database; null leaves seals unanchored. */
  auditAnchorKey: string | null;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Self-referrals accepted from one address an hour (the public form is the one anonymous write). */
  selfReferralsPerHour: number;
  /** How long a break-glass grant to open a record lasts. */
  emergencyAccessMinutes: number;
  /** App processes on this machine (PostgreSQL only; the embedded database is one process). */
  webConcurrency: number;
  /** Early-warning sweep interval and when unacknowledged urgent alerts go to the team leaders. */
  monitoring: { sweepMinutes: number; escalationMinutes: number };
  mail: {
    /** smtp:// or smtps://, with credentials; null keeps every email in the outbox for admins. */
    smtpUrl: string | null;
    from: string;
    /** The right-hand side of each Message-ID: the host people reach Tandem on. */
    messageIdDomain: string;
    /** What one-time links minted into emails start with: PUBLIC_URL. */
    publicUrl: string;
    sendIntervalMs: number;
    /** Attempts before an email is marked failed on the outbox page. */
    maxAttempts: number;
  };
};

export class ConfigError extends Error {}

export function readConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(
    Object.fromEntries(
      Object.entries(environment).filter(([, value]) => value !== undefined && value !== ""),
    ),
  );
  if (!parsed.success) {
    // Names and messages only, never the value given: SMTP_URL carries a password.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const database: Config["database"] = env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE }
    : { kind: "pglite", dataDir: path.resolve(env.DATA_DIR) };
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    database,
    // The demo service (seeded sign-ins) is on by default only for the embedded database.
    demoMode: env.DEMO_MODE ?? database.kind === "pglite",
    session: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
    signIn: {
      maxFailures: env.SIGN_IN_MAX_FAILURES,
      lockMinutes: env.SIGN_IN_LOCK_MINUTES,
      maxFailuresPerAddress: env.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
    },
    secondFactor: {
      maxFailures: env.SECOND_FACTOR_MAX_FAILURES,
      lockMinutes: env.SECOND_FACTOR_LOCK_MINUTES,
    },
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    auditSealIntervalMs: env.AUDIT_SEAL_INTERVAL_MS,
    auditAnchorKey: env.AUDIT_ANCHOR_KEY ?? null,
    logLevel: env.LOG_LEVEL,
    selfReferralsPerHour: env.SELF_REFERRALS_PER_HOUR,
    emergencyAccessMinutes: env.EMERGENCY_ACCESS_MINUTES,
    webConcurrency: env.WEB_CONCURRENCY,
    monitoring: {
      sweepMinutes: env.EARLY_WARNING_SWEEP_MINUTES,
      escalationMinutes: env.URGENT_ALERT_ESCALATION_MINUTES,
    },
    mail: {
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM ?? `Tandem <no-reply@${new URL(publicUrl).hostname}>`,
      messageIdDomain: new URL(publicUrl).hostname,
      publicUrl,
      sendIntervalMs: env.MAIL_SEND_INTERVAL_MS,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
    },
  };
}
