import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptedStep, currentCode, hashRecoveryCode, newMfaSecret, newRecoveryCodes } from "./mfa";

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", whose 8-digit codes end in these 6.
const rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const rfcVectors: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
];

describe("TOTP codes", () => {
  it("match the RFC 6238 published test vectors", () => {
    for (const [seconds, code] of rfcVectors) {
      expect(currentCode(rfcSecret, new Date(seconds * 1000))).toBe(code);
      expect(acceptedStep(rfcSecret, code, new Date(seconds * 1000))).toBe(Math.floor(seconds / 30));
    }
  });

  it("accept one step of clock drift either way and no more", () => {
    const at = new Date(1_800_000_000_000);
    const secret = newMfaSecret();
    expect(acceptedStep(secret, currentCode(secret, new Date(at.getTime() - 30_000)), at)).toBeDefined();
    expect(acceptedStep(secret, currentCode(secret, new Date(at.getTime() + 30_000)), at)).toBeDefined();
    expect(acceptedStep(secret, currentCode(secret, new Date(at.getTime() - 90_000)), at)).toBeUndefined();
  });

  it("never accept input that is not six digits, whatever it is", () => {
    const secret = newMfaSecret();
    fc.assert(
      fc.property(fc.string(), (input) => {
        const step = acceptedStep(secret, input, new Date());
        return step === undefined || /^\d{6}$/.test(input.replace(/\s+/g, ""));
      }),
    );
  });
});

describe("recovery codes", () => {
  it("are ten distinct, readable codes whose hash ignores case and spacing", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(hashRecoveryCode(` ${codes[0]!.toUpperCase()} `)).toBe(hashRecoveryCode(codes[0]!));
  });
});
