// Participants: referral, consent, care team, caseloads, the record and its access log.

export const enParticipants = {
  "participant.stage.referred": "Referred",
  "participant.stage.engaged": "Engaged",
  "participant.stage.job_seeking": "Looking for work",
  "participant.stage.in_work": "In work",
  "participant.stage.paused": "Paused by participant",
  "participant.stage.closed": "Closed",
} as const;
