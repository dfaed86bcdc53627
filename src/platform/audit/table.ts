import { bigint, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Query definitions only: the DDL (monthly partitions, append-only triggers) is the hand-written
// migration drizzle/0001_audit_trail.sql, which drizzle-kit cannot generate.

export type AuditDetail = Record<string, string | number | boolean | null>;

export const auditEvent = pgTable("audit_event", {
  id: bigint("id", { mode: "number" }).notNull(),
  occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  actorId: uuid("actor_id"),
  actorRole: text("actor_role"),
  action: text("action").notNull(),
  subjectType: text("subject_type"),
  subjectId: text("subject_id"),
  organisationId: uuid("organisation_id"),
  ipAddress: text("ip_address"),
  outcome: text("outcome", { enum: ["succeeded", "failed", "refused"] }).notNull(),
  reason: text("reason"),
  detail: jsonb("detail").$type<AuditDetail>().notNull(),
  chainSeq: bigint("chain_seq", { mode: "number" }),
  hash: text("hash"),
});

export const auditSeal = pgTable("audit_seal", {
  batchId: bigint("batch_id", { mode: "number" }).primaryKey(),
  firstSeq: bigint("first_seq", { mode: "number" }).notNull(),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
  lastHash: text("last_hash").notNull(),
  sealedAt: timestamp("sealed_at", { withTimezone: true }).notNull(),
  /** HMAC of the seal under AUDIT_ANCHOR_KEY, which is never in the database (decision 60). */
  anchor: text("anchor"),
  anchorKeyId: text("anchor_key_id"),
});

export type AuditEventRow = typeof auditEvent.$inferSelect;
