// Job suggestions for one participant: open opportunities matched to their vocational profile.

export const enMatching = {
  "matching.title": "Job suggestions",
  "matching.intro":
    "Open job opportunities, best fit with this person's vocational profile first, with what matched and what did not.",
  "matching.decidesHeading": "Suggestions only",
  "matching.decides":
    "These are suggestions only. The person and their specialist decide which jobs to go for. Tandem never applies for a job on anyone's behalf.",
  "matching.approximate":
    "Travel is compared by postcode district and area, not by distance, so it is approximate. Check the journey with the person.",
  "matching.aboutPerson": "Before contacting an employer",
  "matching.disclosure": "What employers may be told (general preference)",
  "matching.disclosureNotRecorded": "Not recorded yet: tell employers nothing until the person decides",
  "matching.disclosureHint": "The person may choose differently for a particular employer.",
  "matching.consent": "Consent to contact employers",
  "matching.consentGiven": "Given",
  "matching.consentNotGiven": "Not given: do not contact employers about this person",
  "matching.home": "Home postcode district used for travel",
  "matching.homeUnknown": "No postcode found in their address, so travel cannot be compared",
  "matching.lookingFor": "Job types they are looking for",
  "matching.lookingForNone": "Not recorded",
  "matching.editProfile": "Change the vocational profile",
  "matching.noProfile":
    "This person has no vocational profile yet, so there is nothing to match jobs against.",
  "matching.startProfile": "Start the vocational profile",
  "matching.noOpportunities": "There are no open job opportunities at the moment.",
  "matching.allOpportunities": "See all job opportunities",
  "matching.caption": "Suggested jobs, best fit first",
  "matching.employer": "Employer",
  "matching.location": "Where",
  "matching.hoursAndPay": "Hours and pay",
  "matching.hoursAndPayValue": "{hours} hours a week, £{pay} an hour",
  "matching.homeBased": "Home-based",
  "matching.closes": "Closes",
  "matching.noClosingDate": "No closing date",
  "matching.fit": "Fit",
  "matching.fitValue": "{score} out of 100",
  "matching.whatMatched": "What matched and what did not",
  "matching.notCompetitive":
    "The pay is below the wage floor (£{floor} an hour), so this would not count as a competitive job.",
  "matching.recordApplication": "Record an application",
  "matching.recordApplicationFor": "for {title}",
  "matching.fitLabel.good": "Matches",
  "matching.fitLabel.partial": "Partly",
  "matching.fitLabel.poor": "Does not match",
  "matching.fitLabel.unknown": "Not known",

  "matching.reason.jobTypeNoPreference": "Job type: no preferred job types recorded.",
  "matching.reason.jobTypeNoMatch": "Job type: none of the job types they are looking for.",
  "matching.reason.jobTypeMatch": "Job type: matches what they are looking for ({words}).",
  "matching.reason.hoursNoPreference": "Hours: {hours} a week; no hours recorded as wanted.",
  "matching.reason.hoursExact": "Hours: {hours} a week, as they want.",
  "matching.reason.hoursMore": "Hours: {hours} a week, more than the {wanted} they want.",
  "matching.reason.hoursFewer": "Hours: {hours} a week, fewer than the {wanted} they want.",
  "matching.reason.shiftsNoPreference": "Shifts: no shifts recorded that they could work.",
  "matching.reason.shiftsNotGiven": "Shifts: the job does not say which shifts.",
  "matching.reason.shiftsAll": "Shifts: all shifts they could work ({fitting}).",
  "matching.reason.shiftsSome": "Shifts: some they could work ({fitting}), some they could not ({missing}).",
  "matching.reason.shiftsNone": "Shifts: none they could work ({missing}).",
  "matching.reason.travelHomeBased": "Travel: home-based, so no travel to work.",
  "matching.reason.travelNoPostcode": "Travel: cannot be compared without a postcode in their address.",
  "matching.reason.travelNoDistrict": "Travel: the job has no postcode district to compare.",
  "matching.reason.travelSameDistrict":
    "Travel: in their own postcode district ({district}), probably close (approximate).",
  "matching.reason.travelSameArea":
    "Travel: elsewhere in their postcode area ({district}, they live in {home}): may be a longer journey (approximate).",
  "matching.reason.travelSameAreaShortTravel":
    "Travel: elsewhere in their postcode area ({district}, they live in {home}), possibly further than the {miles} miles they would travel (approximate).",
  "matching.reason.travelElsewhere":
    "Travel: outside their postcode area ({district}, they live in {home}), probably far (approximate).",
  "matching.reason.payAtLeastFloor": "Pay: £{pay} an hour, at least the wage floor.",
  "matching.reason.payBelowFloor":
    "Pay: £{pay} an hour, below the wage floor of £{floor}: would not count as a competitive job.",
} as const;
