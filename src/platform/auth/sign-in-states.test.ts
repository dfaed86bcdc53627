import { describe, expect, it } from "vitest";
import {
  isFullySignedIn,
  passwordAcceptedEvent,
  type SignInEvent,
  type SignInState,
  signInEvents,
  signInStateOf,
  signInStates,
  transition,
} from "./sign-in-states";

// The expected machine, written out here independently of the module's table: every pair not
// listed must be refused. A new state or event makes every test below cover it at once.
const allowed: Record<string, { to: SignInState; proof?: "password and current factor" }> = {
  "signed_out password_accepted_with_factor": { to: "awaiting_second_factor" },
  "signed_out password_accepted_must_enrol": { to: "must_enrol" },
  "signed_out password_accepted_without_factor": { to: "signed_in_without_factor" },
  "signed_out password_refused": { to: "signed_out" },
  "awaiting_second_factor code_accepted": { to: "signed_in_with_factor" },
  "awaiting_second_factor code_refused": { to: "awaiting_second_factor" },
  "awaiting_second_factor codes_locked": { to: "second_factor_locked" },
  "awaiting_second_factor signed_out": { to: "signed_out" },
  "second_factor_locked lock_ended": { to: "awaiting_second_factor" },
  "second_factor_locked signed_out": { to: "signed_out" },
  "must_enrol first_factor_enrolled": { to: "signed_in_with_factor" },
  "must_enrol signed_out": { to: "signed_out" },
  "signed_in_without_factor first_factor_enrolled": { to: "signed_in_with_factor" },
  "signed_in_without_factor signed_out": { to: "signed_out" },
  "signed_in_with_factor factor_replaced": {
    to: "signed_in_with_factor",
    proof: "password and current factor",
  },
  "signed_in_with_factor factor_removed": {
    to: "signed_in_without_factor",
    proof: "password and current factor",
  },
  "signed_in_with_factor recovery_codes_replaced": {
    to: "signed_in_with_factor",
    proof: "password and current factor",
  },
  "signed_in_with_factor signed_out": { to: "signed_out" },
};

describe("the sign-in state machine", () => {
  const pairs = signInStates.flatMap((state) => signInEvents.map((event) => [state, event] as const));

  it("has every state and event in the table below", () => {
    expect(pairs).toHaveLength(signInStates.length * signInEvents.length);
    for (const key of Object.keys(allowed)) {
      const [state, event] = key.split(" ") as [SignInState, SignInEvent];
      expect(signInStates).toContain(state);
      expect(signInEvents).toContain(event);
    }
  });

  for (const [state, event] of pairs) {
    const expected = allowed[`${state} ${event}`];
    if (expected) {
      it(`${state} + ${event} → ${expected.to}${expected.proof ? `, with the ${expected.proof}` : ""}`, () => {
        const verdict = transition(state, event);
        expect(verdict).toEqual({
          allowed: true,
          to: expected.to,
          requires: expected.proof ? ["password", "current_factor"] : [],
        });
      });
    } else {
      it(`${state} + ${event} is refused`, () => {
        expect(transition(state, event)).toEqual({ allowed: false });
      });
    }
  }

  it("never lets a partly signed-in session with a factor set, replace or remove one", () => {
    for (const state of ["awaiting_second_factor", "second_factor_locked"] as const) {
      for (const event of [
        "first_factor_enrolled",
        "factor_replaced",
        "factor_removed",
        "recovery_codes_replaced",
      ] as const) {
        expect(transition(state, event).allowed).toBe(false);
      }
    }
  });

  it("reaches fully signed in only by a code, an enrolment with no factor before, or a password where no factor is due", () => {
    const ways = pairs
      .filter(([state, event]) => {
        const verdict = transition(state, event);
        return verdict.allowed && isFullySignedIn(verdict.to) && !isFullySignedIn(state);
      })
      .map(([state, event]) => `${state} ${event}`)
      .sort();
    expect(ways).toEqual([
      "awaiting_second_factor code_accepted",
      "must_enrol first_factor_enrolled",
      "signed_out password_accepted_without_factor",
    ]);
  });
});

describe("where a browser stands", () => {
  it("follows from its session and the account", () => {
    expect(signInStateOf({ session: "none", factorEnrolled: true })).toBe("signed_out");
    expect(signInStateOf({ session: "partly", factorEnrolled: true })).toBe("awaiting_second_factor");
    expect(signInStateOf({ session: "partly", factorEnrolled: true, codesLocked: true })).toBe(
      "second_factor_locked",
    );
    expect(signInStateOf({ session: "partly", factorEnrolled: false })).toBe("must_enrol");
    expect(signInStateOf({ session: "full", factorEnrolled: false })).toBe("signed_in_without_factor");
    expect(signInStateOf({ session: "full", factorEnrolled: true })).toBe("signed_in_with_factor");
  });

  it("the right password leads to the code when a factor exists, whatever else is required", () => {
    expect(passwordAcceptedEvent({ factorEnrolled: true, factorRequired: false })).toBe(
      "password_accepted_with_factor",
    );
    expect(passwordAcceptedEvent({ factorEnrolled: true, factorRequired: true })).toBe(
      "password_accepted_with_factor",
    );
    expect(passwordAcceptedEvent({ factorEnrolled: false, factorRequired: true })).toBe(
      "password_accepted_must_enrol",
    );
    expect(passwordAcceptedEvent({ factorEnrolled: false, factorRequired: false })).toBe(
      "password_accepted_without_factor",
    );
  });
});
