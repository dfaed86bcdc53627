// Kept only for the demo seeding (src/demo/participants.ts), which another change is moving: the
// NHS number lives in referrals/nhs-number.ts. Goes once the demo imports it from service.ts.
export { nhsNumberCheckDigit } from "./referrals/nhs-number";
