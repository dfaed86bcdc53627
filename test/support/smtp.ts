import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = {
  /** The envelope: who the server was asked to deliver to, and as whom. */
  envelopeFrom: string;
  envelopeTo: string[];
  /** The user the sender signed in as. */
  user: string | undefined;
  header(name: string): string | undefined;
  text: string;
};

export type TestSmtpServer = {
  port: number;
  /** smtp:// with the server's credentials, as SMTP_URL takes it. */
  url: string;
  received: ReceivedEmail[];
  stop(): Promise<void>;
};

export const SMTP_USER = "tandem";
export const SMTP_PASSWORD = "not-a-real-secret";
/** Recipients at this domain are refused for good (550), as a mistyped address would be. */
export const UNKNOWN_DOMAIN = "nowhere.example";

function parseMessage(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let text = raw.slice(split + 4);
  if (headers.get("content-transfer-encoding") === "quoted-printable") {
    text = text
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return { headers, text: text.replace(/\r\n/g, "\n").replace(/\n$/, "") };
}

/**
 * A real SMTP server on a local port that asks for a password (plain text over the loopback is
 * allowed) and keeps every message it accepts. Give `port` to bring it back where it was.
 */
export async function startSmtpServer(port = 0, received: ReceivedEmail[] = []): Promise<TestSmtpServer> {
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith(`@${UNKNOWN_DOMAIN}`)) {
        const refused = Object.assign(new Error("5.1.1 Mailbox unavailable"), { responseCode: 550 });
        return callback(refused);
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const { headers, text } = parseMessage(Buffer.concat(chunks).toString("utf8"));
        received.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          user: session.user as string | undefined,
          header: (name) => headers.get(name.toLowerCase()),
          text,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${actualPort}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
