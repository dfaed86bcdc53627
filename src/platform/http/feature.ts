import type { FastifyInstance } from "fastify";
import type { Config } from "../../config";
import type { ParticipantDoor, ParticipantRecord } from "../access/door";
import type { OwnRecordDoor } from "../access/own-record";
import type { Permission } from "../access/roles";
import type { SignedInStaff } from "../auth/service";
import type { CaseloadColumns } from "../caseload-columns";
import type { Clock } from "../clock";
import type { Database } from "../db";
import type { RecordAlertsReader } from "../record-alerts";
import type { RecordEventHandlers } from "../record-events";
import type { MessageKey, Translator } from "../web/i18n";
import type { ParticipantBanner } from "../web/participant-header";
import type { OwnPagesEntry } from "./own-pages";

/** What every feature's routes are given: the app's shared parts, never another feature's. */
export type AppDeps = {
  config: Config;
  db: Database;
  clock: Clock;
  door: ParticipantDoor;
  /** A participant's way to their own record, on their own pages. */
  ownRecordDoor: OwnRecordDoor;
  /** Checks the database answers, for /readyz. */
  ping: () => Promise<boolean>;
  /** Added before answering each failed sign-in, growing with the count. */
  signInDelayStepMs: number;
};

export type NavigationEntry = {
  href: string;
  label: MessageKey;
  /** How many things wait there for this person (open alerts), shown beside the label. */
  count?: (executor: Database, staff: SignedInStaff) => Promise<number>;
  /** Shown only to people whose role has this permission ("signed_in": everyone signed in). */
  requires: Permission | "signed_in";
};

/**
 * A tab on a participant's record (summary, consent, assessments, plan …). Each feature adds its
 * own; the record header shows those the signed-in person's role may use, in `order`.
 */
export type ParticipantTabEntry = {
  /** Appended to `/participants/:participantId`; "" is the summary. */
  path: string;
  label: MessageKey;
  requires: Permission;
  order: number;
};

/** A capability plugged into the app: its routes and its place in the navigation. */
export type Feature = {
  name: string;
  navigation?: NavigationEntry[];
  /** Its pages in a participant's own pages (/my …), if it has any. */
  ownPagesNavigation?: OwnPagesEntry[];
  participantTabs?: ParticipantTabEntry[];
  /** How this feature reacts to what happens on a record elsewhere (a questionnaire, a job start). */
  recordEvents?: RecordEventHandlers;
  /** The caseload's follow-up columns this feature owns the facts of. */
  caseloadColumns?: CaseloadColumns;
  /** The open alerts on a record, for its other pages (the monitoring feature keeps them). */
  recordAlerts?: RecordAlertsReader;
  /** Who a record is about, for the banner on every page of it (the participants feature gives it). */
  recordBanner?: (record: ParticipantRecord, t: Translator) => Promise<ParticipantBanner>;
  registerRoutes(app: FastifyInstance, deps: AppDeps): void | Promise<void>;
};
