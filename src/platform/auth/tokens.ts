import { createHash, randomBytes } from "node:crypto";

/** A random secret for a cookie, link or API token; only its hash is ever stored. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
