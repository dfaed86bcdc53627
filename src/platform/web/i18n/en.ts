// English, the catalogue every other language falls back to. Flat keys, grouped by area.
// Placeholders are {name}; plural forms are `key.one` / `key.other`.

import { enAdministration } from "./en-administration";
import { enAppointments } from "./en-appointments";
import { enAssessments } from "./en-assessments";
import { enAuditActions } from "./en-audit-actions";
import { enCharts } from "./en-charts";
import { enContacts } from "./en-contacts";
import { enDates } from "./en-dates";
import { enEdge } from "./en-edge";
import { enEmployers } from "./en-employers";
import { enEmploymentSettings } from "./en-employment-settings";
import { enMatching } from "./en-matching";
import { enMerge } from "./en-merge";
import { enMonitoring } from "./en-monitoring";
import { enMonitoringRules } from "./en-monitoring-rules";
import { enOutbox } from "./en-outbox";
import { enParticipants } from "./en-participants";
import { enPlans } from "./en-plans";
import { enPortal } from "./en-portal";
import { enReturnToWork } from "./en-return-to-work";
import { enSecondFactor } from "./en-second-factor";
import { enStages } from "./en-stages";
import { enTimeline } from "./en-timeline";
import { enValidation } from "./en-validation";
import { enWork } from "./en-work";

const enCommon = {
  "layout.serviceName": "Tandem",
  "layout.homeLink": "Tandem homepage",
  "layout.skipLink": "Skip to main content",
  "layout.accountMenu": "Account",
  "layout.signOut": "Sign out",
  "layout.menu": "Menu",
  "layout.browse": "Browse",
  "layout.more": "More",
  "layout.navCount": "({count} open)",
  "layout.back": "Back",
  "layout.errorPrefix": "Error:",
  "layout.supportLinks": "Support links",
  "layout.accessibility": "Accessibility statement",
  "layout.privacy": "Privacy notice",
  "layout.footerNote": "Tandem is open-source software for employment support in health services.",

  "nav.home": "Home",
  "nav.account": "Your account",
  "nav.adminOrganisations": "Organisations",
  "nav.adminRegions": "Regions",
  "nav.adminTeams": "Teams",
  "nav.adminStaff": "Staff",
  "nav.auditTrail": "Audit trail",

  "role.employment_specialist": "Employment specialist",
  "role.clinician": "Clinician",
  "role.peer_worker": "Peer worker",
  "role.team_leader": "Team leader",
  "role.manager": "Manager",
  "role.advocate": "Advocate",
  "role.evaluator": "Evaluator",
  "role.admin": "Administrator",

  "participantHeader.dateOfBirth": "Date of birth",
  "participantHeader.nhsNumber": "NHS number",
  "participantHeader.stage": "Stage",
  "participantHeader.tabs": "Participant record",

  "common.yes": "Yes",
  "common.no": "No",
  "common.none": "None",
  "common.never": "Never",
  "common.save": "Save changes",
  "common.cancel": "Cancel",
  "common.search": "Search",
  "common.filter": "Filter",
  "common.clearFilters": "Clear filters",
  "common.edit": "Change",
  "common.previous": "Previous",
  "common.next": "Next",
  "common.pageOf": "{page} of {count}",
  "common.pagination": "Pagination",
  "common.resultCount.one": "{count} result",
  "common.resultCount.other": "{count} results",
  "common.successTitle": "Success",
  "common.importantTitle": "Important",
  "common.conflictHeading": "Someone else changed this while you were editing",
  "common.conflictBody":
    "Your changes have not been saved. The saved version is shown below, and your version is in the form. Check both, then save again.",
  "common.savedVersion": "The saved version",

  "error.summaryTitle": "There is a problem",
  "error.goHome": "Go to the Tandem homepage",
  "error.goSignIn": "Go to sign in",
  "error.400.title": "Sorry, there is a problem with that request",
  "error.400.body": "Go back and try again.",
  "error.403.title": "You do not have permission to see this page",
  "error.403.body": "Your role does not include this part of Tandem.",
  "error.403.help": "If you think you should have access, ask your team leader or system administrator.",
  "error.participant.title": "You cannot open this person's record",
  "error.participant.emergency": "Ask for emergency access to this record, stating your reason",
  "error.participant.body":
    "Only the people on a participant's care team, and their team leader, can open their record. Ask the team leader to add you to the care team if you are now working with this person.",
  "error.404.title": "Page not found",
  "error.404.body": "If you typed the web address, check it is correct.",
  "error.404.help": "If you pasted the web address, check you copied the entire address.",
  "error.413.title": "That was too much to send at once",
  "error.413.body": "Go back, shorten what you entered and try again.",
  "error.429.title": "Too many requests",
  "error.429.body": "Wait a minute, then try again.",
  "error.500.title": "Sorry, there is a problem with the service",
  "error.500.body": "Try again later. Nothing you entered has been changed.",
  "error.500.help": "If the problem continues, contact your system administrator.",
  "error.503.title": "Sorry, the service is unavailable",
  "error.503.body": "Nothing was changed. Try again in a few minutes.",
  "error.csrf.title": "Your form has expired",
  "error.csrf.body":
    "For your security, forms stop working after a while or in another window. Nothing was changed. Go back, reload the page and try again.",
} as const;

