// Kept only for the demo seeding (employment/return-to-work/demo.ts), which another change is
// moving: consent lives in consent/service.ts. Goes once the demo imports it from service.ts.
export { consentGiven } from "./consent/service";
