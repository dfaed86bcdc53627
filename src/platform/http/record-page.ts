import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import type { ParticipantDoor, ParticipantRecord } from "../access/door";
import { ErrorPage } from "../web/error-pages";
import type { MessageKey, Translator } from "../web/i18n";
import type { ParticipantBanner } from "../web/participant-header";
import {
  type PageContext,
  type ParticipantTab,
  pageContext,
  participantTabs,
  sendPage,
  translatorFor,
} from "./pages";
import { participantIdParam } from "./participant";

// One way to show a page of a participant's record and to answer a form posted on it: open the
// record through the door, decide inside its transaction, answer only once that has committed
// (decision 34). Every feature's record pages use this; none writes the steps out again.

/** Route options: the permission the guard checks before the record is opened. */
export const read = { config: { access: "participant.read" as const } };
export const write = { config: { access: "participant.write" as const } };

/** What a record page decided inside the door's transaction; sent once the work has committed. */
export type RecordAnswer =
  /** `status` where a page has always answered a post with another redirect than 302 (303 See Other). */
  | { redirect: string; status?: 301 | 302 | 303 | 307 | 308 }
  | { page: VNode; status?: number }
  | { notFound: true }
  /** Reads the person may do, but not this write: the refusal page, nothing written. */
  | { forbidden: true };

export const notFoundAnswer: RecordAnswer = { notFound: true };

/** The banner, tabs and notice every page of a record shows, besides the page's own context. */
export type RecordFrame = PageContext & {
  banner: ParticipantBanner;
  tabs: ParticipantTab[];
  /** The words of a success notice named in the address after a redirect, if it is one we know. */
  notice?: string;
  /** Opened under emergency access: the page says so. */
  emergency: boolean;
};

type BannerLoader = (record: ParticipantRecord, t: Translator) => Promise<ParticipantBanner>;
let loadBanner: BannerLoader | undefined;

/** The participants feature says who a record is about; the platform imports no feature. */
export function setRecordBanner(loader: BannerLoader) {
  loadBanner = loader;
}

/** A short key from the address (`?notice=saved`), as words: only keys the page knows, never free text. */
export function noticeIn(
  request: FastifyRequest,
  notices: Readonly<Record<string, MessageKey>>,
  t: Translator = translatorFor(request),
): string | undefined {
  const key = (request.query as { notice?: unknown } | undefined)?.notice;
  return typeof key === "string" && Object.hasOwn(notices, key) ? t.t(notices[key]!) : undefined;
}

/** The frame of a record page: context, banner, tabs, and the notice if `notices` names it. */
export async function recordFrame(
  record: ParticipantRecord,
  request: FastifyRequest,
  reply: FastifyReply,
  notices: Readonly<Record<string, MessageKey>> = {},
): Promise<RecordFrame> {
  if (!loadBanner) throw new Error("no feature registered the record banner");
  const context = pageContext(request, reply);
  return {
    ...context,
    banner: await loadBanner(record, context.t),
    tabs: participantTabs(request, record.participantId),
    notice: noticeIn(request, notices, context.t),
    emergency: record.basis === "emergency",
  };
}

type Purpose = "read" | "write";

/**
 * A route handler for a page of the record named in the path: opens it through the door for
 * `purpose` (or the purpose `purposeOf` picks from the request, e.g. "read" to show a refused form
 * again), runs `work` in the door's transaction, then sends what it decided.
 */
export function recordRoute(
  door: ParticipantDoor,
  purpose: Purpose | ((request: FastifyRequest) => Purpose),
  what: string,
  work: (record: ParticipantRecord, request: FastifyRequest, reply: FastifyReply) => Promise<RecordAnswer>,
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const answer = await door.withParticipant(
      request.staff!,
      participantIdParam(request),
      {
        purpose: typeof purpose === "function" ? purpose(request) : purpose,
        what,
        ipAddress: request.ip,
      },
      (record) => work(record, request, reply),
    );
    return sendRecordAnswer(request, reply, answer);
  };
}

export function sendRecordAnswer(request: FastifyRequest, reply: FastifyReply, answer: RecordAnswer) {
  if ("redirect" in answer) return reply.redirect(answer.redirect, answer.status);
  if ("notFound" in answer) return reply.callNotFound();
  if ("forbidden" in answer)
    return sendPage(reply, ErrorPage({ ...pageContext(request, reply), status: 403 }), 403);
  return sendPage(reply, answer.page, answer.status ?? 200);
}