const enAuth = {
  "signIn.title": "Sign in to Tandem",
  "signIn.email": "Email address",
  "signIn.password": "Password",
  "signIn.submit": "Sign in",
  "signIn.help":
    "If you have forgotten your password or cannot sign in, ask your system administrator to send you a new invitation.",
  "signIn.noticeTitle": "Important",
  "signIn.successTitle": "Success",
  "signIn.notice.signed_out": "You have signed out.",
  "signIn.notice.expired":
    "You were signed out because you had not used Tandem for a while. Sign in again to carry on.",
  "signIn.notice.invitation_accepted": "Your password is set. You can now sign in.",
  "secondFactor.title": "Enter the code from your authenticator app",
  "secondFactor.hint":
    "The 6-digit code changes every 30 seconds. You can also enter one of your recovery codes.",
  "secondFactor.submit": "Continue",
  "secondFactor.lostDevice":
    "If you have lost your phone and your recovery codes, ask your system administrator to reset your second factor.",
  "setUpSecondFactor.title": "Set up a second factor",
  "setUpSecondFactor.why":
    "Tandem holds health information, so your account is protected by a code from an authenticator app on your phone as well as your password.",
  "setUpSecondFactor.replacingHeading": "This replaces your current authenticator",
  "setUpSecondFactor.replacingBody":
    "Once you confirm, codes from your old app and your old recovery codes stop working.",
  "setUpSecondFactor.step1": "1. Scan this QR code with your authenticator app",
  "setUpSecondFactor.qrLabel": "QR code to add Tandem to your authenticator app",
  "setUpSecondFactor.manual": "If you cannot scan it, enter this key in the app instead:",
  "setUpSecondFactor.step2": "2. Enter the code the app shows",
  "setUpSecondFactor.codeLabel": "Code from your authenticator app",
  "setUpSecondFactor.codeHint": "For example, 123456",
  "setUpSecondFactor.submit": "Confirm and continue",
  "recoveryCodes.title": "Save your recovery codes",
  "recoveryCodes.intro":
    "If you lose your phone, each of these codes lets you sign in once instead of an authenticator code.",
  "recoveryCodes.onceHeading": "You will not see these codes again",
  "recoveryCodes.onceBody":
    "Print them or write them down now and keep them somewhere safe, away from your phone.",
  "recoveryCodes.listLabel": "Recovery codes",
  "recoveryCodes.continue": "I have saved my codes",
  "invitation.title": "Set your password",
  "invitation.welcome": "Welcome to Tandem, {name}. You will sign in with {email}.",
  "invitation.password": "Create a password",
  "invitation.passwordHint":
    "At least 12 characters. Three random words together make a strong password you can remember.",
  "invitation.confirmPassword": "Type the password again",
  "invitation.submit": "Set password",
  "invitation.used.title": "This invitation has already been used",
  "invitation.used.body":
    "If you set your password, sign in. If you did not, ask your system administrator for a new invitation.",
  "invitation.expired.title": "This invitation has expired",
  "invitation.expired.body": "Invitations last 7 days. Ask your system administrator to send you a new one.",
  "invitation.unknown.title": "This invitation link does not work",
  "invitation.unknown.body":
    "Check you copied the whole link. If it still does not work, ask your system administrator for a new one.",
} as const;

