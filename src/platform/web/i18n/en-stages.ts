// The participant's stages (decision 59): the moves on the record and why a move is refused.

export const enStages = {
  "stage.move.look_for_work": "Move to looking for work",
  "stage.movedToLookingForWork": "They are now looking for work, and count towards the active caseload.",
  "stage.confirm.title": "Move {name} to looking for work?",
  "stage.confirm.body":
    "Do this when they have agreed with you to start looking for work. Aim for a first face-to-face employer contact on their behalf within 30 days.",
  "stage.confirm.caseload":
    "From now on they count towards the active caseload (people looking for work or in work), which IPS keeps to 20 per full-time employment specialist.",
  "stage.confirm.yes": "Yes, they are looking for work",
  "stage.refused.consentFirst": "Record their consent to take part first",
  "stage.refused.engageFirst":
    "They are not engaged yet: start their vocational profile (usually at the first meeting) first",
  "stage.refused.pausedResumeFirst": "This person's support is paused: resume it first",
  "stage.refused.closed": "The person's record is closed: a new referral opens it again",
  "stage.refused.inWorkEndJobFirst":
    "They are in work: record the end of their job on the Work tab and they will be looking for work again",
  "stage.refused.alreadyLookingForWork": "They are already looking for work",
  "stage.refused.alreadyEngaged": "They are already engaged",
  "stage.refused.notInWork": "They are not in work",
  "stage.refused.referralNotPaused":
    "A referral that has not been taken up cannot be paused: end it as declined instead",
  "stage.refused.alreadyPaused": "Their support is already paused",
  "stage.refused.notPaused": "Their support is not paused",
  "stage.refused.referralNotOpen": "Their referral has already ended",
  "stage.refused.notClosed": "Their support has not ended",
  "stage.refused.emergencyAccess":
    "Emergency access is for reading the record: their care team changes where they are in their journey",
  "stage.refused.notForParticipant": "Your employment specialist records this with you",
  "stage.refused.specialistOrLeader":
    "Only their employment specialist or a team leader can move them to looking for work",
  "stage.refused.notForRole": "Your role cannot make this change",
  "stage.referralOutcome": "Referral",
  "stage.jobStart.notYet": "A job start cannot be recorded yet",
} as const;
