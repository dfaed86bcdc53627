// English for the outbox: the emails Tandem sends, as admins see them.

export const enOutbox = {
  "nav.adminOutbox": "Outbox",
  "outbox.title": "Outbox",
  "outbox.intro":
    "Every email Tandem sends, newest first. Emails never contain health information: they say that something happened and give a link to sign in.",
  "outbox.noServer":
    "No mail server is set up, so no email is sent. Open each one here and pass it on yourself. Invitations are the exception: their one-time link is made only when an email is sent, so it cannot be passed on by hand.",
  "outbox.allStatuses": "All statuses",
  "outbox.status.pending": "Waiting to be sent",
  "outbox.status.sending": "Sending",
  "outbox.status.sent": "Sent",
  "outbox.status.failed": "Failed",
  "outbox.status.not_sent": "Not sent: no mail server configured",
  "outbox.purpose.participant.invitation": "Invitation to a participant",
  "outbox.purpose.staff.invitation": "Invitation to a member of staff",
  "outbox.purpose.alert.raised": "New alert",
  "outbox.purpose.alert.escalated": "Alert escalated",
  "outbox.caption": "Emails",
  "outbox.none": "No emails match.",
  "outbox.columns.queued": "Queued",
  "outbox.columns.recipient": "To",
  "outbox.columns.subject": "Subject",
  "outbox.columns.purpose": "Purpose",
  "outbox.columns.status": "Status",
  "outbox.columns.attempts": "Attempts",
  "outbox.columns.lastError": "Last error",
  "outbox.email.title": "Email to {recipient}",
  "outbox.email.audited":
    "Only administrators can open an email, and each opening is recorded in the audit trail.",
  "outbox.email.sentAt": "Sent",
  "outbox.email.nextAttempt": "Next attempt",
  "outbox.email.messageId": "Message-ID",
  "outbox.email.serverReply": "Mail server's reply",
  "outbox.email.body": "Message",
  "outbox.back": "Back to the outbox",
  "outbox.email.oneTimeLink":
    "This email carries a one-time link. The link is made only at the moment the email is handed to the mail server, and only its fingerprint is kept, so nobody can read it here or anywhere in Tandem.",
  "outbox.email.oneTimeLinkPlaceholder": "[one-time link, made when the email is sent]",
  "outbox.email.instead.participant_invitation":
    "This invitation did not reach the person and cannot be passed on by hand. Ask their care team to give them a printed invitation code from the Own pages tab of their record, or to invite them by email again once a mail server is set up.",
  "outbox.email.instead.staff_invitation":
    "This invitation did not reach your colleague and cannot be passed on by hand. Create a new invitation from their account under Staff: without a mail server you are shown its link once, to pass on yourself.",
} as const;