const enAccount = {
  "account.title": "Your account",
  "account.details": "Your details",
  "account.name": "Name",
  "account.email": "Email address",
  "account.role": "Role",
  "account.profession": "Profession",
  "account.organisation": "Organisation",
  "account.teams": "Teams",
  "account.lastSignIn": "Last signed in",
  "account.detailsHelp": "To change your name, role or teams, ask your system administrator.",
  "account.secondFactor": "Second factor",
  "account.secondFactorOn": "Set up on {date}. {left} recovery codes left.",
  "account.secondFactorOff": "Not set up. Adding one protects your account if your password is ever leaked.",
  "account.setUpSecondFactor": "Set up a second factor",
  "account.replaceSecondFactor": "Replace your authenticator",
  "account.newRecoveryCodes": "Get new recovery codes",
  "account.changePassword": "Change your password",
  "account.currentPassword": "Current password",
  "account.newPassword": "New password",
  "account.newPasswordHint": "At least 12 characters. Changing it signs you out everywhere else.",
  "account.confirmPassword": "Type the new password again",
  "account.apiTokens": "API tokens",
  "account.apiTokensIntro":
    "A token lets a script use the Tandem API as you, with your role's permissions. Treat it like a password.",
  "account.noTokens": "You have no API tokens.",
  "account.tokenName": "Token name",
  "account.tokenNameHint": "So you can recognise it later, for example 'Monthly report script'",
  "account.tokenValidity": "Lasts for",
  "account.tokenDays": "{days} days",
  "account.createToken": "Create token",
  "account.revoke": "Revoke",
  "account.tokenColumns.name": "Name",
  "account.tokenColumns.created": "Created",
  "account.tokenColumns.expires": "Expires",
  "account.tokenColumns.lastUsed": "Last used",
  "account.tokenColumns.status": "Status",
  "account.tokenStatus.active": "Active",
  "account.tokenStatus.revoked": "Revoked",
  "account.tokenStatus.expired": "Expired",
  "account.notice.password_changed":
    "Your password has been changed. You have been signed out everywhere else.",
  "account.notice.token_revoked": "The token has been revoked and no longer works.",
  "account.newToken.title": "Copy your new API token",
  "account.newToken.intro":
    "This is the token for '{name}'. Send it in an Authorization header: Bearer followed by the token.",
  "account.newToken.once": "You will not see it again. If you lose it, revoke it and create another.",
  "account.newToken.back": "Back to your account",
} as const;

