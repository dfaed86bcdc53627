import { createHash } from "node:crypto";
import type { AuditEventRow } from "./table";

/** The hash every chain starts from, so the first event links to something fixed. */
export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, so a row hashes the same however it was read back. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
}

type Sealable = Omit<AuditEventRow, "chainSeq" | "hash">;

/** Links an event to the one before it: any change to either breaks every later link. */
export function linkHash(previousHash: string, chainSeq: number, event: Sealable): string {
  const body = canonicalJson([
    chainSeq,
    event.id,
    event.occurredAt.toISOString(),
    event.actorId,
    event.actorRole,
    event.action,
    event.subjectType,
    event.subjectId,
    event.organisationId,
    event.ipAddress,
    event.outcome,
    event.reason,
    event.detail,
  ]);
  return createHash("sha256").update(previousHash).update("\n").update(body).digest("hex");
}
