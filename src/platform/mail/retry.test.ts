import { describe, expect, it } from "vitest";
import { describeFailure, isPermanentRejection, isServerWideFailure, retryDelayMs } from "./retry";

describe("when a failed email is tried again", () => {
  it("waits 1, 2, 4 … minutes, never more than an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30].map((attempt) => retryDelayMs(attempt) / 60_000)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60, 60,
    ]);
  });

  it("stops the round on a server-wide failure, but not for one refused recipient", () => {
    expect(isServerWideFailure("ESOCKET")).toBe(true);
    expect(isServerWideFailure("EAUTH")).toBe(true);
    expect(isServerWideFailure(undefined)).toBe(true);
    expect(isServerWideFailure("EENVELOPE")).toBe(false);
  });

  it("gives up at once only when the server refuses the message itself for good", () => {
    expect(isPermanentRejection({ code: "EENVELOPE", responseCode: 550 })).toBe(true);
    expect(isPermanentRejection({ code: "EENVELOPE", responseCode: 451 })).toBe(false);
    expect(isPermanentRejection({ code: "EAUTH", responseCode: 535 })).toBe(false);
  });

  it("keeps the code and the server's reply for the outbox page, cut short", () => {
    const refused = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      code: "EENVELOPE",
      responseCode: 550,
      response: "550 5.1.1 Mailbox unavailable",
    });
    expect(describeFailure(refused)).toBe("EENVELOPE 550 5.1.1 Mailbox unavailable");
    expect(describeFailure(new Error("x".repeat(1000)))).toHaveLength(300);
  });
});
