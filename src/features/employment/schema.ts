// Employers, job development and the work a participant does. Employers, their people, the
// contacts logged with them and their job opportunities belong to the organisation; everything
// about one participant (disclosure, applications, jobs, sickness absence, return-to-work plans)
// is participant data, reached only through the door.
//
// The tables live in two files to keep each readable; drizzle-kit reads only files named
// schema.ts, so this one gathers them.

export * from "./employer-schema";
export * from "./work-schema";