const enHome = {
  "home.title": "Welcome, {name}",
  "home.roleIntro": "You are signed in as {role}.",
  "home.whatYouCanDo": "What your role lets you do",
  "home.reach.employment_specialist":
    "You see the participants on whose care team you are, and their employment information.",
  "home.reach.clinician":
    "You see the participants on whose care team you are, including clinical information.",
  "home.reach.peer_worker": "You see the participants on whose care team you are, without clinical notes.",
  "home.reach.team_leader": "You see everything about your team's participants and your team's caseloads.",
  "home.reach.manager":
    "You see figures for your organisation. You can open a person's record only in an emergency, with a stated reason that is audited.",
  "home.reach.advocate": "You see speak-up cases routed to you and staff wellbeing figures.",
  "home.reach.evaluator": "You see aggregated, suppressed statistics only: never an identifiable person.",
  "home.reach.admin":
    "You manage organisations, teams and staff accounts, and you can read the audit trail. You cannot open participant records.",
  "home.accountCard": "Manage your password, second factor and API tokens.",
  "home.staffCard": "Invite colleagues, change roles and teams, deactivate accounts.",
  "home.teamsCard": "The IPS teams, GP practices and mental health teams in each organisation.",
  "home.organisationsCard": "The organisations in each region and their security settings.",
  "home.regionsCard": "The regions services are grouped into.",
  "home.auditCard": "Every sign-in, change and look at a record, in a tamper-evident trail.",
  "home.voluntary":
    "Taking part in employment support is always the person's choice. Nothing in Tandem is shared with benefits authorities or used for sanctions.",
  "accessibility.title": "Accessibility statement",
  "accessibility.intro":
    "Tandem is built to be used by as many people as possible, with the NHS.UK design system.",
  "accessibility.points":
    "You can use every page with a keyboard alone, with a screen reader, at 400% zoom and without JavaScript. Colour is never the only way information is shown.",
  "accessibility.testing":
    "Every page is checked with axe-core in automated browser tests before each release.",
  "accessibility.report":
    "If something does not work for you, tell your system administrator so it can be fixed.",
  "privacy.title": "Privacy notice",
  "privacy.intro":
    "Tandem holds information about people using employment support and the staff who support them.",
  "privacy.use":
    "Information is used only to provide support the person has agreed to, and to show managers anonymised figures. It is never used for benefit conditionality or sanctions.",
  "privacy.audit": "Every look at a person's record is logged. People can see who has opened their record.",
  "privacy.consent":
    "Consent for each use is recorded separately and can be withdrawn at any time without affecting care.",
  "home.outboxCard": "Emails Tandem has sent or is waiting to send, and any that could not be sent.",
  "home.monitoringRulesCard": "When a check-in raises an early-warning alert for the care team.",
} as const;

const enAudit = {
  "audit.title": "Audit trail",
  "audit.intro":
    "Every sign-in, administrative change and look at a participant's record, newest first. Events cannot be changed or deleted.",
  "audit.chainStatus":
    "The hash chain is sealed up to event {seq} ({date}). Run 'tandem audit verify' to check it has not been altered.",
  "audit.chainEmpty": "No events have been sealed into the hash chain yet.",
  "audit.filters": "Filter events",
  "audit.from": "From",
  "audit.to": "To",
  "audit.fromHint": "Leave empty for the last 30 days",
  "audit.action": "Action",
  "audit.actionHint": "For example sign_in, staff.invite, participant.read",
  "audit.actorEmail": "Staff email address",
  "audit.subjectType": "Subject type",
  "audit.subjectId": "Subject identifier",
  "audit.outcome": "Outcome",
  "audit.anyOutcome": "Any outcome",
  "audit.outcome.succeeded": "Succeeded",
  "audit.outcome.failed": "Failed",
  "audit.outcome.refused": "Refused",
  "audit.apply": "Apply filters",
  "audit.none": "No events match these filters.",
  "audit.older": "Older events",
  "audit.newest": "Back to the newest events",
  "audit.columns.when": "When",
  "audit.columns.who": "Who",
  "audit.columns.action": "Action",
  "audit.columns.subject": "Subject",
  "audit.columns.outcome": "Outcome",
  "audit.columns.from": "From address",
  "audit.columns.reason": "Reason",
  "audit.system": "The system",
  "audit.caption": "Audit events",
  "audit.reasonKeptWithRecord": "Given by the person; kept with the record and shown on its access log",
} as const;

export const en = {
  ...enCommon,
  ...enAuth,
  ...enAccount,
  ...enHome,
  ...enAudit,
  ...enAdministration,
  ...enOutbox,
  ...enParticipants,
  ...enMerge,
  ...enContacts,
  ...enMatching,
  ...enEmployers,
  ...enAppointments,
  ...enMonitoring,
  ...enTimeline,
  ...enPlans,
  ...enAssessments,
  ...enMonitoringRules,
  ...enEmploymentSettings,
  ...enReturnToWork,
  ...enCharts,
  ...enPortal,
  ...enValidation,
  ...enWork,
  ...enSecondFactor,
  ...enStages,
  ...enDates,
  ...enEdge,
  ...enAuditActions,
} as const;
