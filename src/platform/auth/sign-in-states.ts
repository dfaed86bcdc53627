// Signing in, staff or participant, as one explicit state machine: where a browser can be, what
// can happen next, and what each step demands. The routes and services consult it, so the rule
// "a password alone never sets or replaces a second factor" lives here once, not in each route.
// Pure: no database, no HTTP. The state is worked out from the session and the account's facts
// (`signInStateOf`), the event is what the person is trying to do, and `transition` answers.

export const signInStates = [
  /** No session. */
  "signed_out",
  /** Password accepted; the account has a second factor and its code is still to give. */
  "awaiting_second_factor",
  /** Password accepted and a second factor is due, but too many wrong codes: none is taken until the lock ends. */
  "second_factor_locked",
  /** Password accepted; a second factor is required and the account has none yet. */
  "must_enrol",
  /** Fully signed in, with no second factor (none is required of this person). */
  "signed_in_without_factor",
  /** Fully signed in, with a second factor. */
  "signed_in_with_factor",
] as const;
export type SignInState = (typeof signInStates)[number];

export const signInEvents = [
  /** The right password, for an account that has a second factor. */
  "password_accepted_with_factor",
  /** The right password, for an account that must set one up first. */
  "password_accepted_must_enrol",
  /** The right password, for an account with no factor and none required. */
  "password_accepted_without_factor",
  /** A wrong password, an unknown account, or a locked one. */
  "password_refused",
  /** The right authenticator code or an unused recovery code. */
  "code_accepted",
  /** A wrong code, not yet enough of them to lock. */
  "code_refused",
  /** The wrong code that reaches the limit: codes are locked. */
  "codes_locked",
  /** The code lock has passed. */
  "lock_ended",
  /** A first second factor, for an account that has none. */
  "first_factor_enrolled",
  /** The existing factor swapped for a new one. */
  "factor_replaced",
  /** The existing factor removed (only where none is required). */
  "factor_removed",
  /** Fresh recovery codes in place of the old ones. */
  "recovery_codes_replaced",
  "signed_out",
] as const;
export type SignInEvent = (typeof signInEvents)[number];

/** What the person must prove, in the same request, for a transition to happen. */
export type Proof = "password" | "current_factor";

type Transition = { to: SignInState; requires: readonly Proof[] };

const reproof = ["password", "current_factor"] as const;
const partlySignedIn = ["awaiting_second_factor", "second_factor_locked", "must_enrol"] as const;
const fullySignedIn = ["signed_in_without_factor", "signed_in_with_factor"] as const;

/**
 * Every allowed transition; anything not listed is refused. Replacing or removing a factor, or
 * minting new recovery codes, needs the password and the current factor again in the same request,
 * and only a fully signed-in session may try: a password alone reaches none of them.
 */
const table: { [State in SignInState]: Partial<Record<SignInEvent, Transition>> } = {
  signed_out: {
    password_accepted_with_factor: { to: "awaiting_second_factor", requires: [] },
    password_accepted_must_enrol: { to: "must_enrol", requires: [] },
    password_accepted_without_factor: { to: "signed_in_without_factor", requires: [] },
    password_refused: { to: "signed_out", requires: [] },
  },
  awaiting_second_factor: {
    code_accepted: { to: "signed_in_with_factor", requires: [] },
    code_refused: { to: "awaiting_second_factor", requires: [] },
    codes_locked: { to: "second_factor_locked", requires: [] },
    signed_out: { to: "signed_out", requires: [] },
  },
  second_factor_locked: {
    lock_ended: { to: "awaiting_second_factor", requires: [] },
    signed_out: { to: "signed_out", requires: [] },
  },
  must_enrol: {
    first_factor_enrolled: { to: "signed_in_with_factor", requires: [] },
    signed_out: { to: "signed_out", requires: [] },
  },
  signed_in_without_factor: {
    first_factor_enrolled: { to: "signed_in_with_factor", requires: [] },
    signed_out: { to: "signed_out", requires: [] },
  },
  signed_in_with_factor: {
    factor_replaced: { to: "signed_in_with_factor", requires: reproof },
    factor_removed: { to: "signed_in_without_factor", requires: reproof },
    recovery_codes_replaced: { to: "signed_in_with_factor", requires: reproof },
    signed_out: { to: "signed_out", requires: [] },
  },
};

export type TransitionVerdict =
  | { allowed: true; to: SignInState; requires: readonly Proof[] }
  | { allowed: false };

export function transition(from: SignInState, event: SignInEvent): TransitionVerdict {
  const next = table[from][event];
  return next ? { allowed: true, to: next.to, requires: next.requires } : { allowed: false };
}

export const isAllowed = (from: SignInState, event: SignInEvent) => transition(from, event).allowed;

export const isFullySignedIn = (state: SignInState) =>
  (fullySignedIn as readonly SignInState[]).includes(state);

export const isPartlySignedIn = (state: SignInState) =>
  (partlySignedIn as readonly SignInState[]).includes(state);

/** Where a browser stands, from its session and the account behind it. */
export function signInStateOf(facts: {
  session: "none" | "partly" | "full";
  factorEnrolled: boolean;
  codesLocked?: boolean;
}): SignInState {
  if (facts.session === "none") return "signed_out";
  if (facts.session === "full")
    return facts.factorEnrolled ? "signed_in_with_factor" : "signed_in_without_factor";
  if (!facts.factorEnrolled) return "must_enrol";
  return facts.codesLocked ? "second_factor_locked" : "awaiting_second_factor";
}

/** Which event the right password is, for this account. */
export function passwordAcceptedEvent(account: {
  factorEnrolled: boolean;
  factorRequired: boolean;
}): SignInEvent {
  if (account.factorEnrolled) return "password_accepted_with_factor";
  return account.factorRequired ? "password_accepted_must_enrol" : "password_accepted_without_factor";
}
