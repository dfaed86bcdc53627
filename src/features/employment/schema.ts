// Employers, job development and the work a participant does. Employers, their people, the
// contacts logged with them and their job opportunities belong to the organisation; everything
// about one participant (disclosure, applications, jobs, sickness absence, return-to-work plans)
// is participant data, reached only through the door.
//
// Each sub-folder keeps its own tables in its schema.ts; this one gathers them, so that other
// features (foreign keys, tests) import employment's tables from one place. drizzle-kit reads
// every schema.ts under src/features and counts a table exported twice once.

export * from "./employers/schema";
export * from "./return-to-work/schema";
export * from "./settings/schema";
export * from "./work/schema";
