import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

const PERIOD_SECONDS = 30;

export function newMfaSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, accountLabel: string) {
  return new TOTP({
    issuer: "Tandem",
    label: accountLabel,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

export function otpauthUri(secret: string, accountLabel: string): string {
  return totpFor(secret, accountLabel).toString();
}

/** An SVG QR code of the enrolment link, drawn on the server so the page needs no script. */
export function qrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2, width: 200 });
}

/**
 * The time step a code belongs to (allowing one step of clock drift either way), or undefined.
 * Callers refuse a step at or before the last one accepted, so a code works once.
 */
export function acceptedStep(secret: string, code: string, at: Date): number | undefined {
  const normalised = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(normalised)) return undefined;
  const delta = totpFor(secret, "check").validate({ token: normalised, timestamp: at.getTime(), window: 1 });
  if (delta === null) return undefined;
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

export function currentCode(secret: string, at: Date): string {
  return totpFor(secret, "check").generate({ timestamp: at.getTime() });
}

// Unambiguous letters and digits: no 0/O or 1/l/I to misread from paper.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const characters = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    );
    return `${characters.slice(0, 5).join("")}-${characters.slice(5).join("")}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase().replace(/\s+/g, "")).digest("hex");
}
