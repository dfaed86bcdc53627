// When a failed email is tried again: quickly at first (a mail server restarting), then backing
// off to at most an hour apart, so a long outage costs a handful of attempts, not thousands.

const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** The wait after the given attempt (1 = the first) failed: 1, 2, 4, 8 … minutes, at most an hour. */
export function retryDelayMs(failedAttempt: number): number {
  const doublings = Math.max(0, Math.min(failedAttempt - 1, 16));
  return Math.min(FIRST_RETRY_MS * 2 ** doublings, LONGEST_WAIT_MS);
}

/** A failure that says nothing about the message itself: the server is unreachable or refuses us. */
export function isServerWideFailure(code: string | undefined): boolean {
  return code !== "EENVELOPE" && code !== "EMESSAGE";
}

/** The server refused this message for good (a 5xx reply to its recipient or content): no retry helps. */
export function isPermanentRejection(error: unknown): boolean {
  const failure = error as { code?: string; responseCode?: number };
  return !isServerWideFailure(failure.code) && (failure.responseCode ?? 0) >= 500;
}

/**
 * What is kept of a failure for the outbox page: the error code and the server's reply or the
 * connection error, cut short. Never the message itself; nodemailer's errors name the server's
 * host and port but not the credentials in SMTP_URL.
 */
export function describeFailure(error: unknown): string {
  const failure = error as { code?: string; response?: string; message?: string };
  // The server's reply starts with its numbered code (550 5.1.1 …), so it is not repeated.
  const parts = [
    failure.code,
    (failure.response ?? failure.message ?? "unknown error").replace(/\s+/g, " ").trim(),
  ].filter(Boolean);
  const text = parts.join(" ");
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
